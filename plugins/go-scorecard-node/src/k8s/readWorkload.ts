import {
  Document,
  isMap,
  isScalar,
  LineCounter,
  Node,
  Pair,
  Scalar,
} from 'yaml';
import { Container, ContainerEnv, SourceRef, Workload } from '../facts';
import { LineIndex } from '../text/lineIndex';
import { NodeReader } from '../yaml/nodes';
import { TEMPLATE_PLACEHOLDER } from './helm/templateValues';
import { preStopSleepSeconds } from './preStopSleep';

/**
 * The kinds whose pod template (`spec.template`) the analyzer reads: Kubernetes' own, Argo
 * Rollouts' `Rollout` and OpenKruise's `CloneSet`, which roll pods out the same way (their pods
 * get SIGTERM, drain and a grace period as a Deployment's do).
 */
export const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
  'CloneSet',
]);

const SERVING_PROBE_HANDLERS = ['httpGet', 'grpc', 'tcpSocket'];

/**
 * Container keys whose values cannot hide a preStop hook, a port or a probe (what
 * `Container.templated` is for; env values the checks read are unknown where hidden).
 */
const CONTAINER_KEYS_NOT_READ: ReadonlySet<string> = new Set([
  'securityContext',
  'env',
  'envFrom',
  'resources',
  'volumeMounts',
  'volumeDevices',
  'args',
  'command',
  'imagePullPolicy',
  'workingDir',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'startupProbe',
]);

/**
 * Pod spec keys whose values the checks do not read (what is hidden in them cannot hide the
 * grace period or the DNS config; containers are judged one by one).
 */
const POD_KEYS_NOT_READ: ReadonlySet<string> = new Set([
  'containers',
  'initContainers',
  'volumes',
  'affinity',
  'nodeSelector',
  'tolerations',
  'securityContext',
  'imagePullSecrets',
  'topologySpreadConstraints',
  'serviceAccountName',
  'priorityClassName',
]);

/** Where a workload document is, and what is known about its source text. */
export interface WorkloadSource {
  path: string;
  /** The original text (for snippets). */
  original: LineIndex;
  /** Lines of the text parsed (a rendered template's, else the original's). */
  lines: LineCounter;
  /** The original line a line of the parsed text comes from. */
  sourceLine(line: number): number;
  /** Lines of the parsed text where a template may produce YAML the analyzer cannot see. */
  opaqueLines: number[];
  /** The parsed text's line (1-based), to tell how deep an opaque line is indented. */
  parsedLine?: (line: number) => string;
}

/**
 * A YAML scalar's number: a number, or a string of digits (`"2"`); NaN for anything else,
 * an empty value (`terminationGracePeriodSeconds:` as Helm renders a missing value) included.
 */
function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(value))
    return Number(value);
  return NaN;
}

/** A name as messages show it: `(unnamed)` when missing or not a plain string. */
function displayName(name: string | undefined): string {
  return name?.trim() ? name : '(unnamed)';
}

function isTemplated(value: unknown): boolean {
  return typeof value === 'string' && value.includes(TEMPLATE_PLACEHOLDER);
}

/** Reads one Deployment/StatefulSet/DaemonSet document into a {@link Workload}. */
export class WorkloadReader {
  private readonly r: NodeReader;
  private readonly root: unknown;

  constructor(doc: Document.Parsed, private readonly src: WorkloadSource) {
    this.r = new NodeReader(doc);
    this.root = doc.contents;
  }

  private ref(node: Node | undefined): SourceRef {
    const line = this.src.sourceLine(
      this.src.lines.linePos(node?.range?.[0] ?? 0).line,
    );
    return {
      path: this.src.path,
      line,
      snippet: this.src.original.snippet(line),
    };
  }

  private keyRef(pair: Pair<Scalar, unknown>): SourceRef {
    return this.ref(pair.key);
  }

