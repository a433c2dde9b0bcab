import { readManifest } from './readManifest';
import { extractWorkloads } from './extractWorkloads';
import { blankTemplateActions } from './helmTemplate';

const DEPLOYMENT = `apiVersion: v1
kind: Service
metadata:
  name: api
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      terminationGracePeriodSeconds: 20
      dnsConfig:
        options:
          - name: ndots
            value: "2"
      containers:
        - name: api
          image: shop/api:1.0
          ports:
            - containerPort: 8080
          env:
            - name: USER_ADDR
              value: user-service:8080
            - name: SECRET
              valueFrom:
                secretKeyRef: { name: s, key: k }
            - name: PORT
              value: 8080
          lifecycle:
            preStop:
              exec:
                command: ["/bin/sh", "-c", "sleep 5 && kill -TERM 1"]
        - name: sidecar
          image: envoy
          readinessProbe:
            exec: { command: [cat, /ready] }
        - name: probe
          image: x
          livenessProbe:
            grpc: { port: 9000 }
          lifecycle:
            preStop:
              sleep:
                seconds: 7
`;

describe('extractWorkloads', () => {
  it('reads workloads with lines, env, probes, preStop, grace period and ndots', () => {
    const { isManifest, workloads, notes } = extractWorkloads(
      'deploy/api.yaml',
      DEPLOYMENT,
    );
    expect(isManifest).toBe(true);
    expect(notes).toEqual([]);
    expect(workloads).toHaveLength(1);
    const [w] = workloads;
    expect(w).toMatchObject({
      kind: 'Deployment',
      name: 'api',
      ref: { path: 'deploy/api.yaml', line: 7, snippet: 'kind: Deployment' },
      terminationGracePeriodSeconds: { value: 20, ref: { line: 13 } },
      ndots: 2,
    });
    expect(w.patch).toBeUndefined();
    expect(w.templated).toBeUndefined();
    const [api, sidecar, probe] = w.containers;
    expect(api).toMatchObject({
      name: 'api',
      ref: { line: 19, snippet: '- name: api' },
      servesTraffic: true,
      preStop: { sleepSeconds: 5, ref: { line: 32 } },
    });
    expect(api.env).toEqual([
      {
        name: 'USER_ADDR',
        value: {
          path: 'deploy/api.yaml',
          line: 25,
          snippet: 'value: user-service:8080',
          value: 'user-service:8080',
        },
      },
      { name: 'SECRET' },
      {
        name: 'PORT',
        value: expect.objectContaining({ value: '8080', line: 30 }),
      },
    ]);
    expect(sidecar).toMatchObject({ name: 'sidecar', servesTraffic: false });
    expect(sidecar.preStop).toBeUndefined();
    expect(probe).toMatchObject({
      servesTraffic: true,
      preStop: { sleepSeconds: 7 },
    });
  });

  it('reads CRLF files', () => {
    const { workloads } = extractWorkloads(
      'd.yaml',
      DEPLOYMENT.replace(/\n/g, '\r\n'),
    );
    expect(workloads[0].containers[0].env[0].value?.line).toBe(25);
  });

  it('treats YAML without apiVersion and kind as no manifest, but as configuration values', () => {
    expect(
      extractWorkloads('values.yaml', 'replicas: 2\nimage:\n  repo: x\n'),
    ).toEqual({
      isManifest: false,
      workloads: [],
      notes: [],
      unreadableWorkloads: [],
      unparsedDocuments: 0,
      configMaps: [],
      configValues: [
        {
          key: 'replicas',
          value: '2',
          path: 'values.yaml',
          line: 1,
          snippet: 'replicas: 2',
        },
        {
          key: 'image.repo',
          value: 'x',
          path: 'values.yaml',
          line: 3,
          snippet: 'repo: x',
        },
      ],
    });
  });

  it('reads ConfigMap entries and the configuration files embedded in them, at their lines', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: ledger-config',
      'data:',
      '  LEDGER_ADDR: ledger:9000',
      '  config.yaml: |',
      '    ledger:',
      '      host: ledger-server',
      '  settings.json: \'{"pricing": {"host": "pricing"}}\'',
      '',
    ].join('\n');
    const { configMaps, configValues } = extractWorkloads('cm.yaml', text);
    expect(configMaps).toEqual([
      expect.objectContaining({
        name: 'ledger-config',
        data: expect.objectContaining({
          LEDGER_ADDR: expect.objectContaining({
            value: 'ledger:9000',
            line: 6,
          }),
        }),
      }),
    ]);
    expect(configValues.map(v => `${v.line} ${v.key}=${v.value}`)).toEqual([
      '9 ledger.host=ledger-server',
      '10 pricing.host=pricing',
    ]);
  });

  it('reads env values from ConfigMaps by reference and envFrom', () => {
    const text = DEPLOYMENT.replace(
      /(\n(\s+)env:\n)/,
      '\n$2envFrom:\n$2  - configMapRef:\n$2      name: shared\n$2    prefix: APP_\n$2env:\n$2  - name: FROM_MAP\n$2    valueFrom:\n$2      configMapKeyRef:\n$2        name: shared\n$2        key: addr\n',
    );
    const container = extractWorkloads('d.yaml', text).workloads[0]
      .containers[0];
    expect(container.envFrom).toEqual([
      { configMap: 'shared', prefix: 'APP_' },
    ]);
    expect(container.env[0]).toEqual({
      name: 'FROM_MAP',
      configMapKeyRef: { name: 'shared', key: 'addr' },
    });
  });

  it('skips a broken document with a note and reads the others', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\ndata: [\n---\n${
      DEPLOYMENT.split('---\n')[1]
    }`;
    const { workloads, notes, isManifest } = extractWorkloads('m.yaml', text);
    expect(isManifest).toBe(true);
    expect(workloads.map(w => w.ref.line)).toEqual([6]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^YAML document at line 1 skipped: line \d+: /);
  });

  it('stops an alias bomb quickly with a note', () => {
    const names = 'abcdefghi';
    let text =
      'apiVersion: v1\nkind: ConfigMap\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < names.length; i++) {
      text += `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]\n`;
    }
    const started = Date.now();
    const { notes, isManifest } = extractWorkloads('bomb.yaml', text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(isManifest).toBe(false);
    expect(notes).toEqual([
      'YAML document at line 1 skipped: its aliases expand to more than 1000 nodes',
    ]);
  });

  it('resolves ordinary anchors and aliases', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata: { name: db }',
      'x-env: &env',
      '  - name: USER_ADDR',
      '    value: users:9000', // 6
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: db',
      '          image: postgres',
      '          env: *env',
    ].join('\n');
    const [w] = extractWorkloads('db.yaml', text).workloads;
    expect(w.kind).toBe('StatefulSet');
    expect(w.containers[0].env).toEqual([
      {
        name: 'USER_ADDR',
        value: expect.objectContaining({ value: 'users:9000', line: 6 }),
      },
    ]);
  });

  it('reads templates with blanked actions with their lines, marking what templates may add', () => {
    const text = [
      'apiVersion: apps/v1', // 1
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "chart.fullname" . }}',
      '  labels:',
      '    {{- include "chart.labels" . | nindent 4 }}', // 6
      'spec:',
      '  template:',
      '    spec:',
      '      terminationGracePeriodSeconds: {{ .Values.grace }}', // 10
      '      containers:',
      '        - name: {{ .Chart.Name }}', // 12
      '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '          env:',
      '            - name: USER_ADDR',
      '              value: {{ .Values.userAddr | quote }}', // 16
      '            - name: ORDER_ADDR',
      '              value: "orders:{{ .Values.port }}"',
      '            - name: FIXED',
      '              value: "stock:8080"', // 20
      '          {{- with .Values.lifecycle }}',
      '          lifecycle:',
      '            {{- toYaml . | nindent 12 }}',
      '          {{- end }}',
      '        - name: plain', // 25
      '          image: x',
    ].join('\n');
    const { workloads, notes } = extractWorkloads(
      'chart/templates/deployment.yaml',
      text,
      blankTemplateActions(text),
    );
    expect(notes).toEqual([]);
    const [w] = workloads;
    // what the containers' templates hide cannot set the pod's grace period or DNS config
    expect(w.templated).toEqual([10]);
    expect(w.patch).toBeUndefined();
    expect(w.terminationGracePeriodSeconds).toBeUndefined();
    const [main, plain] = w.containers;
    expect(main.ref.line).toBe(12);
    // the toYaml under `lifecycle:` may hide the preStop hook; `{{- with }}` writes nothing
    expect(main.templated).toEqual([23]);
    expect(main.env).toEqual([
      { name: 'USER_ADDR' },
      { name: 'ORDER_ADDR' },
      {
        name: 'FIXED',
        value: expect.objectContaining({
          value: 'stock:8080',
          line: 20,
          snippet: 'value: "stock:8080"',
        }),
      },
    ]);
    expect(plain.templated).toBeUndefined();
  });

  it('notes templates that still do not parse, and lists the workloads among them', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: {{ .Values.x }}: [\n---\napiVersion: apps/v1\nkind: Deployment\nspec: {{ .Values.x }}: [\n';
    const { notes, unreadableWorkloads } = extractWorkloads(
      't.yaml',
      text,
      blankTemplateActions(text),
    );
    expect(notes[0]).toMatch(
      /^YAML document at line 1 skipped \(Helm template\): /,
    );
    expect(unreadableWorkloads).toEqual([
      expect.stringMatching(/^YAML document at line 5 skipped/),
    ]);
  });

  it('lists a workload whose broken document the parser ends early, up to the next ---', () => {
    // a docs snippet: a Jinja line the YAML parser stops at, before `kind:`
    const text =
      '{% raw %}\napiVersion: apps/v1\nkind: Deployment\nspec: {}\n---\napiVersion: v1\nkind: Service\n';
    const { unreadableWorkloads, workloads } = extractWorkloads('s.yaml', text);
    expect(workloads).toEqual([]);
    expect(unreadableWorkloads).toEqual([
      expect.stringMatching(/^YAML document at line 1 skipped/),
    ]);
  });

  it('splits a rendered template at a `---` trimming glued to a comment, as Helm does', () => {
    const rendered = {
      text: 'apiVersion: v1\nkind: Service\n---# the api\napiVersion: apps/v1\nkind: Deployment\nspec: {}\n',
      origins: [1, 2, 4, 5, 6, 7],
      opaqueLines: [],
    };
    const read = extractWorkloads('t.yaml', 'unused', rendered);
    expect(read.notes).toEqual([]);
    expect(read.workloads.map(w => w.kind)).toEqual(['Deployment']);
  });

  it('reads the configuration values of a templated config file outside a chart, blanked', () => {
    // gomplate / dockerize style: the file is filled in when the container starts
    const text =
      'orders:\n  addr: orders:50051\nconsul:\n  host: {{ env "CONSUL_HOST" }}:8500\n';
    const read = readManifest('config/app.yaml', text);
    expect(read.configValues.map(v => [v.key, v.value, v.line])).toEqual([
      ['orders.addr', 'orders:50051', 2],
    ]);
    expect(read.notes).toEqual([
      'not a chart template, and not plain YAML: read with its template actions blanked',
    ]);
  });

  it('traces the lines of a rendered template back to the template', () => {
    const rendered = {
      text: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: x\n          ports: [{containerPort: 80}]\n',
      origins: [1, 2, 5, 6, 6, 7, 9, 10, 10, 11],
      opaqueLines: [],
    };
    const [w] = extractWorkloads('t.yaml', 'unused', rendered).workloads;
    expect(w.ref.line).toBe(2);
    expect(w.containers[0].ref.line).toBe(9);
    expect(w.templated).toBeUndefined();
  });

  it('marks Kustomize patches (no container image)', () => {
    const patch =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      terminationGracePeriodSeconds: 60\n';
    const [w] = extractWorkloads('overlays/prod/grace.yaml', patch).workloads;
    expect(w).toMatchObject({
      patch: true,
      terminationGracePeriodSeconds: { value: 60, ref: { line: 8 } },
    });
  });
});
