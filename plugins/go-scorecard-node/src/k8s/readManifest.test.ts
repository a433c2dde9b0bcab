import { HelmCharts } from './helm/helmCharts';
import { readManifest } from './readManifest';

const DEPLOYMENT = (container: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    container,
  ].join('\n');

describe('readManifest', () => {
  it("renders a chart template with the chart's values", () => {
    const template = DEPLOYMENT(
      [
        '        - name: api', // 9
        '          image: {{ .Values.image }}',
        '          ports: [{ containerPort: 8080 }]',
        '          {{- with .Values.lifecycle }}',
        '          lifecycle:',
        '            {{- toYaml . | nindent 12 }}',
        '          {{- end }}',
      ].join('\n'),
    );
    const files = [
      { path: 'chart/Chart.yaml', text: 'name: api\nversion: 1.0.0\n' },
      { path: 'chart/values.yaml', text: 'image: shop/api\nlifecycle: {}\n' },
      { path: 'chart/templates/deployment.yaml', text: template },
    ];
    const read = readManifest(
      files[2].path,
      template,
      HelmCharts.fromFiles(files),
    );
    expect(read.failure).toBeUndefined();
    expect(read.notes).toEqual([]);
    const [c] = read.workloads[0].containers;
    expect(c).toMatchObject({ name: 'api', ref: { line: 9 } });
    expect(c.preStop).toBeUndefined();
    expect(c.templated).toBeUndefined();
  });

  it("reads a chart's partial (templates/_helpers.yaml) as nothing, its defines shared", () => {
    const partial =
      '{{- define "api.name" -}}\n{{ .Chart.Name }}-{{ .Values.suffix }}\n{{- end }}\n';
    const files = [
      { path: 'chart/Chart.yaml', text: 'name: api\nversion: 1.0.0\n' },
      { path: 'chart/values.yaml', text: 'suffix: v1\n' },
      { path: 'chart/templates/_helpers.yaml', text: partial },
    ];
    const charts = HelmCharts.fromFiles(files);
    const read = readManifest(files[2].path, partial, charts);
    expect(read).toMatchObject({ workloads: [], notes: [] });
    expect(read.failure).toBeUndefined();
    expect(
      charts.render('chart/templates/a.yaml', 'n: {{ include "api.name" . }}')
        .text,
    ).toBe('n: api-v1');
  });

  it('reads a file outside any chart as plain YAML, {{ }} in strings included', () => {
    const text = DEPLOYMENT(
      '        - name: api\n          image: x\n          args: ["--format={{ .Name }}"]\n          env:\n            - name: T\n              value: |\n                {{ .Time }}\n',
    );
    const read = readManifest('k8s/api.yaml', text);
    expect(read.notes).toEqual([]);
    expect(read.workloads[0].containers[0].templated).toBeUndefined();
  });

  it('blanks template actions of a file that is no plain YAML, with a note', () => {
    const text = DEPLOYMENT(
      '        - name: api\n          image: x\n          {{- include "extra" . | nindent 10 }}\n',
    );
    const read = readManifest('k8s/api.yaml', text);
    expect(read.notes).toEqual([
      'not a chart template, and not plain YAML: read with its template actions blanked',
    ]);
    expect(read.failure).toBeUndefined();
    expect(read.workloads[0].containers[0].templated).toEqual([11]);
  });

  it('reports a workload it cannot understand as a failure', () => {
    const text = DEPLOYMENT(
      '        - name: api\n          image: x\n         ports: []\n',
    );
    const read = readManifest('k8s/api.yaml', text);
    expect(read.workloads).toEqual([]);
    expect(read.failure).toMatch(
      /^YAML document at line 1 skipped: line \d+: /,
    );
  });

  it('falls back to blanked actions when a chart template does not render, with a note', () => {
    const template = DEPLOYMENT(
      '        - name: api\n          image: {{ .Values.image \n',
    );
    const files = [
      { path: 'c/Chart.yaml', text: 'name: c\n' },
      { path: 'c/templates/d.yaml', text: template },
    ];
    const read = readManifest(
      files[1].path,
      template,
      HelmCharts.fromFiles(files),
    );
    expect(read.notes[0]).toMatch(
      /^Helm template not rendered: unclosed action; read with its template actions blanked$/,
    );
  });
});
