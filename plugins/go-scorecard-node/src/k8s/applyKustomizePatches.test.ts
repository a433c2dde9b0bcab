import { Workload } from '../facts';
import { LineIndex } from '../text/lineIndex';
import { parseYaml } from '../yaml/parseYaml';
import { applyKustomizePatches, targetMatches } from './applyKustomizePatches';
import { extractWorkloads } from './extractWorkloads';
import { readKustomizeDocument } from './kustomization';
import { KustomizeFact } from './kustomizePatch';

/** Workloads and kustomize facts of files, patched. */
function scan(files: Record<string, string>) {
  const workloads: Workload[] = [];
  const kustomize: KustomizeFact[] = [];
  for (const [path, text] of Object.entries(files)) {
    workloads.push(...extractWorkloads(path, text).workloads);
    const { docs, lines } = parseYaml(text);
    for (const doc of docs)
      kustomize.push(
        ...readKustomizeDocument(doc, {
          path,
          original: new LineIndex(text),
          lines,
        }),
      );
  }
  return applyKustomizePatches(workloads, kustomize);
}

const deployment = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:${extra}
      containers:
        - name: ${name}
          image: shop/${name}:1.0
          ports: [{ containerPort: 8080 }]
          lifecycle:
            preStop:
              sleep: { seconds: 5 }
`;

const w = (name: string) => ({ kind: 'Deployment', name } as Workload);

describe('targetMatches', () => {
  it('matches kind and name as anchored regular expressions; plain names exactly', () => {
    expect(targetMatches({ kind: 'Deployment', name: 'api' }, w('api'))).toBe(
      true,
    );
    expect(targetMatches({ name: 'api' }, w('api-canary'))).toBe(false);
    expect(targetMatches({ name: 'api.v1' }, w('apixv1'))).toBe(false);
    expect(targetMatches({ name: 'api-.*' }, w('api-canary'))).toBe(true);
    expect(targetMatches({ name: 'api|web' }, w('web'))).toBe(true);
    expect(targetMatches({ kind: 'StatefulSet|DaemonSet' }, w('api'))).toBe(
      false,
    );
    expect(targetMatches({}, w('api'))).toBe(true);
    // Nested repetition and invalid patterns are compared as written.
    expect(targetMatches({ name: '(a+)+' }, w('aaaa'))).toBe(false);
    expect(targetMatches({ name: '[' }, w('['))).toBe(true);
  });
});

describe('applyKustomizePatches', () => {
  it('applies a JSON6902 file to its target, after the base kustomization and before the overlay', () => {
    const { workloads, notes } = scan({
      // Named to sort after the overlay: bases apply first all the same.
      'zbase/deployment.yaml': deployment('api'),
      'zbase/kustomization.yaml': `resources: [deployment.yaml]
patches:
  - target: { kind: Deployment, name: api }
    patch: |-
      - op: replace
        path: /spec/template/spec/terminationGracePeriodSeconds
        value: 40
`,
      'overlays/prod/kustomization.yaml': `resources: [../../zbase]
patchesJson6902:
  - target: { kind: Deployment, name: api }
    path: ops.yaml
  - target: { kind: Deployment, name: other }
    path: ops.yaml
`,
      'overlays/prod/ops.yaml': `- op: remove
  path: /spec/template/spec/containers/0/lifecycle
- op: replace
  path: /spec/template/spec/terminationGracePeriodSeconds
  value: 90
`,
    });
    expect(notes).toEqual([]);
    expect(workloads).toHaveLength(1);
    const [api] = workloads;
    expect(api.terminationGracePeriodSeconds?.value).toBe(90);
    expect(api.terminationGracePeriodSeconds?.ref.path).toBe(
      'overlays/prod/ops.yaml',
    );
    expect(api.containers[0].preStop).toBeUndefined();
    expect(api.containers[0].ref).toMatchObject({
      path: 'overlays/prod/ops.yaml',
      line: 2,
    });
  });

  it('merges strategic-merge patches a kustomization names: by name, or into a target, image or not', () => {
    const { workloads } = scan({
      'base/deployment.yaml': `${deployment('api')}---\n${deployment('web')}`,
      'overlay/kustomization.yaml': `resources: [../base]
