import { ExtractedManifest, extractWorkloads } from './extractWorkloads';
import { HelmCharts } from './helm/helmCharts';
import { blankTemplateActions } from './helmTemplate';

/** What a YAML file gives the k8s checks, and whether a workload in it could not be understood. */
export interface ManifestRead
  extends Omit<ExtractedManifest, 'unreadableWorkloads'> {
  /**
   * Why a workload of the file could not be understood (a document naming a workload kind
   * that does not parse, even with its template actions blanked); undefined when every
   * workload was read. The k8s checks report `error` naming the file rather than pass
   * (design.md, Rule notes: "Never a silent pass").
   */
  failure?: string;
}

function done(
  read: ExtractedManifest,
  extraNotes: string[] = [],
): ManifestRead {
  const { unreadableWorkloads, ...rest } = read;
  return {
    ...rest,
    notes: [...extraNotes, ...rest.notes],
    ...(unreadableWorkloads.length
      ? { failure: unreadableWorkloads.join('; ') }
      : {}),
  };
}

/**
 * Reads one YAML file for workloads, ConfigMaps and configuration values
 * (design.md, Rule notes: "Helm charts"):
 * - a template in a chart's `templates/` folder is rendered with the chart's values
 *   (`charts`); when it cannot be, or what it renders does not parse, it is read with its
 *   template actions blanked, with a note;
 * - any other file is plain YAML, `{{ }}` in its strings is text; only when a document does
 *   not parse and the file holds `{{` is it read with its template actions blanked.
 */
export function readManifest(
  path: string,
  text: string,
  charts?: HelmCharts,
): ManifestRead {
  // A chart's partial (`templates/_helpers.yaml`) renders nothing itself.
  if (charts?.isPartial(path)) return done(extractWorkloads(path, ''));
  if (charts?.isTemplate(path)) {
    let problem: string;
    try {
      const read = extractWorkloads(path, text, charts.render(path, text));
      if (!read.unreadableWorkloads.length) return done(read);
      problem = `rendered with the chart's values, it does not parse (${read.unreadableWorkloads[0]})`;
    } catch (e) {
      problem = `not rendered: ${(e as Error).message}`;
    }
    const blanked = extractWorkloads(path, text, blankTemplateActions(text), {
      blanked: true,
    });
    return done(blanked, [
      `Helm template ${problem}; read with its template actions blanked`,
    ]);
  }
  const plain = extractWorkloads(path, text);
  // A document that does not parse, in a file with template actions: a templated manifest,
  // or a configuration file a tool fills in (gomplate, dockerize): read blanked.
  if (
    !text.includes('{{') ||
    (!plain.unreadableWorkloads.length && !plain.unparsedDocuments)
  )
    return done(plain);
  const blanked = extractWorkloads(path, text, blankTemplateActions(text), {
    configValues: true,
    blanked: true,
  });
  return done(blanked, [
    'not a chart template, and not plain YAML: read with its template actions blanked',
  ]);
}
