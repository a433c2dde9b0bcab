/**
 * Facts of Kustomize's patches: what a kustomization lists, and the JSON6902 operations of
 * the files it names. Read by `kustomization.ts`, applied to the workloads by
 * `applyKustomizePatches.ts`. Field names and semantics follow the kustomization file
 * reference (kubectl.docs.kubernetes.io/references/kustomize/kustomization/) and RFC 6902.
 */

import type { LocatedValue, SourceRef, Workload } from '../facts';

/**
 * A patch's `target` (kustomize's `types.Selector`). `kind` and `name` are regular
 * expressions anchored at both ends, as kustomize compiles them; absent matches any.
 * `group`, `version` and `namespace` are not read (workload facts do not carry them).
 */
export interface PatchTarget {
  kind?: string;
  name?: string;
  /**
   * The `labelSelector` or `annotationSelector`, when given. Workload facts carry no labels,
   * so the selector is not evaluated: the patch goes to every workload the kind and name
   * select, with a note.
   */
  selector?: string;
}

/** An RFC 6902 operation, read for the fields the workload facts hold. */
export interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  /** The `path` pointer's reference tokens, unescaped (`~1` is `/`, `~0` is `~`). */
  path: string[];
  /** The `from` pointer of `move` and `copy`, unescaped. */
  from?: string[];
  /**
   * The `value` read as the workload it would be were it written at `path` (a
   * `/spec/template/spec/containers/0/lifecycle` value becomes the lifecycle of the one
   * container of the fragment). Absent for `remove` and for values outside the pod spec.
   */
  fragment?: Workload;
  /** The `value` when it is a scalar (`/env/1/value`), as a string. */
  scalar?: LocatedValue;
  /** Where the op's `value` (its `path` when it has none) is written. */
  ref: SourceRef;
}

/**
 * One entry of a kustomization's `patches`, `patchesStrategicMerge` or `patchesJson6902`,
 * in the order kustomize applies them: a file (`path:`, or a `patchesStrategicMerge` item),
 * or inline text (`patch: |`), either a strategic-merge patch or a JSON6902 op list.
 */
export interface KustomizePatch {
  /** The patch file's path, resolved against the kustomization's directory. */
  file?: string;
  /** Inline JSON6902 operations. */
  ops?: JsonPatchOp[];
  /** Inline strategic-merge patches of workloads. */
  workloads?: Workload[];
  target?: PatchTarget;
  /** Where the entry is listed. */
  ref: SourceRef;
}

/** A `kind: Kustomization` (or `Component`) document, or a kustomization file without kind. */
export interface Kustomization {
  type: 'kustomization';
  path: string;
  /** Directory of the file (`.` for the root). */
  dir: string;
  /**
   * `resources` and `bases`, resolved against `dir` (remote URLs included as written): files of
   * objects, or folders of kustomizations, rendered and included in order.
   */
  resources: string[];
  /**
   * `components`, resolved against `dir`: folders of kustomizations applied, in order, to what
   * the resources gave (their own resources added, then their patches), before this
   * kustomization's patches.
   */
  components: string[];
  /** A `kind: Component` document: applied where listed, never rendered on its own. */
  component?: boolean;
  /** Patches in application order: patchesStrategicMerge, patches, patchesJson6902. */
  patches: KustomizePatch[];
  /** `configMapGenerator` entries, in order. */
  configMapGenerator?: GeneratedConfigMap[];
  /** What could not be read (an inline patch that does not parse). */
  notes: string[];
}

/**
 * A `configMapGenerator` entry: the ConfigMap it makes (or, in an overlay, changes: `behavior:
 * merge` adds and overrides keys, `replace` replaces the data), from `literals` (`K=V`) and the
 * `KEY=VALUE` lines of its `envs` files (and the older single `env`). Kustomize docs,
 * "configMapGenerator".
 */
export interface GeneratedConfigMap {
  name: string;
  behavior: 'create' | 'merge' | 'replace';
  literals: Record<string, LocatedValue>;
  /** `envs` files, resolved against the kustomization's directory. */
  envFiles: string[];
  ref: SourceRef;
}

/** A file whose document is a JSON6902 op list (YAML or JSON), for a `path:` that names it. */
export interface JsonPatchFile {
  type: 'json6902';
  path: string;
  ops: JsonPatchOp[];
}

/** What one YAML document says about Kustomize patches. */
export type KustomizeFact = Kustomization | JsonPatchFile;