patchesStrategicMerge:
  - grace.yaml
patches:
  - path: all.yaml
    target: { kind: Deployment }
`,
      'overlay/grace.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      terminationGracePeriodSeconds: 60
      containers:
        - name: web
          image: shop/web:2.0
`,
      'overlay/all.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: any }
spec:
  template:
    spec:
      dnsConfig:
        options: [{ name: ndots, value: "1" }]
`,
    });
    expect(
      workloads.map(x => [
        x.name,
        x.terminationGracePeriodSeconds?.value,
        x.ndots,
      ]),
    ).toEqual([
      ['api', undefined, 1],
      ['web', 60, 1],
    ]);
  });

  it('still merges strategic-merge files no kustomization names, by kind and name', () => {
    const { workloads } = scan({
      'base/deployment.yaml': deployment('api'),
      'overlay/patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    spec:
      terminationGracePeriodSeconds: 75
      containers: [{ name: api }]
`,
    });
    expect(workloads.map(x => x.terminationGracePeriodSeconds?.value)).toEqual([
      75,
    ]);
  });

  it('applies a selector target to every workload of its kind and name, with a note; notes JSON6902 without a target', () => {
    const { workloads, notes } = scan({
      'base/deployment.yaml': `${deployment('api')}---\n${deployment('web')}`,
      'kustomization.yaml': `resources: [base/deployment.yaml]
patches:
  - target: { kind: Deployment, labelSelector: "tier=front" }
    patch: |-
      - op: add
        path: /spec/template/spec/terminationGracePeriodSeconds
        value: 45
  - path: ops.yaml
  - path: missing-patch.json
    target: { kind: Deployment }
`,
      'ops.yaml': `- { op: remove, path: /spec/template/spec/containers/0/lifecycle }`,
    });
    expect(workloads.map(x => x.terminationGracePeriodSeconds?.value)).toEqual([
      45, 45,
    ]);
    expect(workloads.every(x => x.containers[0].preStop)).toBe(true);
    expect(notes.map(n => `${n.path} ${n.message}`)).toEqual([
      'kustomization.yaml line 4: patch target selector "tier=front" not evaluated (labels are not read); the patch applies to every workload of its kind and name',
      'kustomization.yaml line 8: JSON6902 patch ops.yaml without a target skipped',
      'kustomization.yaml line 9: patch file missing-patch.json not read (JSON patch files are read when their name contains "patch")',
    ]);
  });

  it('leaves workloads alone without kustomize facts', () => {
    const workloads = extractWorkloads('d.yaml', deployment('api')).workloads;
    expect(applyKustomizePatches(workloads, []).workloads).toEqual(workloads);
  });
});

/** A serving Deployment without preStop hook or grace period. */
const bare = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: ${name}
          image: shop/${name}:1.0
          ports: [{ containerPort: 8080 }]
`;

const PRESTOP_10 = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    spec:
      containers:
        - name: api
          lifecycle: { preStop: { sleep: { seconds: 10 } } }
`;

const grace = (seconds: number) => `
  - target: { kind: Deployment, name: api }
    patch: |-
      - op: add
        path: /spec/template/spec/terminationGracePeriodSeconds
        value: ${seconds}
`;

/** `overlay name grace preStop` of each workload. */
const summary = (workloads: Workload[]) =>
  workloads.map(
    x =>
      `${x.overlay ?? '-'} ${x.name} ${
        x.terminationGracePeriodSeconds?.value ?? '-'
      } ${x.containers[0]?.preStop?.sleepSeconds ?? '-'}`,
  );

