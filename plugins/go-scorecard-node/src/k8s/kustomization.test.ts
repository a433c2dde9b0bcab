import { LineIndex } from '../text/lineIndex';
import { parseYaml } from '../yaml/parseYaml';
import { readKustomizeDocument } from './kustomization';
import { JsonPatchFile, Kustomization } from './kustomizePatch';
import { parsePointer } from './readJsonPatch';

function read(path: string, text: string) {
  const { docs, lines } = parseYaml(text);
  const original = new LineIndex(text);
  return docs.flatMap(doc =>
    readKustomizeDocument(doc, { path, original, lines }),
  );
}

const OVERLAY = `resources:
  - ../../base
patchesStrategicMerge:
  - grace.yaml
  - |-
    apiVersion: apps/v1
    kind: Deployment
    metadata: { name: api }
    spec:
      template:
        spec:
          terminationGracePeriodSeconds: 45
patches:
  - path: ops.yaml
    target: { kind: Deployment, name: api }
  - target:
      kind: Deployment
      name: "api|worker"
    patch: |-
      - op: add
        path: /spec/template/spec/containers/0/lifecycle
        value:
          preStop:
            exec:
              command: ["sleep", "10"]
      - op: remove
        path: /spec/template/spec/dnsConfig
  - patch: |-
      kind: Deployment
      metadata:
        name: ignored
      spec:
        template:
          spec:
            containers:
              - name: api
                image: shop/api:2
                env:
                  - name: USER_ADDR
                    value: user:8080
    target:
      labelSelector: app=api
patchesJson6902:
  - target: { group: apps, version: v1, kind: StatefulSet, name: db }
    patch: '[{"op": "replace", "path": "/spec/template/spec/terminationGracePeriodSeconds", "value": 90}]'
  - target: { kind: Deployment, name: api }
    path: more.json
`;

