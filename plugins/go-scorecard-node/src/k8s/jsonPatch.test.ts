import { Workload } from '../facts';
import { LineIndex } from '../text/lineIndex';
import { parseYaml } from '../yaml/parseYaml';
import { extractWorkloads } from './extractWorkloads';
import { applyJsonPatch } from './jsonPatch';
import { readKustomizeDocument } from './kustomization';
import { JsonPatchFile, JsonPatchOp } from './kustomizePatch';

const BASE = `apiVersion: apps/v1
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
          ports: [{ containerPort: 8080 }]
          env:
            - name: USER_ADDR
              value: user:8080
            - name: LEDGER_ADDR
              value: ledger:8080
          lifecycle:
            preStop:
              sleep: { seconds: 5 }
        - name: worker
          image: shop/worker:1.0
`;

const base = (): Workload =>
  extractWorkloads('base/deploy.yaml', BASE).workloads[0];

function ops(text: string): JsonPatchOp[] {
  const { docs, lines } = parseYaml(text);
  const [file] = readKustomizeDocument(docs[0], {
    path: 'overlay/ops.yaml',
    original: new LineIndex(text),
    lines,
  }) as JsonPatchFile[];
  return file.ops;
}

const apply = (text: string) => applyJsonPatch(base(), ops(text));

describe('applyJsonPatch', () => {
  it('sets, replaces and removes terminationGracePeriodSeconds and ndots', () => {
    const { workload: w, notes } = apply(`
- op: replace
  path: /spec/template/spec/terminationGracePeriodSeconds
  value: 60
- op: add
  path: /spec/template/spec/dnsConfig/options/-
  value: { name: ndots, value: "1" }
`);
    expect(notes).toEqual([]);
    expect(w.terminationGracePeriodSeconds).toEqual({
      value: 60,
      ref: { path: 'overlay/ops.yaml', line: 4, snippet: 'value: 60' },
    });
    expect(w.ndots).toBe(1);
    expect(w.ref.path).toBe('base/deploy.yaml');

    const removed = apply(`
- { op: remove, path: /spec/template/spec/terminationGracePeriodSeconds }
- { op: remove, path: /spec/template/spec/dnsConfig }
`).workload;
    expect(removed.terminationGracePeriodSeconds).toBeUndefined();
    expect(removed.ndots).toBeUndefined();
  });

  it('notes what it cannot tell: an option by index, move and copy, an index out of range', () => {
    const { workload: w, notes } = apply(`
- { op: remove, path: /spec/template/spec/dnsConfig/options/0 }
- { op: move, from: /spec/template/spec/terminationGracePeriodSeconds, path: /spec/x }
- { op: copy, from: /metadata/name, path: /metadata/labels/app }
- { op: test, path: /spec/template/spec/containers/0/name, value: api }
- { op: replace, path: /spec/template/spec/containers/5/lifecycle, value: {} }
`);
    expect(w.ndots).toBe(2);
    expect(w.terminationGracePeriodSeconds?.value).toBe(20);
    expect(w.containers[0].preStop).toBeDefined();
    expect(notes.map(n => `${n.path} ${n.message}`)).toEqual([
      'overlay/ops.yaml line 2: JSON6902 remove /spec/template/spec/dnsConfig/options/0 on Deployment api: which dnsConfig option it changes is not read; ndots kept',
      'overlay/ops.yaml line 3: JSON6902 move /spec/x on Deployment api: not applied (only add, replace and remove are read)',
      'overlay/ops.yaml line 6: JSON6902 replace /spec/template/spec/containers/5/lifecycle on Deployment api: index 5 is out of range (2 items); not applied',
    ]);
  });

  it('removes a preStop hook and points the container at the op', () => {
    const { workload: w } = apply(`
- op: remove
  path: /spec/template/spec/containers/0/lifecycle/preStop
`);
    const [api] = w.containers;
    expect(api.preStop).toBeUndefined();
    expect(api.ref).toEqual({
      path: 'overlay/ops.yaml',
      line: 3,
      snippet: 'path: /spec/template/spec/containers/0/lifecycle/preStop',
    });
    expect(api.servesTraffic).toBe(true);
    // Replacing the lifecycle with one without preStop drops it too.
    const replaced = apply(`
- { op: replace, path: /spec/template/spec/containers/0/lifecycle, value: { postStart: { exec: { command: [true] } } } }
`).workload.containers[0];
    expect(replaced.preStop).toBeUndefined();
  });

  it('adds preStop hooks at any depth, and reads their sleep', () => {
    const { workload: w } = apply(`
- op: add
  path: /spec/template/spec/containers/1/lifecycle
  value:
    preStop:
      exec: { command: ["/bin/sh", "-c", "sleep 15"] }
- op: replace
  path: /spec/template/spec/containers/0/lifecycle/preStop/sleep/seconds
  value: 8
`);
    expect(w.containers[1].preStop).toEqual({
      sleepSeconds: 15,
      ref: { path: 'overlay/ops.yaml', line: 5, snippet: 'preStop:' },
    });
    expect(w.containers[0].preStop?.sleepSeconds).toBe(8);
    expect(w.containers[0].preStop?.ref.path).toBe('base/deploy.yaml');
  });

  it('adds, inserts, replaces and removes containers by index', () => {
    const { workload: w } = apply(`
- op: add
  path: /spec/template/spec/containers/-
  value:
    name: proxy
    image: envoy
    readinessProbe: { httpGet: { path: /ready, port: 9901 } }
- op: remove
  path: /spec/template/spec/containers/1
- op: add
  path: /spec/template/spec/containers/0
  value: { name: init-like, image: busybox }
`);
    expect(w.containers.map(c => `${c.name}:${c.servesTraffic}`)).toEqual([
      'init-like:false',
      'api:true',
      'proxy:true',
    ]);
    expect(w.containers[2].ref).toMatchObject({
      line: 5,
      snippet: 'name: proxy',
    });
  });

  it('edits env: the list, an item, an item value; a later name wins', () => {
    const { workload: w } = apply(`
- op: replace
  path: /spec/template/spec/containers/0/env/1/value
  value: ledger.payments.svc.cluster.local.:8080
- op: add
  path: /spec/template/spec/containers/0/env/-
  value: { name: USER_ADDR, value: "user.users:8080" }
- op: add
  path: /spec/template/spec/containers/1/env
  value:
    - name: QUEUE_ADDR
      value: queue:5672
`);
    const env = (i: number) =>
      w.containers[i].env.map(
        e => `${e.name}=${e.value?.value}@${e.value?.line}`,
      );
    expect(env(0)).toEqual([
      'LEDGER_ADDR=ledger.payments.svc.cluster.local.:8080@4',
      'USER_ADDR=user.users:8080@7',
    ]);
    expect(env(1)).toEqual(['QUEUE_ADDR=queue:5672@12']);
  });

  it('replaces the whole pod spec', () => {
    const { workload: w } = apply(`
- op: replace
  path: /spec/template/spec
  value:
    containers: [{ name: only, image: x, ports: [{ containerPort: 1 }] }]
`);
    expect(w.terminationGracePeriodSeconds).toBeUndefined();
    expect(w.ndots).toBeUndefined();
    expect(w.containers.map(c => c.name)).toEqual(['only']);
  });
});