describe('applyKustomizePatches: each root kustomization on its own', () => {
  it('renders the base once per root, with only that root’s patches; never bare', () => {
    const { workloads, notes } = scan({
      'deploy/base/deployment.yaml': bare('api'),
      'deploy/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'deploy/overlays/prod/kustomization.yaml': `resources: [../../base/]
patches:
  - path: prestop.yaml${grace(25)}`,
      'deploy/overlays/prod/prestop.yaml': PRESTOP_10,
      'deploy/overlays/staging/kustomization.yaml': `resources: [../../base]
patches:${grace(60)}`,
      // Included by no kustomization: judged as written, once.
      'other/worker.yaml': bare('worker'),
    });
    expect(notes).toEqual([]);
    expect(summary(workloads)).toEqual([
      '- worker - -',
      'deploy/overlays/prod api 25 10',
      'deploy/overlays/staging api 60 -',
    ]);
    const [, prod, staging] = workloads;
    // Values a patch wrote point at the patch; the rest at the base.
    expect(prod.terminationGracePeriodSeconds?.ref).toMatchObject({
      path: 'deploy/overlays/prod/kustomization.yaml',
      line: 8,
    });
    expect(prod.containers[0].preStop?.ref.path).toBe(
      'deploy/overlays/prod/prestop.yaml',
    );
    expect(staging.containers[0].ref).toMatchObject({
      path: 'deploy/base/deployment.yaml',
      line: 9,
    });
    // Copies: one root's workload and containers are not another's.
    expect(prod.containers[0]).not.toBe(staging.containers[0]);
  });

  it('applies the patches on the way from the base up, base first; a root at the top is `.`', () => {
    const { workloads } = scan({
      'base/deployment.yaml': bare('api'),
      'base/kustomization.yaml': `resources: [deployment.yaml]
patches:${grace(40)}`,
      'mid/kustomization.yaml': `resources: [../base]
patches:
  - path: prestop.yaml`,
      'mid/prestop.yaml': PRESTOP_10,
      'kustomization.yaml': `resources: [mid]
patches:${grace(90)}`,
    });
    expect(summary(workloads)).toEqual(['. api 90 10']);
  });

  it('applies components to the roots that list them, after resources, before own patches', () => {
    const component = `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources: [sidecar.yaml]
patches:${grace(50)}  - path: prestop.yaml
`;
    const { workloads } = scan({
      'base/deployment.yaml': bare('api'),
      'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'components/graceful/kustomization.yaml': component,
      'components/graceful/prestop.yaml': PRESTOP_10,
      'components/graceful/sidecar.yaml': bare('proxy'),
      // Listed by no root: its resource is judged as written, its patches apply nowhere.
      'components/unused/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources: [extra.yaml]
patches:${grace(5)}`,
      'components/unused/extra.yaml': bare('extra'),
      'prod/kustomization.yaml': `resources: [../base]
components: [../components/graceful]
patches:${grace(70)}`,
      'dev/kustomization.yaml': 'resources: [../base]\n',
    });
    expect(summary(workloads)).toEqual([
      '- extra - -',
      'dev api - -',
      'prod api 70 10',
      // The component's own resource gets its patches only where they match.
      'prod proxy - -',
    ]);
  });

  it('treats a workload without image in a resource file as a resource; notes a cycle', () => {
    const { workloads, notes } = scan({
      'base/deployment.yaml': bare('api').replace(/\s+image: .*/, ''),
      'base/kustomization.yaml': 'resources: [deployment.yaml, ../loop]\n',
      'loop/kustomization.yaml': 'resources: [../base]\n',
      'prod/kustomization.yaml': 'resources: [../base]\n',
    });
    expect(summary(workloads)).toEqual(['prod api - -']);
    expect(notes.map(n => `${n.path} ${n.message}`)).toEqual([
      'base/kustomization.yaml includes itself (base → loop → base); not rendered again',
    ]);
  });
});
