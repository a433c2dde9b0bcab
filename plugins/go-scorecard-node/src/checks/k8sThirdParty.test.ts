import { join } from 'node:path';
import { Analyzer } from '../analyze';
import { BuiltImage, ServiceFacts, serviceFacts } from '../facts';
import { extractWorkloads } from '../k8s/extractWorkloads';
import { goFileFacts } from '../__testUtils__/goFileFacts';
import { runCheck } from '../__testUtils__/runCheck';
import { DirectoryTree } from '../tree/DirectoryTree';
import { k8sGracePeriodCheck } from './k8s-grace-period';
import { k8sPrestopCheck } from './k8s-prestop';

/** Facts of manifests, a Go file draining for `drain` seconds, and built images. */
function facts(
  files: Record<string, string>,
  builtImages: string[] = [],
  drain = 0,
): ServiceFacts {
  const at = { path: 'main.go', line: 30, snippet: 'timeout' };
  return serviceFacts({
    goFiles: [
      goFileFacts({
        path: 'main.go',
        shutdownBounds: drain
          ? [
              {
                kind: 'duration',
                value: { k: 'num', value: drain, seconds: true, at },
                ...at,
              },
            ]
          : [],
      }),
    ],
    manifestFiles: Object.keys(files),
    workloads: Object.entries(files).flatMap(
      ([p, t]) => extractWorkloads(p, t).workloads,
    ),
    builtImages: builtImages.map(
      (image, i): BuiltImage => ({
        path: 'Makefile',
        line: i + 1,
        snippet: '',
        image,
      }),
    ),
  });
}

/** A Deployment `name` with containers `[name, image, preStop sleep seconds?]`, all serving. */
function deployment(
  name: string,
  containers: [string, string, number?][],
  grace?: number,
) {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: { name: ${name} }`,
    'spec:',
    '  template:',
    '    spec:',
    ...(grace === undefined
      ? []
      : [`      terminationGracePeriodSeconds: ${grace}`]),
    '      containers:',
    ...containers.flatMap(([c, image, sleep]) => [
      `        - name: ${c}`,
      `          image: ${image}`,
      '          ports: [{ containerPort: 8080 }]',
      ...(sleep === undefined
        ? []
        : [
            `          lifecycle: { preStop: { sleep: { seconds: ${sleep} } } }`,
          ]),
    ]),
  ].join('\n');
}

describe('k8s-prestop and third-party images', () => {
  it('flags own containers only, and notes the ones left out', () => {
    const outcome = runCheck(
      k8sPrestopCheck,
      facts({
        'k8s/api.yaml': deployment('api', [
          ['api', 'ghcr.io/acme/api:1.0'],
          ['redis', 'redis:7.2'],
        ]),
      }),
    );
    expect(outcome).toEqual({
      findings: [expect.objectContaining({ path: 'k8s/api.yaml', line: 8 })],
      notes: [
        'containers left out, as they run third-party images: container "redis" of Deployment api (k8s/api.yaml:11) runs redis:7.2, a stock image the repository does not build',
      ],
    });
  });

  it('is not applicable when only third-party containers serve traffic', () => {
    const outcome = runCheck(
      k8sPrestopCheck,
      facts({
        'k8s/redis.yaml': deployment('cache', [['redis', 'redis:7.2']]),
        'k8s/pg.yaml': deployment('db', [['pg', 'postgres:16']]),
      }),
    );
    expect(outcome).toEqual({
      notApplicable:
        'only containers that run third-party images serve traffic: container "redis" of Deployment cache (k8s/redis.yaml:8) runs redis:7.2, a stock image the repository does not build; container "pg" of Deployment db (k8s/pg.yaml:8) runs postgres:16, a stock image the repository does not build',
    });
  });

  it('judges a stock-named image the repository builds, and unknown images', () => {
    const outcome = runCheck(
      k8sPrestopCheck,
      facts(
        {
          'k8s/edge.yaml': deployment('edge', [
            ['nginx', 'ghcr.io/acme/nginx:1.4'],
            ['app', '${IMAGE}'],
          ]),
        },
        ['ghcr.io/acme/nginx:$(VERSION)'],
      ),
    );
    expect(outcome).toEqual({
      findings: [
        expect.objectContaining({ line: 8 }),
        expect.objectContaining({ line: 11 }),
      ],
    });
  });

  it('leaves out an image none of the named builds makes', () => {
    const outcome = runCheck(
      k8sPrestopCheck,
      facts(
        {
          'k8s/api.yaml': deployment('api', [
            ['api', 'ghcr.io/acme/api:1.0', 5],
            ['rbac', 'quay.io/brancz/kube-rbac-proxy:v0.18.0'],
          ]),
        },
        ['ghcr.io/acme/api:${TAG}'],
      ),
    );
    expect(outcome).toEqual({
      findings: [],
      notes: [
        'containers left out, as they run third-party images: container "rbac" of Deployment api (k8s/api.yaml:12) runs quay.io/brancz/kube-rbac-proxy:v0.18.0, not one of the images the repository builds (api)',
      ],
    });
  });
});

describe('k8s-grace-period and third-party images', () => {
  it('counts only own containers’ preStop sleeps', () => {
    const outcome = runCheck(
      k8sGracePeriodCheck,
      facts(
        {
          'k8s/api.yaml': deployment(
            'api',
            [
              ['api', 'ghcr.io/acme/api:1.0', 5],
              ['envoy', 'envoyproxy/envoy:v1.30.2', 20],
            ],
            40,
          ),
        },
        [],
        30,
      ),
    );
    expect(outcome).toEqual({
      findings: [],
      notes: [
        'preStop sleeps left out, of containers that run third-party images: 20 s of container "envoy" of Deployment api (k8s/api.yaml:13), which runs envoyproxy/envoy:v1.30.2, a stock image the repository does not build',
      ],
    });
  });

  it('skips workloads of only third-party containers; not applicable when all are', () => {
    const redis = deployment('cache', [['redis', 'redis:7.2']], 10);
    const api = deployment('api', [['api', 'ghcr.io/acme/api:1.0', 5]], 20);
    expect(
      runCheck(
        k8sGracePeriodCheck,
        facts({ 'k8s/redis.yaml': redis, 'k8s/api.yaml': api }, [], 30),
      ),
    ).toEqual({
      findings: [expect.objectContaining({ path: 'k8s/api.yaml', line: 7 })],
      notes: [
        'workloads left out, as they run only third-party images: Deployment cache (k8s/redis.yaml:2): redis:7.2, a stock image the repository does not build',
      ],
    });
    expect(
      runCheck(k8sGracePeriodCheck, facts({ 'k8s/redis.yaml': redis }, [], 30)),
    ).toEqual({
      notApplicable:
        'every workload runs only third-party images: Deployment cache (k8s/redis.yaml:2): redis:7.2, a stock image the repository does not build',
    });
  });
});

describe('a scan', () => {
  it('reads the images a workflow builds, and reports what a passing check left out', async () => {
    const dir = join(
      __dirname,
      '../../testdata/k8s-prestop/third-party-not-built-sidecar',
    );
    const analyzer = await Analyzer.create();
    const report = await analyzer.analyze(await DirectoryTree.open(dir), dir);
    expect(report.checks.find(c => c.id === 'k8s-prestop')).toMatchObject({
      status: 'pass',
      findings: [],
      message:
        'containers left out, as they run third-party images: container "kube-rbac-proxy" of Deployment ledger (deploy/deployment.yaml:16) runs quay.io/brancz/kube-rbac-proxy:v0.18.0, not one of the images the repository builds (ledger)',
    });
  });
});
