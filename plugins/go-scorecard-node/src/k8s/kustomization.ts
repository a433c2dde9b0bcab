import { posix } from 'node:path';
import { Document, isMap, isScalar, Node, Scalar } from 'yaml';
import { SourceRef, Workload } from '../facts';
import { NodeReader } from '../yaml/nodes';
import { firstError, parseYaml } from '../yaml/parseYaml';
import {
  GeneratedConfigMap,
  KustomizeFact,
  KustomizePatch,
  Kustomization,
  PatchTarget,
} from './kustomizePatch';
import {
  PatchSource,
  isJsonPatchList,
  mappedLines,
  readJsonPatchOps,
  readerSource,
} from './readJsonPatch';
import { generatorPair } from './generatedConfigMaps';
import { WORKLOAD_KINDS, WorkloadReader } from './readWorkload';

/** Names kustomize looks for in a directory. */
const KUSTOMIZATION_FILES = new Set([
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
]);

/** Keys that make a kind-less document in a kustomization file one. */
const KUSTOMIZATION_KEYS = [
  'resources',
  'configMapGenerator',
  'bases',
  'components',
  'patches',
  'patchesStrategicMerge',
  'patchesJson6902',
];

/** A relative path of a kustomization resolved against its directory; URLs as written. */
function resolvePath(dir: string, written: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written) || written.startsWith('/'))
    return written;
  // `../base/` names the folder `../base`.
  return posix.normalize(posix.join(dir, written)).replace(/(.)\/+$/, '$1');
}

class KustomizationReader {
  private readonly r: NodeReader;
  private readonly root: unknown;
  private readonly notes: string[] = [];

  constructor(
    doc: Document.Parsed,
    private readonly src: PatchSource,
    private readonly component: boolean,
  ) {
    this.r = new NodeReader(doc);
    this.root = doc.contents;
  }

  private line(node: Node | undefined): number {
    return this.src.lines.linePos(node?.range?.[0] ?? 0).line;
  }

  private ref(node: Node | undefined): SourceRef {
    const line = this.line(node);
    return {
      path: this.src.path,
      line,
      snippet: this.src.original.snippet(line),
    };
  }

  read(): Kustomization {
    const dir = posix.dirname(this.src.path);
    const paths = (...keys: string[]) =>
      keys.flatMap(key =>
        this.r.items(this.r.get(this.root, key)).flatMap(item => {
          const s = isScalar(item) ? item.value : undefined;
          return typeof s === 'string' ? [resolvePath(dir, s)] : [];
        }),
      );
    const patches: KustomizePatch[] = [];
    // kustomize's transformer order: PatchStrategicMerge, Patch, ..., PatchJson6902.
    for (const item of this.r.items(
      this.r.get(this.root, 'patchesStrategicMerge'),
    )) {
      if (!isScalar(item) || typeof item.value !== 'string') continue;
      if (item.value.includes('\n')) {
        patches.push(...this.inline(item, undefined, 'strategic-merge'));
      } else {
        patches.push({
          file: resolvePath(dir, item.value.trim()),
          ref: this.ref(item),
        });
      }
    }
    for (const key of ['patches', 'patchesJson6902'] as const) {
      for (const item of this.r.items(this.r.get(this.root, key))) {
        const target = this.target(this.r.get(item, 'target'));
        const path = this.r.pair(item, 'path');
        const file = this.r.string(item, 'path');
        const inline = this.r.pair(item, 'patch');
        const text = this.r.resolve(inline?.value);
        if (file !== undefined) {
          patches.push({
            file: resolvePath(dir, file),
            ...(target ? { target } : {}),
            ref: this.ref(path?.key),
          });
        } else if (isScalar(text) && typeof text.value === 'string') {
          patches.push(
            ...this.inline(
              text,
              target,
              key === 'patches' ? 'either' : 'json6902',
            ),
          );
        }
      }
    }
    const generators = this.r
      .items(this.r.get(this.root, 'configMapGenerator'))
      .flatMap(item => this.generator(item, dir));
    return {
      type: 'kustomization',
      path: this.src.path,
      dir,
      resources: paths('resources', 'bases'),
      components: paths('components'),
      ...(this.component ? { component: true } : {}),
      patches,
      ...(generators.length ? { configMapGenerator: generators } : {}),
      notes: this.notes,
    };
  }

  /** One `configMapGenerator` entry (see {@link GeneratedConfigMap}); none without a name. */
  private generator(item: Node, dir: string): GeneratedConfigMap[] {
    const name = this.r.string(item, 'name');
    if (!name) return [];
    const written = this.r.string(item, 'behavior');
    const behavior =
      written === 'merge' || written === 'replace' ? written : 'create';
    const literals: GeneratedConfigMap['literals'] = {};
    for (const literal of this.r.items(this.r.get(item, 'literals'))) {
      if (!isScalar(literal) || typeof literal.value !== 'string') continue;
      const pair = generatorPair(literal.value);
      if (pair)
        literals[pair.key] = { ...this.ref(literal), value: pair.value };
    }
    const envs = [
      ...this.r.items(this.r.get(item, 'envs')),
      ...[this.r.get(item, 'env')].filter(isScalar),
    ].flatMap(e =>
      isScalar(e) && typeof e.value === 'string'
        ? [resolvePath(dir, e.value)]
        : [],
    );
    return [
      {
        name,
        behavior,
        literals,
        envFiles: envs,
        ref: this.ref(this.r.pair(item, 'name')?.key as Node | undefined),
      },
    ];
  }

