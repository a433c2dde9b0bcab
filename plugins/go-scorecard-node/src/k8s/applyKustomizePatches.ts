import { posix } from 'node:path';
import { ScanNote } from '@internal/plugin-go-scorecard-common';
import { ConfigMapFacts, Workload } from '../facts';
import { generatedConfigMaps } from './generatedConfigMaps';
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

/** Most workloads one kustomization renders (a tree that includes a base many times over). */
const MAX_RENDERED = 5000;

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

/** Notes without repeats: a patch applies once per root kustomization that includes it. */
class Notes {
  private readonly byKey = new Map<string, ScanNote>();

  push(...notes: ScanNote[]): void {
    for (const n of notes) this.byKey.set(`${n.path}\n${n.message}`, n);
  }

  list(): ScanNote[] {
    return [...this.byKey.values()];
  }
}

/** A copy of a workload, its containers copied too, for one root kustomization. */
function copyFor(w: Workload, overlay?: string): Workload {
  return {
    ...w,
    containers: w.containers.map(c => ({ ...c })),
    ...(overlay === undefined ? {} : { overlay }),
  };
}

/**
 * What each root kustomization deploys (`kubectl kustomize <root>`), as far as the workload
 * facts go. A root is a kustomization no other kustomization of the tree includes through
 * `resources`, `bases` or `components`, and not a `kind: Component`. Each renders its own
 * copies of the workloads of the resource files it includes transitively, a kustomization
 * in kustomize's order: its resources (files, and folders of kustomizations rendered the same
 * way, each with its own patches), then its components in order (a component adds its
 * resources and patches what was gathered so far), then its own patches
 * (patchesStrategicMerge, patches, patchesJson6902):
 * - a patch file (`path:`, a `patchesStrategicMerge` item) that holds a JSON6902 op list is
 *   applied to the target's workloads ({@link applyJsonPatch}); one that holds workload
 *   documents is merged into the workloads of the target, or without a target of the same
 *   kind and name; a workload document of a file a kustomization names as a patch is a patch,
 *   image or not;
 * - inline JSON6902 ops and strategic-merge documents likewise.
 * Each copy names its root in `overlay`. A workload of a file no root includes (plain
 * manifests, Helm templates, a file only an unused component lists) is returned as it is, once.
 * Before that, as before kustomizations were read, strategic-merge patch documents in files no
 * kustomization names (a workload without `image`) are merged by kind and name into every
 * workload ({@link mergeKustomizePatches}); a workload of a file a kustomization lists as a
 * resource is a resource, image or not. A patch whose target selects no workload is dropped;
 * JSON6902 without a target is dropped with a note. Returns new workloads, and notes on what
 * was not applied. Each root's `configMapGenerator`s also give the ConfigMaps its workloads
 * see ({@link generatedConfigMaps}; `envFiles`: the texts of the tree's env files by path).
 */