  /**
   * The source lines of the opaque template lines inside a mapping `node`, less those that can
   * only hide parts of values the checks do not read: a line indented deeper than the
   * mapping's keys, below one of the `ignored` keys (`securityContext:` then `{{ include … |
   * nindent 12 }}`), cannot add a key beside them nor change what the checks read.
   */
  private opaqueLinesIn(
    node: Node | undefined,
    ignored: ReadonlySet<string> = new Set(),
  ): number[] {
    if (!node?.range || this.src.opaqueLines.length === 0) return [];
    const keyIndent = this.keyIndent(node);
    const first = this.leadingOpaque(
      this.src.lines.linePos(node.range[0]).line,
      keyIndent,
    );
    const last = this.trailingOpaque(
      this.src.lines.linePos(node.range[2]).line,
      keyIndent,
    );
    const extents = this.pairExtents(node, last);
    const lines = this.src.opaqueLines
      .filter(l => l >= first && l <= last)
      .filter(l => {
        if (keyIndent === undefined || !this.src.parsedLine) return true;
        if (this.indentOf(l) <= keyIndent) return true;
        const owner = extents.find(e => l > e.from && l < e.to);
        return !owner || !ignored.has(owner.key);
      })
      .map(l => this.src.sourceLine(l));
    return [...new Set(lines)];
  }

  /** Each key of a block mapping, with the lines from its own to the next key's (or past `last`). */
  private pairExtents(
    node: Node,
    last: number,
  ): { key: string; from: number; to: number }[] {
    if (!isMap(node)) return [];
    const keyed = node.items.flatMap(p => {
      const key = p.key as Node | undefined;
      return isScalar(key) && key.range
        ? [
            {
              key: String(key.value),
              from: this.src.lines.linePos(key.range[0]).line,
            },
          ]
        : [];
    });
    return keyed.map((k, i) => ({ ...k, to: keyed[i + 1]?.from ?? last + 1 }));
  }

  /**
   * The last line of a mapping that ends at `last`, with the opaque lines right after it that
   * are indented deeper than its keys: output of an action under its last key (`lifecycle:`
   * then `{{- toYaml . | nindent 12 }}`, which left the key without a parsed value).
   */
  private trailingOpaque(last: number, keyIndent: number | undefined): number {
    if (keyIndent === undefined) return last;
    const opaque = new Set(this.src.opaqueLines);
    let end = last;
    for (let l = last + 1; opaque.has(l); l++) {
      if (this.indentOf(l) <= keyIndent) break;
      end = l;
    }
    return end;
  }

  /**
   * The first line of a mapping that starts at `first`, with the opaque lines right before it
   * that are indented as deep as its keys or deeper: output of an action between the parent's
   * key and the first key (`spec:` then `{{- include "common.pod" . | nindent 6 }}` then
   * `containers:`), which may add keys to the mapping.
   */
  private leadingOpaque(first: number, keyIndent: number | undefined): number {
    if (keyIndent === undefined) return first;
    const opaque = new Set(this.src.opaqueLines);
    let start = first;
    for (let l = first - 1; opaque.has(l); l--) {
      if (this.indentOf(l) < keyIndent) break;
      start = l;
    }
    return start;
  }

  /** How deep a parsed line is indented; a blank opaque line, as deep as its action is written. */
  private indentOf(line: number): number {
    let text = this.src.parsedLine?.(line) ?? '';
    if (!text.trim())
      text = this.src.original.lineText(this.src.sourceLine(line));
    return text.length - text.trimStart().length;
  }

  /** The column of a block mapping's keys (its first key's), if it is one. */
  private keyIndent(node: Node): number | undefined {
    if (!isMap(node) || node.flow) return undefined;
    const key = node.items[0]?.key as Node | undefined;
    if (!key?.range) return undefined;
    return this.src.lines.linePos(key.range[0]).col - 1;
  }

  read(kind: Workload['kind']): Workload {
    const kindPair = this.r.pair(this.root, 'kind')!;
    const podSpec = this.r.get(this.root, 'spec', 'template', 'spec');
    const containers = this.r
      .items(this.r.get(podSpec, 'containers'))
      .map(c => this.container(c));
    const workload: Workload = {
      kind,
      name: displayName(this.r.string(this.root, 'metadata', 'name')),
      ref: this.keyRef(kindPair),
      containers,
    };
    const templated = this.opaqueLinesIn(podSpec, POD_KEYS_NOT_READ);

    const grace = this.r.pair(podSpec, 'terminationGracePeriodSeconds');
    const graceValue = this.r.resolve(grace?.value);
    if (grace && isScalar(graceValue)) {
      const value = numberOf(graceValue.value);
      if (Number.isInteger(value))
        workload.terminationGracePeriodSeconds = {
          value,
          ref: this.keyRef(grace),
        };
      else if (isTemplated(graceValue.value))
        templated.push(this.keyRef(grace).line);
    }

    for (const option of this.r.items(
      this.r.get(podSpec, 'dnsConfig', 'options'),
    )) {
      if (this.r.string(option, 'name') !== 'ndots') continue;
      const raw = this.r.get(option, 'value');
      const value = isScalar(raw) ? numberOf(raw.value) : NaN;
      if (Number.isInteger(value)) workload.ndots = value;
      else if (isScalar(raw) && isTemplated(raw.value))
        templated.push(this.ref(raw).line);
    }

    if (templated.length) workload.templated = [...new Set(templated)];
    const hasImage = (c: unknown) => this.r.get(c, 'image') !== undefined;
    if (
      !this.src.opaqueLines.length &&
      !this.r.items(this.r.get(podSpec, 'containers')).some(hasImage)
    ) {
      workload.patch = true;
    }
    return workload;
  }

