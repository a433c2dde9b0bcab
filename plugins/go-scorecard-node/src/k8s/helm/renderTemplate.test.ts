import { renderTemplate } from './renderTemplate';
import { parseTemplate } from './templateSyntax';
import { TEMPLATE_PLACEHOLDER, UNKNOWN } from './templateValues';

const root = (values: unknown) => ({
  Values: values,
  Chart: { Name: 'api', AppVersion: '1.2.0' },
  Release: { Name: 'release-name', Namespace: UNKNOWN },
  Capabilities: UNKNOWN,
});

const render = (text: string, values: unknown, helpers = '') =>
  renderTemplate(text, parseTemplate(helpers).defines, root(values));

describe('renderTemplate', () => {
  it('renders values, toYaml | nindent and conditions, each line traced to its source line', () => {
    const text = [
      'spec:', // 1
      '  {{- if .Values.grace }}',
      '  terminationGracePeriodSeconds: {{ .Values.grace }}', // 3
      '  {{- end }}',
      '  containers:', // 5
      '    - name: {{ .Chart.Name }}',
      '      {{- with .Values.lifecycle }}',
      '      lifecycle:', // 8
      '        {{- toYaml . | nindent 8 }}',
      '      {{- end }}',
      '      image: "{{ .Values.image | default "x" }}:{{ .Chart.AppVersion }}"', // 11
    ].join('\n');
    const out = render(text, {
      grace: 45,
      lifecycle: { preStop: { sleep: { seconds: 5 } } },
    });
    expect(out.text.split('\n')).toEqual([
      'spec:',
      '  terminationGracePeriodSeconds: 45',
      '  containers:',
      '    - name: api',
      '      lifecycle:',
      '        preStop:',
      '          sleep:',
      '            seconds: 5',
      '      image: "x:1.2.0"',
    ]);
    expect(out.origins).toEqual([1, 3, 5, 6, 8, 9, 9, 9, 11]);
    expect(out.opaqueLines).toEqual([]);
  });

  it('drops what a false condition guards, and takes the else branch', () => {
    const out = render(
      '{{- if .Values.on }}a: 1{{ else if .Values.other }}b: 2{{ else }}c: 3{{ end }}',
      { on: false, other: {} },
    );
    expect(out.text).toBe('c: 3');
  });

  it('makes unknown output opaque: blank alone on a line, a placeholder inside one', () => {
    const text = [
      'metadata:',
      '  labels:',
      '    {{- include "missing.labels" . | nindent 4 }}',
      '  namespace: {{ .Release.Namespace }}',
      'spec:',
    ].join('\n');
    const out = render(text, {});
    expect(out.text.split('\n')).toEqual([
      'metadata:',
      '  labels:',
      '',
      `  namespace: ${TEMPLATE_PLACEHOLDER}`,
      'spec:',
    ]);
    expect(out.opaqueLines).toEqual([3]);
  });

  it('marks a line opaque when a missing named template is trimmed onto it', () => {
    const text = [
      'containers:',
      '  - name: api',
      '    ports: [{containerPort: 80}]',
      '    {{- include "lib.lifecycle" . }}',
      '    image: {{ .Release.Namespace }}/api',
    ].join('\n');
    const out = render(text, {});
    expect(out.text.split('\n')).toEqual([
      'containers:',
      '  - name: api',
      `    ports: [{containerPort: 80}]${TEMPLATE_PLACEHOLDER}`,
      `    image: ${TEMPLATE_PLACEHOLDER}/api`,
    ]);
    // The missing template may add structure; an unknown scalar does not.
    expect(out.opaqueLines).toEqual([3]);
  });

  it('takes the first branch of a condition it cannot decide', () => {
    const text = [
      'spec:',
      '  {{- if .Capabilities.APIVersions.Has "policy/v1" }}',
      '  a: 1',
      '  {{- else }}',
      '  b: 2',
      '  {{- end }}',
      '  c: 3',
    ].join('\n');
    const out = render(text, {});
    expect(out.text.split('\n')).toEqual(['spec:', '  a: 1', '  c: 3']);
    expect(out.opaqueLines).toEqual([]);
  });

  it('renders named templates, range with variables, tpl and printf', () => {
    const helpers = [
      '{{- define "api.fullname" -}}',
      '{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}',
      '{{- end }}',
    ].join('\n');
    const text = [
      'name: {{ include "api.fullname" . }}',
      'env:',
      '  {{- range $name, $value := .Values.env }}',
      '  - name: {{ $name }}',
      '    value: {{ tpl $value $ | quote }}',
      '  {{- end }}',
    ].join('\n');
    const out = render(
      text,
      { env: { B: '{{ .Chart.Name }}:9090', A: 'x' } },
      helpers,
    );
    expect(out.text.split('\n')).toEqual([
      'name: release-name-api',
      'env:',
      '  - name: A',
      '    value: "x"',
      '  - name: B',
      '    value: "api:9090"',
    ]);
    expect(out.origins).toEqual([1, 2, 4, 5, 4, 5]);
  });

  it('reads missing values as nil, as Helm does', () => {
    expect(
      render('a: {{ .Values.x.y.z }}|{{ .Values.x | default 3 }}', {}).text,
    ).toBe('a: |3');
  });

  it('trims the indentation an include adds with trimPrefix (repeat 7 " "), as linkerd charts do', () => {
    const helpers =
      '{{- define "vol" -}}\nname: token\nprojected: {}\n{{- end -}}';
    const text = [
      'volumes:',
      '- {{- include "vol" . | indent 8 | trimPrefix (repeat 7 " ") }}',
    ].join('\n');
    expect(render(text, {}, helpers).text.split('\n')).toEqual([
      'volumes:',
      '- name: token',
      '        projected: {}',
    ]);
  });

  it('starts the unknown output of a range over an unknown list where its body starts its items', () => {
    const text = [
      'spec:',
      '  values:',
      '  {{- range .Release.Namespace }}',
      '  - {{ . | quote }}',
      '  {{- end }}',
      '  other: 1',
    ].join('\n');
    const out = render(text, {});
    expect(out.text.split('\n')[1]).toBe('  values:');
    expect(out.opaqueLines).toEqual([3]);
  });

  it('evaluates the string and list functions of sprig that charts use', () => {
    const cases: [string, string][] = [
      ['{{ substr 0 3 "abcdef" }}', 'abc'],
      ['{{ "a b  c" | nospace }}', 'abc'],
      ['{{ "FirstName" | snakecase }}', 'first_name'],
      ['{{ "FirstName" | kebabcase }}', 'first-name'],
      ['{{ "http_server" | camelcase }}', 'HttpServer'],
      ['{{ (split ":" "cart:7070")._1 }}', '7070'],
      ['{{ (splitn ":" 2 "a:b:c")._1 }}', 'b:c'],
      ['{{ list 1 2 3 | rest | join "," }}', '2,3'],
      ['{{ append (list "a") "b" | join "," }}', 'a,b'],
      ['{{ list "b" "a" | sortAlpha | join "," }}', 'a,b'],
      ['{{ until 3 | join "," }}', '0,1,2'],
      [
        '{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d | toJson }}',
        '{"a":1,"b":2}',
      ],
      ['{{ omit (dict "a" 1 "b" 2) "a" | toJson }}', '{"b":2}'],
      ['{{ pick (dict "a" 1 "b" 2) "a" | toJson }}', '{"a":1}'],
      ['{{ (fromYaml "a: x:1").a }}', 'x:1'],
      [
        '{{ mustMergeOverwrite (dict "a" 1) (dict "a" 2) | toJson }}',
        '{"a":2}',
      ],
      ['{{ tuple 1 2 | len }}', '2'],
      ['{{ divf 9 2 | ceil }}', '5'],
    ];
    for (const [text, want] of cases) expect(render(text, {}).text).toBe(want);
    // a value shared by two keys (a values.yaml alias) is written out twice, without anchors
    const shared = { port: 80 };
    expect(render('{{ toYaml .Values }}', { b: shared, a: shared }).text).toBe(
      'a:\n  port: 80\nb:\n  port: 80',
    );
    // an unknown prefix leaves the result unknown, not the string as it was
    expect(
      render('a: {{ "xyz" | trimPrefix .Release.Namespace }}', {}).text,
    ).toBe(render('a: {{ .Release.Namespace }}', {}).text);
  });
});
