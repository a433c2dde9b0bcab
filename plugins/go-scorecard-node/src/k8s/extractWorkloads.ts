import { Document, isMap, isScalar, LineCounter, Scalar, visit } from 'yaml';
import { configValues, embeddedConfigValues } from '../config/configValues';
import { ConfigMapFacts, ConfigValue, Workload } from '../facts';
import { NodeReader } from '../yaml/nodes';
import { LineIndex } from '../text/lineIndex';
import { MAX_DOCUMENTS, firstError, parseYaml } from '../yaml/parseYaml';
import { blankTemplateActions } from './helmTemplate';
import { WORKLOAD_KINDS, WorkloadReader } from './readWorkload';

/** Most alias expansions allowed when checking a document for an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

/** Whether expanding the document's aliases stays within {@link MAX_ALIAS_COUNT}. */
function aliasesWithinLimit(doc: Document.Parsed): boolean {
  let hasAlias = false;
  visit(doc, {
    Alias() {
      hasAlias = true;
      return visit.BREAK;
    },
  });
  if (!hasAlias) return true;
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return true;
  } catch (e) {
    if (e instanceof ReferenceError) return false;
    throw e;
  }
}

/**
 * The Kubernetes workloads (Deployment, StatefulSet, DaemonSet) of a YAML file, read
 * document by document with their lines.
 *
 * `isManifest` is true when a document has string `apiVersion` and `kind`. Documents
 * that do not parse, expand too many aliases or exceed the document limit are skipped
 * with a note. Helm templates (`{{ … }}`) are read after blanking their actions line by
 * line ({@link blankTemplateActions}); what they may generate is marked `templated`.
 * Kustomize patches come back with `patch: true`, for `mergeKustomizePatches`.
 */
export function extractWorkloads(
  path: string,
  text: string,
): {
  isManifest: boolean;
  workloads: Workload[];
  notes: string[];
  configMaps: ConfigMapFacts[];
  configValues: ConfigValue[];
} {
  const helm = text.includes('{{');
  const { text: yamlText, actionLines } = helm
    ? blankTemplateActions(text)
    : { text, actionLines: [] };
  const notes: string[] = [];
  const workloads: Workload[] = [];
  const configMaps: ConfigMapFacts[] = [];
  const values: ConfigValue[] = [];
  let isManifest = false;

  let parsed: ReturnType<typeof parseYaml>;
  try {
    parsed = parseYaml(yamlText);
  } catch (e) {
    return {
      isManifest,
      workloads,
      notes: [`YAML could not be read: ${(e as Error).message}`],
      configMaps,
      configValues: values,
    };
  }
  const { docs, lines, truncated } = parsed;
  if (truncated)
    notes.push(`only the first ${MAX_DOCUMENTS} YAML documents were read`);
  const source = { path, original: new LineIndex(text), lines, actionLines };

  for (const doc of docs) {
    const start = lines.linePos(doc.range[0]).line;
    const error = firstError(doc, lines);
    if (error) {
      notes.push(
        `YAML document at line ${start} skipped${
          helm ? ' (Helm template)' : ''
        }: ${error}`,
      );
      continue;
    }
    if (!aliasesWithinLimit(doc)) {
      notes.push(
        `YAML document at line ${start} skipped: its aliases expand to more than ${MAX_ALIAS_COUNT} nodes`,
      );
      continue;
    }
    const apiVersion = doc.get('apiVersion');
    const kind = doc.get('kind');
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      // Not a Kubernetes object: a configuration file (viper, koanf, yaml.Unmarshal) maybe.
      if (!helm)
        values.push(...configValues(doc, lines, path, source.original));
      continue;
    }
    isManifest = true;
    if (kind === 'ConfigMap') {
      const map = readConfigMap(doc, source);
      configMaps.push(map.configMap);
      values.push(...map.values);
      continue;
    }
    if (!WORKLOAD_KINDS.has(kind)) continue;
    try {
      workloads.push(
        new WorkloadReader(doc, source).read(kind as Workload['kind']),
      );
    } catch (e) {
      notes.push(`${kind} at line ${start} skipped: ${(e as Error).message}`);
    }
  }
  return { isManifest, workloads, notes, configMaps, configValues: values };
}

/** A ConfigMap's data entries, and the configuration values of the files embedded in them. */
function readConfigMap(
  doc: Document.Parsed,
  source: { path: string; original: LineIndex; lines: LineCounter },
): { configMap: ConfigMapFacts; values: ConfigValue[] } {
  const r = new NodeReader(doc);
  const line = (
    node: { range?: [number, number, number] | null } | undefined,
  ) => source.lines.linePos(node?.range?.[0] ?? 0).line;
  const kindLine = line(
    r.pair(doc.contents, 'kind')?.key as Scalar | undefined,
  );
  const configMap: ConfigMapFacts = {
    name: r.string(doc.contents, 'metadata', 'name') ?? '',
    ref: {
      path: source.path,
      line: kindLine,
      snippet: source.original.snippet(kindLine),
    },
    data: {},
  };
  const values: ConfigValue[] = [];
  const data = r.get(doc.contents, 'data');
  if (!isMap(data)) return { configMap, values };
  for (const pair of data.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = r.resolve(pair.value);
    if (
      key === undefined ||
      !isScalar(value) ||
      typeof value.value !== 'string'
    )
      continue;
    const at = line(value);
    configMap.data[key] = {
      value: value.value,
      path: source.path,
      line: at,
      snippet: source.original.snippet(at),
    };
    const block =
      value.type === Scalar.BLOCK_LITERAL || value.type === Scalar.BLOCK_FOLDED;
    if (value.value.includes('\n') && block) {
      values.push(
        ...embeddedConfigValues(
          value.value,
          source.path,
          source.original,
          l => at + l,
        ),
      );
    } else if (value.value.trim().startsWith('{')) {
      values.push(
        ...embeddedConfigValues(
          value.value,
          source.path,
          source.original,
          () => at,
        ),
      );
    }
  }
  return { configMap, values };
}

export { mergeKustomizePatches } from './mergeKustomizePatches';
