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
  /**
   * The chart this one is a subchart of: `<parent>/charts/<name>/`, or the one chart that
   * lists this folder as a `file://` dependency.
   */
  parent?: Chart;
  /** The name the parent's values give this chart's section (a dependency's `alias`). */
  key?: string;
  /** The folders of the charts this one lists as `file://` dependencies. */
  dependencies: string[];
}

/** Values files beside `values.yaml`: `values-prod.yaml`, `values.staging.yaml`, `prod-values.yaml`. */
export const OTHER_VALUES = /^(values[-._].+|.+[-._]values)\.ya?ml$/;

/** Release name `helm template` renders with when given none. */
const RELEASE_NAME = 'release-name';

/**
 * Namespace `helm template` renders with when given none. Whatever namespace a release goes
 * to, it is one DNS label (Kubernetes names, RFC 1123 label): a host built with it
 * (`metrics-api.{{ .Release.Namespace }}.svc.cluster.local`) has as many dots with any.
 */
const RELEASE_NAMESPACE = 'default';

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

/** `dir` joined with a relative path, `..` and `.` resolved; undefined above the tree's root. */
function joinPath(dir: string, relative: string): string | undefined {
  const parts = dir === '' ? [] : dir.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * The local dependencies a chart lists (`Chart.yaml`'s `dependencies`, or `requirements.yaml`'s
 * for an apiVersion v1 chart): each `repository: file://<path>` as a tree folder, with the name
 * its values section has (the `alias`, else the `name`). Helm docs, "Chart dependencies".
 */
function localDependencies(
  dir: string,
  lists: unknown[],
): { dir: string; key: string }[] {
  const out: { dir: string; key: string }[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const dep of list) {
      if (!isPlainMap(dep)) continue;
      const repository = dep.repository;
      if (typeof repository !== 'string' || !repository.startsWith('file://'))
        continue;
      const path = joinPath(dir, repository.slice('file://'.length));
      const key = dep.alias ?? dep.name;
      if (path !== undefined && typeof key === 'string')
        out.push({ dir: path, key });
    }
  }
  return out;
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
 * `global:`; a chart in another folder that a chart lists as a `file://` dependency (a shared
 * library chart of the repository) is its subchart too. Named templates (`define`) are shared by
 * a chart, its subcharts, its local dependencies and its parent, as Helm shares them. Problems reading a `Chart.yaml`, `values.yaml` or helper template, and
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
    requirementsFiles: ChartFile[],
    private readonly templates: ChartFile[],
    otherValues: string[],
  ) {
    const requirements = new Map(
      requirementsFiles.map(f => [dirOf(f.path), this.parseYamlMap(f)]),
    );
    const byDir = new Map<string, Chart>();
    for (const f of chartFiles) {
      const dir = dirOf(f.path);
      const metadata = this.parseYamlMap(f);
      byDir.set(dir, { dir, metadata, values: {}, dependencies: [] });
    }
    const values = new Map(valuesFiles.map(f => [dirOf(f.path), f]));
    this.charts = [...byDir.values()].sort(
      (a, b) => a.dir.length - b.dir.length,
    );
    for (const chart of this.charts) {
      const sub = /^(?:(.*)\/)?charts\/[^/]+$/.exec(chart.dir);
      chart.parent = sub ? byDir.get(sub[1] ?? '') : undefined;
    }
    // A chart of the tree that one other chart lists as a file:// dependency is its subchart;
    // one that several list keeps its own values (which parent's apply depends on the release).
    const dependents = new Map<string, { chart: Chart; key: string }[]>();
    for (const chart of this.charts) {
      const deps = localDependencies(chart.dir, [
        chart.metadata.dependencies,
        requirements.get(chart.dir)?.dependencies,
      ]).filter(d => byDir.has(d.dir) && d.dir !== chart.dir);
      chart.dependencies = deps.map(d => d.dir);
      for (const d of deps)
        dependents.set(d.dir, [
          ...(dependents.get(d.dir) ?? []),
          { chart, key: d.key },
        ]);
    }
    for (const [dir, list] of dependents) {
      const dep = byDir.get(dir)!;
      if (!dep.parent && list.length === 1 && !this.above(dep, list[0].chart)) {
        dep.parent = list[0].chart;
        dep.key = list[0].key;
      }
    }
    const done = new Set<Chart>();
    const valuesOf = (chart: Chart): unknown => {
      if (done.has(chart)) return chart.values;
      done.add(chart);
      const own = values.get(chart.dir);
      let v: unknown = own ? this.parseYamlMap(own) : {};
      if (chart.parent) {
        const pv = valuesOf(chart.parent) as Record<string, unknown>;
        const name =
          chart.key ?? String(chart.metadata.name ?? nameOf(chart.dir));
        v = mergeValues(v, pv[name] ?? {});
        if (pv.global !== undefined) v = mergeValues(v, { global: pv.global });
      }
      chart.values = v;
      return v;
    };
    for (const chart of this.charts) valuesOf(chart);
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
    const requirementsFiles = files.filter(f =>
      /^requirements\.ya?ml$/.test(nameOf(f.path)),
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
    return new HelmCharts(
      chartFiles,
      valuesFiles,
      requirementsFiles,
      templates,
      otherValues,
    );
  }

  /** Whether `chart` is `of` or one of its parents (a dependency cycle would make it one). */
  private above(chart: Chart, of: Chart): boolean {
    for (let c: Chart | undefined = of; c; c = c.parent)
      if (c === chart) return true;
    return false;
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

  /**
   * Whether `path` is a partial of a chart (a `_`-named file in its `templates/`, such as
   * `_helpers.yaml`): Helm renders no manifest from it, only its `define`s are used.
   */
  isPartial(path: string): boolean {
    return this.chartOf(path) !== undefined && nameOf(path).startsWith('_');
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
        Namespace: RELEASE_NAMESPACE,
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

  /**
   * Every `define` of the templates under a top-level chart's folder and under the folders of
   * the `file://` dependencies of the charts there, followed on.
   */
  private definesOf(top: Chart): Defines {
    let defines = this.defines.get(top.dir);
    if (defines) return defines;
    defines = new Map<string, TemplateNode[]>();
    const dirs = new Set([top.dir]);
    for (const dir of dirs)
      for (const c of this.charts)
        if (within(dir, `${c.dir}/`))
          for (const d of c.dependencies) dirs.add(d);
    for (const f of this.templates) {
      if (![...dirs].some(d => within(d, f.path))) continue;
      if (!f.text.includes('define')) continue;
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
