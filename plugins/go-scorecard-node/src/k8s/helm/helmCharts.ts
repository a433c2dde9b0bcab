import { parse } from 'yaml';
import { assertYamlDepth } from '../../yaml/yamlDepth';
import { TemplateNode } from './templateNodes';
import { parseTemplate } from './templateSyntax';
import { Defines, renderTemplate, RenderedTemplate } from './renderTemplate';
import { isPlainMap, mergeValues, UNKNOWN } from './templateValues';

/** A file of a tree, with its text. */
export interface ChartFile {
  path: string;
  text: string;
}

/** A Helm chart of the tree: the folder holding `Chart.yaml`, its metadata and values. */
interface Chart {
  dir: string;
  metadata: Record<string, unknown>;
  values: unknown;
  /** The chart this one is a subchart of (`<parent>/charts/<name>/`). */
  parent?: Chart;
}

/** Values files beside `values.yaml`: `values-prod.yaml`, `values.staging.yaml`, `prod-values.yaml`. */
export const OTHER_VALUES = /^(values[-._].+|.+[-._]values)\.ya?ml$/;

/** Release name `helm template` renders with when given none. */
const RELEASE_NAME = 'release-name';

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function within(dir: string, path: string): boolean {
  return dir === '' || path.startsWith(`${dir}/`);
}

/** `Chart.yaml`'s keys as Helm exposes them: `.Chart.Name`, `.Chart.AppVersion`. */
function chartObject(
  metadata: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata))
    out[k.charAt(0).toUpperCase() + k.slice(1)] = v;
  return out;
}

/**
 * The Helm charts of a tree (every folder with a `Chart.yaml`), to render their templates as
 * Helm would with the chart's own `values.yaml` (https://helm.sh/docs/chart_template_guide/).
 * A subchart's values are its `values.yaml` merged with its parent's `<name>:` section and
 * `global:`. Named templates (`define`) are shared by a chart, its subcharts and its parent,
 * as Helm shares them. Problems reading a `Chart.yaml`, `values.yaml` or helper template, and
 * the other values files of a chart that are not read (`values-prod.yaml`: which one a release
 * uses is not in the tree), are returned in `notes`; the chart is still rendered with what
 * could be read.
 */
export class HelmCharts {
  private readonly charts: Chart[];
  private readonly defines = new Map<string, Defines>();
  readonly notes: { path: string; message: string }[] = [];

  private constructor(
    chartFiles: ChartFile[],
    valuesFiles: ChartFile[],
    private readonly templates: ChartFile[],
    otherValues: string[],
  ) {
    const byDir = new Map<string, Chart>();
    for (const f of chartFiles) {
      const metadata = this.parseYamlMap(f);
      byDir.set(dirOf(f.path), { dir: dirOf(f.path), metadata, values: {} });
    }
    const values = new Map(valuesFiles.map(f => [dirOf(f.path), f]));
    this.charts = [...byDir.values()].sort(
      (a, b) => a.dir.length - b.dir.length,
    );
    for (const chart of this.charts) {
      const sub = /^(?:(.*)\/)?charts\/[^/]+$/.exec(chart.dir);
      chart.parent = sub ? byDir.get(sub[1] ?? '') : undefined;
      const own = values.get(chart.dir);
      let v: unknown = own ? this.parseYamlMap(own) : {};
      if (chart.parent) {
        const pv = chart.parent.values as Record<string, unknown>;
        const name = String(chart.metadata.name ?? nameOf(chart.dir));
        v = mergeValues(v, pv[name] ?? {});
        if (pv.global !== undefined) v = mergeValues(v, { global: pv.global });
      }
      chart.values = v;
    }
    for (const path of otherValues) {
      if (!byDir.has(dirOf(path))) continue;
      this.notes.push({
        path,
        message: `not read: the chart is rendered with its values.yaml only (a release's own values files and --set are not in the tree)`,
      });
    }
  }

  /** Reads the charts of a tree from its `Chart.yaml`s, `values.yaml`s and template files. */
  static fromFiles(files: ChartFile[]): HelmCharts {
    const chartFiles = files.filter(f => nameOf(f.path) === 'Chart.yaml');
    const valuesFiles = files.filter(f =>
      /^values\.ya?ml$/.test(nameOf(f.path)),
    );
    const chartDirs = new Set(chartFiles.map(f => dirOf(f.path)));
    const templates = files.filter(f =>
      [...chartDirs].some(d =>
        within(d === '' ? 'templates' : `${d}/templates`, f.path),
      ),
    );
    const otherValues = files
      .map(f => f.path)
      .filter(p => OTHER_VALUES.test(nameOf(p)));
    return new HelmCharts(chartFiles, valuesFiles, templates, otherValues);
  }

  /** The chart whose `templates/` folder holds `path`, if any (the nearest one). */
  private chartOf(path: string): Chart | undefined {
    let best: Chart | undefined;
    for (const c of this.charts) {
      const t = c.dir === '' ? 'templates' : `${c.dir}/templates`;
      if (within(t, path) && (!best || c.dir.length > best.dir.length))
        best = c;
    }
    return best;
  }

  /** Whether `path` is a chart template that renders to a manifest (not a `_helpers.tpl` partial). */
  isTemplate(path: string): boolean {
    return (
      this.chartOf(path) !== undefined &&
      !nameOf(path).startsWith('_') &&
      /\.ya?ml$/.test(path)
    );
  }

  /**
   * Renders a chart template (see {@link renderTemplate}). Throws `TemplateSyntaxError` or
   * `RenderBudgetError` as it does, and an Error when `path` is in no chart's `templates/`.
   */
  render(path: string, text: string): RenderedTemplate {
    const chart = this.chartOf(path);
    if (!chart)
      throw new Error(`${path} is not in a chart's templates/ folder`);
    let top = chart;
    while (top.parent) top = top.parent;
    const root = {
      Values: chart.values,
      Chart: chartObject(chart.metadata),
      Release: {
        Name: RELEASE_NAME,
        Namespace: UNKNOWN,
        Service: 'Helm',
        IsInstall: true,
        IsUpgrade: false,
        Revision: 1,
      },
      Capabilities: UNKNOWN,
      Files: UNKNOWN,
      Template: { Name: path, BasePath: `${chart.dir}/templates` },
    };
    return renderTemplate(text, this.definesOf(top), root);
  }

  /** Every `define` of the templates under a top-level chart's folder. */
  private definesOf(top: Chart): Defines {
    let defines = this.defines.get(top.dir);
    if (defines) return defines;
    defines = new Map<string, TemplateNode[]>();
    for (const f of this.templates) {
      if (!within(top.dir, f.path) || !f.text.includes('define')) continue;
      try {
        for (const [name, nodes] of parseTemplate(f.text).defines)
          defines.set(name, nodes);
      } catch (e) {
        this.notes.push({
          path: f.path,
          message: `template not read: ${(e as Error).message}`,
        });
      }
    }
    this.defines.set(top.dir, defines);
    return defines;
  }

  private parseYamlMap(f: ChartFile): Record<string, unknown> {
    try {
      assertYamlDepth(f.text);
      const v = parse(f.text, { maxAliasCount: 1000, uniqueKeys: false });
      return isPlainMap(v) ? v : {};
    } catch (e) {
      this.notes.push({
        path: f.path,
        message: `not read: ${(e as Error).message}`,
      });
      return {};
    }
  }
}
