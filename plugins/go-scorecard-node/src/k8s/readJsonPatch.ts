import {
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  Pair,
  Range,
  Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { SourceRef, Workload } from '../facts';
import { LineIndex } from '../text/lineIndex';
import { NodeReader } from '../yaml/nodes';
import { JsonPatchOp } from './kustomizePatch';
import { WorkloadReader, WorkloadSource } from './readWorkload';

/** A YAML document's file, with what gives its nodes lines of that file. */
export interface PatchSource {
  path: string;
  /** The file's text, for snippets. */
  original: LineIndex;
  /** Lines of the parsed text, as lines of the file (see {@link mappedLines}). */
  lines: LineCounter;
}

/** A line counter that gives `toLine` of `inner`'s lines: text inside a scalar, in its file's lines. */
export function mappedLines(
  inner: LineCounter,
  toLine: (line: number) => number,
): LineCounter {
  const mapped = new LineCounter();
  mapped.linePos = offset => {
    const p = inner.linePos(offset);
    return { line: toLine(p.line), col: p.col };
  };
  return mapped;
}

/** A {@link WorkloadReader}'s source for plain YAML (no template lines). */
export function readerSource(src: PatchSource): WorkloadSource {
  const none: number[] = [];
  const source = {
    ...src,
    sourceLine: (line: number) => line,
    opaqueLines: none,
    actionLines: none,
  };
  return source;
}

const OPS = new Set<string>([
  'add',
  'remove',
  'replace',
  'move',
  'copy',
  'test',
]);

/** Where a workload's pod spec is: `/spec/template/spec`. */
export const POD_SPEC = ['spec', 'template', 'spec'];

/** Container fields the workload facts hold. */
const CONTAINER_FIELDS = new Set([
  'name',
  'lifecycle',
  'env',
  'envFrom',
  'ports',
  'readinessProbe',
  'livenessProbe',
]);

/**
 * The reference tokens of an RFC 6901 JSON pointer (`/a/b~1c` is `a`, `b/c`), or undefined
 * when `pointer` is not one. `~1` is unescaped before `~0`, as the RFC says.
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/spec/template/spec/...`: a JSON pointer written back from its tokens. */
export function formatPointer(tokens: string[]): string {
  return tokens
    .map(t => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** Whether `prefix` is a prefix of `tokens` (or equal). */
export function startsWith(tokens: string[], prefix: string[]): boolean {
  return (
    prefix.length <= tokens.length && prefix.every((t, i) => tokens[i] === t)
  );
}

/** An index token of a list: digits, or `-` (past the end). */
export function isIndexToken(token: string): boolean {
  return token === '-' || /^\d+$/.test(token);
}

/**
 * Whether an operation at `tokens` may change a workload fact: the pod spec or what leads to
 * it, its terminationGracePeriodSeconds and dnsConfig, its container list, and a container's
 * name, lifecycle, env, envFrom, ports and probes.
 */
export function touchesWorkloadFacts(tokens: string[]): boolean {
  if (tokens.length > 0 && startsWith(POD_SPEC, tokens)) return true;
  if (!startsWith(tokens, POD_SPEC)) return false;
  const [field, index, containerField] = tokens.slice(POD_SPEC.length);
  if (field === 'terminationGracePeriodSeconds' || field === 'dnsConfig')
    return true;
  if (field !== 'containers') return false;
  return index === undefined || containerField === undefined
    ? true
    : CONTAINER_FIELDS.has(containerField);
}

/** Whether a node is a JSON6902 op list: a non-empty sequence of maps with an `op` and a `path`. */
export function isJsonPatchList(r: NodeReader, node: unknown): boolean {
  const seq = r.resolve(node);
  if (!isSeq(seq) || seq.items.length === 0) return false;
  return r
    .items(seq)
    .every(
      item =>
        isMap(item) &&
        OPS.has(r.string(item, 'op') ?? '') &&
        r.string(item, 'path') !== undefined,
    );
}

/**
 * Reads the operations of a JSON6902 op list (see {@link isJsonPatchList}) into facts: each
 * op's pointers, and its `value` as the workload fragment it writes (see
 * {@link JsonPatchOp.fragment}), with lines from `src` (whose `lines` may map an inline
 * patch's lines to the kustomization's). Ops whose pointer does not parse are skipped.
 */
export function readJsonPatchOps(
  doc: Document.Parsed,
  list: unknown,
  src: PatchSource,
): JsonPatchOp[] {
  const r = new NodeReader(doc);
  const ref = (node: Node | undefined): SourceRef => {
    const line = src.lines.linePos(node?.range?.[0] ?? 0).line;
    return { path: src.path, line, snippet: src.original.snippet(line) };
  };
  const ops: JsonPatchOp[] = [];
  for (const item of r.items(list)) {
    const op = r.string(item, 'op');
    const path = parsePointer(r.string(item, 'path') ?? '#');
    if (!op || !OPS.has(op) || !path) continue;
    const valuePair = r.pair(item, 'value');
    const at = (valuePair?.key ?? r.pair(item, 'path')?.key ?? item) as Node;
    const read: JsonPatchOp = {
      op: op as JsonPatchOp['op'],
      path,
      ref: ref(at),
    };
    const from = parsePointer(r.string(item, 'from') ?? '#');
    if (from) read.from = from;
    const value = r.resolve(valuePair?.value);
    if (valuePair && (op === 'add' || op === 'replace')) {
      if (isScalar(value) && value.value !== null) {
        read.scalar = { ...ref(value), value: String(value.value) };
      }
      if (value && touchesWorkloadFacts(path)) {
        const fragment = readFragment(value, path, at.range ?? [0, 0, 0], src);
        if (fragment) read.fragment = fragment;
      }
    }
    ops.push(read);
  }
  return ops;
}

/**
 * The workload `value` makes when written at `path`: the value wrapped in maps (and in
 * one-item sequences for index tokens) up to a document root, then read as a workload. The
 * wrapping keys' lines are those of the op's `value:` key (`at`).
 */
function readFragment(
  value: Node,
  path: string[],
  at: Range,
  src: PatchSource,
): Workload | undefined {
  if (path.length === 0) return undefined;
  const key = (name: string) => {
    const s = new Scalar(name);
    s.range = at;
    return s;
  };
  let node: Node = value;
  for (let i = path.length - 1; i >= 0; i--) {
    if (isIndexToken(path[i])) {
      const seq = new YAMLSeq();
      seq.items.push(node);
      seq.range = at;
      node = seq;
    } else {
      const map = new YAMLMap();
      map.items.push(new Pair(key(path[i]), node));
      map.range = at;
      node = map;
    }
  }
  if (!isMap(node)) return undefined;
  node.items.push(new Pair(key('kind'), key('Deployment')));
  // Aliases inside the value resolve against the wrapped value (anchors outside it do not).
  const wrapped = new Document() as unknown as Document.Parsed;
  wrapped.contents = node as Document.Parsed['contents'];
  try {
    return new WorkloadReader(wrapped, readerSource(src)).read('Deployment');
  } catch {
    return undefined;
  }
}
