import { HelmCharts } from './helmCharts';

describe('HelmCharts', () => {
  const files = [
    {
      path: 'deploy/shop/Chart.yaml',
      text: 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
    },
    {
      path: 'deploy/shop/values.yaml',
      text: 'grace: 40\nglobal:\n  registry: ghcr.io/acme\ncart:\n  port: 7070\n',
    },
    {
      path: 'deploy/shop/templates/_helpers.tpl',
      text: '{{- define "shop.name" -}}{{ .Chart.Name }}{{- end }}',
    },
    {
      path: 'deploy/shop/templates/deploy.yaml',
      text: 'name: {{ include "shop.name" . }}\ngrace: {{ .Values.grace }}\n',
    },
    {
      path: 'deploy/shop/charts/cart/Chart.yaml',
      text: 'apiVersion: v2\nname: cart\nversion: 0.1.0\n',
    },
    {
      path: 'deploy/shop/charts/cart/values.yaml',
      text: 'port: 8080\nreplicas: 2\n',
    },
    {
      path: 'deploy/shop/charts/cart/templates/deploy.yaml',
      text: 'name: {{ include "shop.name" . }}\nimage: {{ .Values.global.registry }}/cart\nport: {{ .Values.port }}\nreplicas: {{ .Values.replicas }}\n',
    },
    { path: 'deploy/shop/values-prod.yaml', text: 'grace: 90\n' },
    { path: 'deploy/broken/Chart.yaml', text: 'name: [\n' },
    { path: 'deploy/broken/templates/a.yaml', text: 'a: {{ .Chart.Name }}\n' },
  ];
  const charts = HelmCharts.fromFiles(files);

  it('knows which files are chart templates', () => {
    expect(charts.isTemplate('deploy/shop/templates/deploy.yaml')).toBe(true);
    expect(charts.isTemplate('deploy/shop/templates/_helpers.tpl')).toBe(false);
    expect(charts.isTemplate('deploy/shop/values.yaml')).toBe(false);
    expect(charts.isTemplate('k8s/deploy.yaml')).toBe(false);
  });

  it("renders a template with its chart's values and Chart.yaml", () => {
    const out = charts.render(
      'deploy/shop/templates/deploy.yaml',
      files[3].text,
    );
    expect(out.text).toBe('name: shop\ngrace: 40\n');
  });

  it("renders a subchart with its values under the parent's section and globals", () => {
    const out = charts.render(
      'deploy/shop/charts/cart/templates/deploy.yaml',
      files[6].text,
    );
    expect(out.text).toBe(
      'name: cart\nimage: ghcr.io/acme/cart\nport: 7070\nreplicas: 2\n',
    );
  });

  it('treats a file:// dependency in another folder as a subchart: defines shared, values under its alias', () => {
    const local = HelmCharts.fromFiles([
      {
        path: 'charts/app/Chart.yaml',
        text: 'apiVersion: v2\nname: app\ndependencies:\n  - name: worker\n    alias: jobs\n    repository: file://../worker\n  - name: lib\n    repository: "file://../../libs/lib"\n  - name: gone\n    repository: file://../../../../outside\n',
      },
      { path: 'charts/app/values.yaml', text: 'jobs:\n  sleep: 7\n' },
      {
        path: 'charts/app/templates/deploy.yaml',
        text: 'name: {{ include "lib.name" . }}\n',
      },
      {
        path: 'charts/worker/Chart.yaml',
        text: 'apiVersion: v2\nname: worker\n',
      },
      { path: 'charts/worker/values.yaml', text: 'sleep: 3\nport: 80\n' },
      {
        path: 'charts/worker/templates/job.yaml',
        text: 'name: {{ include "lib.name" . }}\nsleep: {{ .Values.sleep }}\nport: {{ .Values.port }}\n',
      },
      // a v1 chart lists its dependencies in requirements.yaml
      { path: 'libs/lib/Chart.yaml', text: 'apiVersion: v1\nname: lib\n' },
      {
        path: 'libs/lib/templates/_names.tpl',
        text: '{{- define "lib.name" -}}lib-{{ .Chart.Name }}{{- end -}}',
      },
      { path: 'other/Chart.yaml', text: 'apiVersion: v1\nname: other\n' },
      {
        path: 'other/requirements.yaml',
        text: 'dependencies:\n  - name: lib\n    repository: file://../libs/lib\n',
      },
      {
        path: 'other/templates/a.yaml',
        text: 'name: {{ include "lib.name" . }}\n',
      },
    ]);
    expect(
      local.render(
        'charts/app/templates/deploy.yaml',
        'n: {{ include "lib.name" . }}',
      ).text,
    ).toBe('n: lib-app');
    expect(
      local.render(
        'charts/worker/templates/job.yaml',
        'sleep: {{ .Values.sleep }}\nport: {{ .Values.port }}\nn: {{ include "lib.name" . }}\n',
      ).text,
    ).toBe('sleep: 7\nport: 80\nn: lib-worker\n');
    expect(
      local.render('other/templates/a.yaml', 'n: {{ include "lib.name" . }}')
        .text,
    ).toBe('n: lib-other');
  });

  it('notes a Chart.yaml it cannot read (still rendering the chart) and the values files it does not use', () => {
    expect(
      charts.render('deploy/broken/templates/a.yaml', files[9].text).text,
    ).toBe('a: \n');
    expect(charts.notes).toEqual([
      {
        path: 'deploy/broken/Chart.yaml',
        message: expect.stringMatching(/^not read: /),
      },
      {
        path: 'deploy/shop/values-prod.yaml',
        message: expect.stringMatching(
          /^not read: the chart is rendered with its values.yaml only/,
        ),
      },
    ]);
  });

  it('throws for a path in no chart', () => {
    expect(() => charts.render('k8s/a.yaml', '')).toThrow(/not in a chart/);
  });
});
