import { Document, visit } from 'yaml';
import { Workload } from '../facts';
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
): { isManifest: boolean; workloads: Workload[]; notes: string[] } {
  const helm = text.includes('{{');
  const { text: yamlText, actionLines } = helm
    ? blankTemplateActions(text)
    : { text, actionLines: [] };
  const notes: string[] = [];
  const workloads: Workload[] = [];
  let isManifest = false;

  let parsed: ReturnType<typeof parseYaml>;
  try {
    parsed = parseYaml(yamlText);
  } catch (e) {
    return {
      isManifest,
      workloads,
      notes: [`YAML could not be read: ${(e as Error).message}`],
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
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
    isManifest = true;
    if (!WORKLOAD_KINDS.has(kind)) continue;
    try {
      workloads.push(
        new WorkloadReader(doc, source).read(kind as Workload['kind']),
      );
    } catch (e) {
      notes.push(`${kind} at line ${start} skipped: ${(e as Error).message}`);
    }
  }
  return { isManifest, workloads, notes };
}

export { mergeKustomizePatches } from './mergeKustomizePatches';