describe('readKustomizeDocument', () => {
  it('reads the patches of a kind-less kustomization.yaml in kustomize order', () => {
    const [k] = read('deploy/overlays/prod/kustomization.yaml', OVERLAY) as [
      Kustomization,
    ];
    expect(k.type).toBe('kustomization');
    expect(k.dir).toBe('deploy/overlays/prod');
    expect(k.resources).toEqual(['deploy/base']);
    expect(k.notes).toEqual([]);
    const p = k.patches;
    expect(p.map(x => x.file ?? (x.ops ? 'ops' : 'smp'))).toEqual([
      'deploy/overlays/prod/grace.yaml',
      'smp',
      'deploy/overlays/prod/ops.yaml',
      'ops',
      'smp',
      'ops',
      'deploy/overlays/prod/more.json',
    ]);

    // Inline strategic merge: lines of the kustomization.
    const [grace] = p[1].workloads!;
    expect(grace.patch).toBe(true);
    expect(grace.terminationGracePeriodSeconds).toEqual({
      value: 45,
      ref: {
        path: 'deploy/overlays/prod/kustomization.yaml',
        line: 12,
        snippet: 'terminationGracePeriodSeconds: 45',
      },
    });

    expect(p[2].target).toEqual({ kind: 'Deployment', name: 'api' });
    expect(p[2].ref.line).toBe(14);

    // Inline JSON6902 in YAML: the value's lines.
    expect(p[3].target).toEqual({ kind: 'Deployment', name: 'api|worker' });
    const [lifecycle, remove] = p[3].ops!;
    expect(lifecycle.op).toBe('add');
    expect(lifecycle.ref.line).toBe(22);
    const c = lifecycle.fragment!.containers[0];
    expect(c.preStop?.sleepSeconds).toBe(10);
    expect(c.preStop?.ref.line).toBe(23);
    expect(c.preStop?.ref.snippet).toBe('preStop:');
    expect(remove).toMatchObject({
      op: 'remove',
      path: ['spec', 'template', 'spec', 'dnsConfig'],
      ref: { line: 27 },
    });

    // A targeted strategic merge (its own name ignored), with an image.
    expect(p[4].target).toEqual({ selector: 'app=api' });
    const [smp] = p[4].workloads!;
    expect(smp.patch).toBe(true);
    expect(smp.containers[0].env[0].value).toMatchObject({
      value: 'user:8080',
      line: 40,
    });

    // JSON in a quoted scalar: its one line.
    expect(p[5].target).toEqual({ kind: 'StatefulSet', name: 'db' });
    expect(p[5].ops![0].fragment?.terminationGracePeriodSeconds).toEqual({
      value: 90,
      ref: expect.objectContaining({ line: 45 }),
    });
  });

  it('reads Kustomization and Component documents in any file; not other documents', () => {
    const text = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [deployment.yaml]
---
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
patches: [{ path: p.yaml }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
---
resources: [x.yaml]
`;
    const read_ = read('k/all.yaml', text) as Kustomization[];
    expect(read_.map(k => [k.resources, k.patches.map(p => p.file)])).toEqual([
      [['k/deployment.yaml'], []],
      [[], ['k/p.yaml']],
    ]);
    expect(read('k/Kustomization', 'resources: [x.yaml]\n')).toHaveLength(1);
    expect(read('k/config.yaml', 'resources: [x.yaml]\n')).toEqual([]);
  });

  it('reads JSON6902 op lists in YAML and JSON, with unescaped pointers', () => {
    const yaml = `- op: replace
  path: /spec/template/spec/containers/0/env/1/value
  value: user.ns.svc.cluster.local.:8080
- op: add
  path: /metadata/annotations/example.com~1a~0b
  value: x
- op: test
  path: /spec/replicas
  value: 1
`;
    const [file] = read('overlay/ops.yaml', yaml) as JsonPatchFile[];
    expect(file.type).toBe('json6902');
    expect(file.ops.map(o => o.op)).toEqual(['replace', 'add', 'test']);
    expect(file.ops[0].scalar).toEqual({
      path: 'overlay/ops.yaml',
      line: 3,
      snippet: 'value: user.ns.svc.cluster.local.:8080',
      value: 'user.ns.svc.cluster.local.:8080',
    });
    expect(file.ops[1].path).toEqual([
      'metadata',
      'annotations',
      'example.com/a~b',
    ]);
    expect(file.ops[1].fragment).toBeUndefined();

    const json = `[
  {"op": "add", "path": "/spec/template/spec/terminationGracePeriodSeconds",
   "value": 60}
]`;
    const [j] = read('overlay/patch.json', json) as JsonPatchFile[];
    expect(j.ops[0].fragment?.terminationGracePeriodSeconds?.value).toBe(60);
    expect(j.ops[0].ref.line).toBe(3);
    expect(read('x.yaml', '- a\n- b\n')).toEqual([]);
    expect(read('x.yaml', '- op: add\n  value: 1\n')).toEqual([]);
  });

  it('keeps components apart from resources and bases, and marks a Component', () => {
    const [k] = read(
      'deploy/overlays/prod/kustomization.yaml',
      `resources: [../../base/, deployment.yaml]
bases: [../../legacy]
components: [../../components/graceful/]
`,
    ) as Kustomization[];
    expect(k.resources).toEqual([
      'deploy/base',
      'deploy/overlays/prod/deployment.yaml',
      'deploy/legacy',
    ]);
    expect(k.components).toEqual(['deploy/components/graceful']);
    expect(k.component).toBeUndefined();
    const [c] = read(
      'deploy/components/graceful/kustomization.yaml',
      `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources: [sidecar.yaml]
`,
    ) as Kustomization[];
    expect(c).toMatchObject({
      component: true,
      resources: ['deploy/components/graceful/sidecar.yaml'],
      components: [],
    });
  });

  it('notes inline patches it cannot use', () => {
    const [k] = read(
      'kustomization.yaml',
      `patches:
  - patch: |-
      - op: remove
        path: /spec/template/spec/containers/0/lifecycle
  - target: { kind: Deployment }
    patch: |-
      kind: Deployment
      spec: [unclosed
patchesJson6902:
  - target: { kind: Deployment, name: api }
    patch: |-
      kind: Deployment
`,
    ) as Kustomization[];
    expect(k.patches).toEqual([]);
    expect(k.notes).toEqual([
      'line 2: inline JSON6902 patch without a target skipped',
      expect.stringMatching(/^inline patch at line 6 skipped: line \d+: /),
      'line 11: patchesJson6902 patch is not a JSON6902 op list; skipped',
    ]);
  });

  it('parses JSON pointers', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/~01')).toEqual(['a/b', '~1']);
    expect(parsePointer('a/b')).toBeUndefined();
  });
});