export function applyKustomizePatches(
  workloads: Workload[],
  kustomize: KustomizeFact[],
  envFiles: ReadonlyMap<string, string> = new Map(),
): { workloads: Workload[]; configMaps: ConfigMapFacts[]; notes: ScanNote[] } {
  const notes = new Notes();
  const kustomizations = kustomize
    .filter((k): k is Kustomization => k.type === 'kustomization')
    .sort((a, b) => a.path.localeCompare(b.path));
  if (kustomizations.length === 0)
    return {
      workloads: mergeKustomizePatches(workloads),
      configMaps: [],
      notes: [],
    };
  const byDir = new Map<string, Kustomization[]>();
  for (const k of kustomizations)
    byDir.set(k.dir, [...(byDir.get(k.dir) ?? []), k]);
  const opFiles = new Map<string, JsonPatchOp[]>();
  for (const k of kustomize)
    if (k.type === 'json6902') opFiles.set(k.path, k.ops);
  const patchFiles = new Set(
    kustomizations.flatMap(k =>
      k.patches.flatMap(p => (p.file ? [p.file] : [])),
    ),
  );
  const resourceFiles = new Set(
    kustomizations.flatMap(k => k.resources.filter(r => !byDir.has(r))),
  );
  const named = workloads.filter(w => patchFiles.has(w.ref.path));
  const merged = mergeKustomizePatches(
    workloads
      .filter(w => !patchFiles.has(w.ref.path))
      .map(w => {
        if (!w.patch || !resourceFiles.has(w.ref.path)) return w;
        const { patch: _, ...resource } = w;
        return resource;
      }),
  );
  const byFile = new Map<string, Workload[]>();
  for (const w of merged)
    byFile.set(w.ref.path, [...(byFile.get(w.ref.path) ?? []), w]);
  // A folder without a kustomization the analyzer read (one that did not parse): the
  // workloads of its files, as the nearest reading.
  const inFolder = (dir: string) =>
    merged.filter(w => posix.dirname(w.ref.path) === dir);

  const files: PatchFiles = { named, opFiles, notes };
  for (const k of kustomizations) noteKustomization(k, files);

  const included = new Set<string>();
  // A base renders the same for every kustomization that includes it (patches return new
  // workloads, never change theirs).
  const bases = new Map<Kustomization, Workload[]>();
  /** The workloads a kustomization adds to `gathered`, and its patches applied to them. */
  const render = (
    k: Kustomization,
    gathered: Workload[],
    path: Kustomization[],
  ): Workload[] => {
    if (path.includes(k)) {
      notes.push({
        path: k.path,
        message: `includes itself (${[...path.slice(path.indexOf(k)), k]
          .map(x => x.dir)
          .join(' → ')}); not rendered again`,
      });
      return gathered;
    }
    const inner = [...path, k];
    let out = gathered;
    for (const r of k.resources) {
      for (const base of byDir.get(r) ?? []) {
        let own = bases.get(base);
        if (!own) {
          own = render(base, [], inner);
          bases.set(base, own);
        }
        out = [...out, ...own];
      }
      if (!byDir.has(r)) {
        const direct = byFile.get(r) ?? inFolder(r);
        for (const w of direct) included.add(w.ref.path);
        out = [...out, ...direct.map(w => copyFor(w))];
      }
      if (out.length > MAX_RENDERED) {
        notes.push({
          path: k.path,
          message: `renders more than ${MAX_RENDERED} workloads; the rest is not read`,
        });
        out = out.slice(0, MAX_RENDERED);
        break;
      }
    }
    for (const c of k.components)
      for (const component of byDir.get(c) ?? [])
        out = render(component, out, inner);
    return patchWorkloads(k, out, files);
  };

  const referenced = new Set(
    kustomizations.flatMap(k =>
      [...k.resources, ...k.components].flatMap(r =>
        (byDir.get(r) ?? []).filter(x => x !== k),
      ),
    ),
  );
  const roots = kustomizations.filter(k => !referenced.has(k) && !k.component);
  const rendered = roots.flatMap(root =>
    render(root, [], []).map(w => copyFor(w, root.dir)),
  );
  const configMaps = roots.flatMap(root =>
    generatedConfigMaps(root, byDir, envFiles, notes),
  );
  return {
    workloads: [...merged.filter(w => !included.has(w.ref.path)), ...rendered],
    configMaps,
    notes: notes.list(),
  };
}

/** What a kustomization's patches say that cannot be applied as written: noted once. */
function noteKustomization(k: Kustomization, files: PatchFiles): void {
  const { notes } = files;
  notes.push(...k.notes.map(message => ({ path: k.path, message })));
  for (const patch of k.patches) {
    const where = `line ${patch.ref.line}`;
    if (patch.target?.selector)
      notes.push({
        path: k.path,
        message: `${where}: patch target selector "${patch.target.selector}" not evaluated (labels are not read); the patch applies to every workload of its kind and name`,
      });
    const ops = patch.file ? files.opFiles.get(patch.file) : patch.ops;
    if (ops && !patch.target)
      notes.push({
        path: k.path,
        message: `${where}: JSON6902 patch ${
          patch.file ?? ''
        } without a target skipped`,
      });
    else if (!ops && patch.file)
      notePatchFileNotRead(patch, files.named, notes, k);
  }
}

/** The patch files kustomizations name, read, and where notes go. */
interface PatchFiles {
  /** Workload documents of files a kustomization names as a patch. */
  named: Workload[];
  /** JSON6902 op lists by file. */
  opFiles: Map<string, JsonPatchOp[]>;
  notes: Notes;
}

/** A kustomization's patches applied to the workloads gathered for it, in order. */
function patchWorkloads(
  k: Kustomization,
  gathered: Workload[],
  files: PatchFiles,
): Workload[] {
  let result = gathered;
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
  for (const patch of k.patches) {
    const ops = patch.file ? files.opFiles.get(patch.file) : patch.ops;
    if (ops && patch.target) {
      const target = patch.target;
      result = result.map(w => {
        if (!targetMatches(target, w)) return w;
        const applied = applyJsonPatch(w, ops);
        files.notes.push(...applied.notes);
        return applied.workload;
      });
    } else if (ops) {
      // Without a target: noted by noteKustomization.
    } else if (patch.file) {
      smp(
        files.named.filter(w => w.ref.path === patch.file),
        patch.target,
      );
    } else if (patch.workloads) {
      smp(patch.workloads, patch.target);
    }
  }
  return result;
}

/** A note for a patch file ending in `.json` that was not read as a JSON6902 op list. */
function notePatchFileNotRead(
  patch: KustomizePatch,
  named: Workload[],
  notes: Notes,
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