  private container(node: Node): Container {
    const namePair = this.r.pair(node, 'name');
    const container: Container = {
      name: displayName(this.r.string(node, 'name')),
      ref: namePair ? this.keyRef(namePair) : this.ref(node),
      servesTraffic: this.servesTraffic(node),
      env: this.r.items(this.r.get(node, 'env')).flatMap(e => this.env(e)),
    };
    const envFrom = this.r.items(this.r.get(node, 'envFrom')).flatMap(e => {
      const configMap = this.r.string(e, 'configMapRef', 'name');
      const prefix = this.r.string(e, 'prefix');
      return configMap ? [{ configMap, ...(prefix ? { prefix } : {}) }] : [];
    });
    if (envFrom.length) container.envFrom = envFrom;
    const args = ['command', 'args'].flatMap(key =>
      this.r.items(this.r.get(node, key)).flatMap(item => {
        const word = this.r.resolve(item);
        if (!isScalar(word) || word.value === null || isTemplated(word.value))
          return [];
        return [{ ...this.ref(word), value: String(word.value) }];
      }),
    );
    if (args.length) container.args = args;
    const image = this.r.string(node, 'image')?.trim();
    if (image && !isTemplated(image)) container.image = image;
    const preStop = this.r.pair(this.r.get(node, 'lifecycle'), 'preStop');
    if (preStop) {
      const hook = this.r.resolve(preStop.value);
      const sleep = this.r.get(hook, 'sleep', 'seconds');
      const command = this.r.items(this.r.get(hook, 'exec', 'command'));
      let sleepSeconds: number | undefined;
      if (isScalar(sleep) && Number.isFinite(numberOf(sleep.value)))
        sleepSeconds = numberOf(sleep.value);
      else if (command.length > 0 && command.every(isScalar)) {
        sleepSeconds = preStopSleepSeconds(
          command.map(c => String((c as Scalar).value)),
        );
      }
      container.preStop = { sleepSeconds, ref: this.keyRef(preStop) };
    }
    const opaque = this.opaqueLinesIn(node, CONTAINER_KEYS_NOT_READ);
    if (opaque.length) container.templated = opaque;
    return container;
  }

  private servesTraffic(node: Node): boolean {
    if (this.r.items(this.r.get(node, 'ports')).length > 0) return true;
    return ['readinessProbe', 'livenessProbe'].some(probe =>
      SERVING_PROBE_HANDLERS.some(
        h => this.r.get(node, probe, h) !== undefined,
      ),
    );
  }

  private env(node: Node): ContainerEnv[] {
    const name = this.r.string(node, 'name');
    if (!name || !isMap(node)) return [];
    const pair = this.r.pair(node, 'value');
    const value = this.r.resolve(pair?.value);
    const refName = this.r.string(node, 'valueFrom', 'configMapKeyRef', 'name');
    const refKey = this.r.string(node, 'valueFrom', 'configMapKeyRef', 'key');
    if (refName && refKey)
      return [{ name, configMapKeyRef: { name: refName, key: refKey } }];
    const fieldPath = this.r.string(node, 'valueFrom', 'fieldRef', 'fieldPath');
    const from = this.r.pair(node, 'valueFrom');
    if (fieldPath && from)
      return [{ name, fieldRef: { ...this.keyRef(from), value: fieldPath } }];
    if (
      !pair ||
      !isScalar(value) ||
      value.value === null ||
      isTemplated(value.value)
    )
      return [{ name }];
    const ref = this.keyRef(pair);
    return [{ name, value: { ...ref, value: String(value.value) } }];
  }
}