  private target(node: Node | undefined): PatchTarget | undefined {
    if (!isMap(node)) return undefined;
    const target: PatchTarget = {};
    const kind = this.r.string(node, 'kind');
    const name = this.r.string(node, 'name');
    const selector =
      this.r.string(node, 'labelSelector') ??
      this.r.string(node, 'annotationSelector');
    if (kind) target.kind = kind;
    if (name) target.name = name;
    if (selector) target.selector = selector;
    return target;
  }

  /**
   * The patches of an inline patch text: a JSON6902 op list (which needs a target), or
   * strategic-merge documents of workloads. Lines of a literal block (`|`) count from the
   * line after its header; any other scalar gives its own line to everything in it.
   */
  private inline(
    scalar: Scalar,
    target: PatchTarget | undefined,
    expect: 'strategic-merge' | 'json6902' | 'either',
  ): KustomizePatch[] {
    const start = this.line(scalar);
    const at = scalar.type === Scalar.BLOCK_LITERAL ? start : undefined;
    const ref = this.ref(scalar);
    let parsed: ReturnType<typeof parseYaml>;
    try {
      parsed = parseYaml(String(scalar.value));
    } catch (e) {
      this.notes.push(
        `line ${start}: inline patch skipped: ${(e as Error).message}`,
      );
      return [];
    }
    const src: PatchSource = {
      path: this.src.path,
      original: this.src.original,
      lines: mappedLines(parsed.lines, l =>
        at === undefined ? start : at + l,
      ),
    };
    const out: KustomizePatch[] = [];
    const workloads: Workload[] = [];
    for (const doc of parsed.docs) {
      const error = firstError(doc, src.lines);
      if (error) {
        this.notes.push(`inline patch at line ${start} skipped: ${error}`);
        return [];
      }
      const r = new NodeReader(doc);
      if (expect !== 'strategic-merge' && isJsonPatchList(r, doc.contents)) {
        if (!target) {
          this.notes.push(
            `line ${start}: inline JSON6902 patch without a target skipped`,
          );
          continue;
        }
        out.push({
          ops: readJsonPatchOps(doc, doc.contents, src),
          target,
          ref,
        });
        continue;
      }
      if (expect === 'json6902') {
        this.notes.push(
          `line ${start}: patchesJson6902 patch is not a JSON6902 op list; skipped`,
        );
        continue;
      }
      const workload = this.strategicMerge(doc, r, src, target, start);
      if (workload) workloads.push(workload);
    }
    if (workloads.length)
      out.push({ workloads, ...(target ? { target } : {}), ref });
    return out;
  }

  /** An inline strategic-merge patch document of a workload, read as a `patch` workload. */
  private strategicMerge(
    doc: Document.Parsed,
    r: NodeReader,
    src: PatchSource,
    target: PatchTarget | undefined,
    start: number,
  ): Workload | undefined {
    const kind = r.string(doc.contents, 'kind');
    if (!kind) return undefined;
    // With a target, the patch's own kind may be any: the target's says what it patches.
    const workloadKind = [kind, target?.kind].find(
      k => k !== undefined && WORKLOAD_KINDS.has(k),
    );
    if (!workloadKind) return undefined;
    try {
      const w = new WorkloadReader(doc, readerSource(src)).read(
        workloadKind as Workload['kind'],
      );
      return { ...w, patch: true };
    } catch (e) {
      this.notes.push(
        `inline patch at line ${start} skipped: ${kind}: ${
          (e as Error).message
        }`,
      );
      return undefined;
    }
  }
}

/**
 * What a YAML document says about Kustomize patches: a kustomization (a document of kind
 * `Kustomization`, or `Component` of a `kustomize.config.k8s.io` apiVersion, or a document
 * without kind in a file kustomize reads, `kustomization.yaml`, `kustomization.yml` or
 * `Kustomization`, that has `resources`, `patches` or the like), or a JSON6902 op list
 * (a patch file `path:` may name). Nothing for any other document.
 */
export function readKustomizeDocument(
  doc: Document.Parsed,
  src: PatchSource,
): KustomizeFact[] {
  const r = new NodeReader(doc);
  const root = r.resolve(doc.contents);
  if (isJsonPatchList(r, root)) {
    const ops = readJsonPatchOps(doc, root, src);
    return [{ type: 'json6902', path: src.path, ops }];
  }
  if (!isMap(root)) return [];
  const kind = r.get(root, 'kind');
  const apiVersion = r.string(root, 'apiVersion') ?? '';
  const name = posix.basename(src.path);
  const component =
    r.string(root, 'kind') === 'Component' &&
    apiVersion.startsWith('kustomize.config.k8s.io/');
  const isKustomization =
    r.string(root, 'kind') === 'Kustomization' ||
    component ||
    (kind === undefined &&
      KUSTOMIZATION_FILES.has(name) &&
      KUSTOMIZATION_KEYS.some(k => r.pair(root, k)));
  return isKustomization
    ? [new KustomizationReader(doc, src, component).read()]
    : [];
}
