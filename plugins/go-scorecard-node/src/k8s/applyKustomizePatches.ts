import { ScanNote } from '@internal/plugin-go-scorecard-common';
import { Workload } from '../facts';
import { applyJsonPatch } from './jsonPatch';
import {
  JsonPatchOp,
  KustomizeFact,
  KustomizePatch,
  Kustomization,
  PatchTarget,
} from './kustomizePatch';
import {
  mergeKustomizePatches,
  mergeStrategicPatch,
} from './mergeKustomizePatches';

/** Longest target pattern compiled as a regular expression. */
const MAX_PATTERN = 200;

/**
 * A matcher for a target's `kind` or `name`: kustomize compiles them as regular expressions
 * anchored at both ends (`^(?:name)$`). A plain name (letters, digits, `-`, `.`, `_`) is
 * compared exactly (its `.` is taken literally); a pattern that JavaScript does not compile,
 * that is long, or that quantifies a group (nested repetition can backtrack without end) is
 * compared exactly too.
 */
function matcher(pattern: string | undefined): (value: string) => boolean {
  if (pattern === undefined || pattern === '') return () => true;
  if (
    /^[\w.-]*$/.test(pattern) ||
    pattern.length > MAX_PATTERN ||
    /\)[*+?{]/.test(pattern)
  )
    return value => value === pattern;
  try {
    const re = new RegExp(`^(?:${pattern})$`);
    return value => re.test(value);
  } catch {
    return value => value === pattern;
  }
}

/** Whether a patch target selects a workload (by kind and name; see {@link PatchTarget}). */
export function targetMatches(target: PatchTarget, w: Workload): boolean {
  return matcher(target.kind)(w.kind) && matcher(target.name)(w.name);
}

/**
 * Kustomizations in the order their patches apply: a kustomization after those its
 * `resources` (bases, components) name by directory, then by path.
 */
function inApplicationOrder(kustomizations: Kustomization[]): Kustomization[] {
  const byDir = new Map<string, Kustomization[]>();
  for (const k of kustomizations)
    byDir.set(k.dir, [...(byDir.get(k.dir) ?? []), k]);
  const ordered: Kustomization[] = [];
  const seen = new Set<Kustomization>();
  const visit = (k: Kustomization) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const r of k.resources)
      for (const base of byDir.get(r) ?? []) visit(base);
    ordered.push(k);
  };
  [...kustomizations]
    .sort((a, b) => a.path.localeCompare(b.path))
    .forEach(visit);
  return ordered;
}

/**
 * Applies Kustomize patches to the workloads: first, as before, the strategic-merge patch
 * documents no kustomization names (merged by kind and name, {@link mergeKustomizePatches});
 * then every kustomization's patches, bases before the overlays that include them, each in
 * kustomize's order (patchesStrategicMerge, patches, patchesJson6902):
 * - a patch file (`path:`, a `patchesStrategicMerge` item) that holds a JSON6902 op list is
 *   applied to the target's workloads ({@link applyJsonPatch}); one that holds workload
 *   documents is merged into the workloads of the target, or without a target of the same
 *   kind and name; a workload document of a file a kustomization names as a patch is a patch,
 *   image or not;
 * - inline JSON6902 ops and strategic-merge documents likewise.
 * As with overlays of strategic-merge files, every overlay's patches apply to the one base.
 * A patch whose target selects no workload is dropped; JSON6902 without a target is dropped
 * with a note. Returns new workloads, and notes on what was not applied.
 */
export function applyKustomizePatches(
  workloads: Workload[],
  kustomize: KustomizeFact[],
): { workloads: Workload[]; notes: ScanNote[] } {
  const notes: ScanNote[] = [];
  const kustomizations = inApplicationOrder(
    kustomize.filter((k): k is Kustomization => k.type === 'kustomization'),
  );
  const opFiles = new Map<string, JsonPatchOp[]>();
  for (const k of kustomize)
    if (k.type === 'json6902') opFiles.set(k.path, k.ops);
  const patchFiles = new Set(
    kustomizations.flatMap(k =>
      k.patches.flatMap(p => (p.file ? [p.file] : [])),
    ),
  );
  const named = workloads.filter(w => patchFiles.has(w.ref.path));
  let result = mergeKustomizePatches(
    workloads.filter(w => !patchFiles.has(w.ref.path)),
  );

  const smp = (patches: Workload[], target: PatchTarget | undefined) => {
    for (const patch of patches) {
      result = result.map(w =>
        (
          target
            ? targetMatches(target, w)
            : w.kind === patch.kind && w.name === patch.name
        )
          ? mergeStrategicPatch(w, patch)
          : w,
      );
    }
  };
  const json6902 = (ops: JsonPatchOp[], target: PatchTarget) => {
    result = result.map(w => {
      if (!targetMatches(target, w)) return w;
      const applied = applyJsonPatch(w, ops);
      notes.push(...applied.notes);
      return applied.workload;
    });
  };

  for (const k of kustomizations) {
    notes.push(...k.notes.map(message => ({ path: k.path, message })));
    for (const patch of k.patches) {
      const where = `line ${patch.ref.line}`;
      if (patch.target?.selector)
        notes.push({
          path: k.path,
          message: `${where}: patch target selector "${patch.target.selector}" not evaluated (labels are not read); the patch applies to every workload of its kind and name`,
        });
      const ops = patch.file ? opFiles.get(patch.file) : patch.ops;
      if (ops && !patch.target) {
        notes.push({
          path: k.path,
          message: `${where}: JSON6902 patch ${
            patch.file ?? ''
          } without a target skipped`,
        });
      } else if (ops && patch.target) {
        json6902(ops, patch.target);
      } else if (patch.file) {
        smp(
          named.filter(w => w.ref.path === patch.file),
          patch.target,
        );
        notePatchFileNotRead(patch, named, notes, k);
      } else if (patch.workloads) {
        smp(patch.workloads, patch.target);
      }
    }
  }
  return { workloads: result, notes };
}

/** A note for a patch file ending in `.json` that was not read as a JSON6902 op list. */
function notePatchFileNotRead(
  patch: KustomizePatch,
  named: Workload[],
  notes: ScanNote[],
  k: Kustomization,
): void {
  if (
    !patch.file?.endsWith('.json') ||
    named.some(w => w.ref.path === patch.file)
  )
    return;
  notes.push({
    path: k.path,
    message: `line ${patch.ref.line}: patch file ${patch.file} not read (JSON patch files are read when their name contains "patch")`,
  });
}
