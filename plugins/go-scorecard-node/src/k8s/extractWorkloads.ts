import { TEMPLATE_PLACEHOLDER } from './helm/templateValues';
import { Document, isMap, isScalar, LineCounter, Scalar, visit } from 'yaml';
import { configValues, embeddedConfigValues } from '../config/configValues';
import { ConfigMapFacts, ConfigValue, Workload } from '../facts';
import { NodeReader } from '../yaml/nodes';
import { LineIndex } from '../text/lineIndex';
import { MAX_DOCUMENTS, firstError, parseYaml } from '../yaml/parseYaml';
import { YamlTooDeepError } from '../yaml/yamlDepth';
import type { RenderedTemplate } from './helm/renderTemplate';
import { KustomizeFact } from './kustomizePatch';
import { readKustomizeDocument } from './kustomization';
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

/** What a YAML file holds for the k8s checks, read by {@link extractWorkloads}. */
export interface ExtractedManifest {
  /** True when a document has string `apiVersion` and `kind`. */
  isManifest: boolean;
  workloads: Workload[];
  notes: string[];
  configMaps: ConfigMapFacts[];
  configValues: ConfigValue[];
  /**
   * Documents that do not parse but name a workload kind (`kind: Deployment`): the checks
   * cannot tell what they hold. One message per document, with its line.
   */
  unreadableWorkloads: string[];
  /** How many documents did not parse (or the whole file, as 1). */
  unparsedDocuments: number;
  /** Kustomizations and JSON6902 op lists (plain YAML only), for `applyKustomizePatches`. */
  kustomize?: KustomizeFact[];
}

const WORKLOAD_KIND_LINE = new RegExp(
  `^kind:[ \\t]*["']?(${[...WORKLOAD_KINDS].join('|')})["']?[ \\t]*(#.*)?$`,
  'm',
);

/** The text of the YAML document starting at `start`: up to the next `---` line, or the end. */
function documentText(text: string, start: number): string {
  const next = /^---(?:[ \t].*)?$/gm;
  next.lastIndex = start + 1;
  const m = next.exec(text);
  return text.slice(start, m ? m.index : text.length);
}

/**
 * The Kubernetes workloads (Deployment, StatefulSet, DaemonSet) of a YAML file, read
 * document by document with their lines.
 *
 * `rendered` is the file rendered as a Helm template (or with its actions blanked): its
 * text is parsed, lines are traced back to the file's through `origins`, and what its
 * opaque lines may add is marked `templated`. Documents that do not parse, expand too many
 * aliases or exceed the document limit are skipped with a note; those naming a workload
 * kind are listed in `unreadableWorkloads` too. Kustomize patches come back with
 * `patch: true`, for `mergeKustomizePatches`.
 */
export function extractWorkloads(
  path: string,
  text: string,
  rendered?: RenderedTemplate,
  options: { configValues?: boolean; blanked?: boolean } = {},
): ExtractedManifest {
  // A rendered chart template is no configuration file; a blanked one outside a chart may be.
  const readConfig = options.configValues ?? !rendered;
  // Helm splits a rendered template's documents at `---` even with text right after it: the
  // `---# comment` that `{{- if … -}}` trimming can leave is a separator and a comment.
  const yamlText = rendered
    ? rendered.text.replace(/^---(?=#)/gm, '--- ')
    : text;
  const origins = rendered?.origins;
  const sourceLine = (line: number) => origins?.[line - 1] ?? line;
  const out: ExtractedManifest = {
    isManifest: false,
    workloads: [],
    notes: [],
    configMaps: [],
    configValues: [],
    unreadableWorkloads: [],
    unparsedDocuments: 0,
  };
  const { notes, workloads, configMaps } = out;
  const values = out.configValues;

  let parsed: ReturnType<typeof parseYaml>;
  try {
    parsed = parseYaml(yamlText);
  } catch (e) {
    const message =
      e instanceof YamlTooDeepError
        ? `${e.messageAt(sourceLine)}; not read`
        : `YAML could not be read: ${(e as Error).message}`;
    notes.push(message);
    out.unparsedDocuments = 1;
    if (WORKLOAD_KIND_LINE.test(yamlText))
      out.unreadableWorkloads.push(message);
    return out;
  }
  const { docs, lines, truncated } = parsed;
  if (truncated)
    notes.push(`only the first ${MAX_DOCUMENTS} YAML documents were read`);
  const parsedLines = new LineIndex(yamlText);
  const source = {
    path,
    original: new LineIndex(text),
    lines,
    sourceLine,
    opaqueLines: rendered?.opaqueLines ?? [],
    parsedLine: (line: number) => parsedLines.lineText(line),
  };

  let how = '';
  if (options.blanked) how = ' (template actions blanked)';
  else if (rendered) how = ' (Helm template)';
  for (const doc of docs) {
    const start = sourceLine(lines.linePos(doc.range[0]).line);
    const error = firstError(doc, lines, sourceLine);
    if (error) {
      const message = `YAML document at line ${start} skipped${how}: ${error}`;
      notes.push(message);
      out.unparsedDocuments++;
      // The parser may end a broken document early: look up to the next `---`.
      if (WORKLOAD_KIND_LINE.test(documentText(yamlText, doc.range[0])))
        out.unreadableWorkloads.push(message);
      continue;
    }
    if (!aliasesWithinLimit(doc)) {
      notes.push(
        `YAML document at line ${start} skipped: its aliases expand to more than ${MAX_ALIAS_COUNT} nodes`,
      );
      continue;
    }
    const kustomize = rendered ? [] : readKustomizeDocument(doc, source);
    if (kustomize.length) (out.kustomize ??= []).push(...kustomize);
    const apiVersion = doc.get('apiVersion');
    const kind = doc.get('kind');
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      // Not a Kubernetes object: a configuration file (viper, koanf, yaml.Unmarshal) maybe.
      if (readConfig)
        values.push(
          ...configValues(doc, lines, path, source.original, sourceLine).filter(
            v => !v.value.includes(TEMPLATE_PLACEHOLDER),
          ),
        );
      continue;
    }
    out.isManifest = true;
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
      const message = `${kind} at line ${start} skipped: ${
        (e as Error).message
      }`;
      notes.push(message);
      out.unreadableWorkloads.push(message);
    }
  }
  return out;
}

/** A ConfigMap's data entries, and the configuration values of the files embedded in them. */
function readConfigMap(
  doc: Document.Parsed,
  source: {
    path: string;
    original: LineIndex;
    lines: LineCounter;
    sourceLine(line: number): number;
  },
): { configMap: ConfigMapFacts; values: ConfigValue[] } {
  const r = new NodeReader(doc);
  const line = (
    node: { range?: [number, number, number] | null } | undefined,
  ) => source.sourceLine(source.lines.linePos(node?.range?.[0] ?? 0).line);
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
