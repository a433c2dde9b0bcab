import {
  DialTarget,
  GoFileFacts,
  serviceFacts,
  ValueExpr,
  Workload,
} from '../facts';
import {
  extractWorkloads,
  mergeKustomizePatches,
} from '../k8s/extractWorkloads';
import { grpcShortTargetCheck } from './grpc-short-target';
import { k8sGracePeriodCheck } from './k8s-grace-period';
import { k8sNdotsCheck } from './k8s-ndots';
import { k8sPrestopCheck } from './k8s-prestop';
import { Check } from './types';
import { runCheck } from '../__testUtils__/runCheck';
import { goFileFacts } from '../__testUtils__/goFileFacts';

const at = (line: number, snippet: string) => ({
  path: 'main.go',
  line,
  snippet,
});

function goFile(
  dialTargets: DialTarget[],
  shutdownTimeoutSeconds?: number,
): GoFileFacts {
  return goFileFacts({
    path: 'main.go',
    imports: [{ path: 'google.golang.org/grpc', line: 3 }],
    dialTargets,
    shutdownBounds:
      shutdownTimeoutSeconds === undefined
        ? []
        : [
            {
              kind: 'duration',
              value: {
                k: 'num',
                value: shutdownTimeoutSeconds,
                seconds: true,
                at: at(30, 'timeout'),
              },
              ...at(30, 'timeout'),
            },
          ],
  });
}

/** A dial whose target may be each literal (value, line) or each env var. */
function dial(values: [string, number][], envVars: string[] = []): DialTarget {
  const target: ValueExpr = {
    k: 'any',
    of: [
      ...values.map(
        ([value, line]): ValueExpr => ({
          k: 'lit',
          value,
          at: at(line, `"${value}"`),
        }),
      ),
      ...envVars.map(
        (name): ValueExpr => ({
          k: 'env',
          name: { k: 'lit', value: name, at: at(19, 'os.Getenv') },
          at: at(19, 'os.Getenv'),
        }),
      ),
    ],
  };
  return { func: 'NewClient', target, ...at(20, 'grpc.NewClient(addr)') };
}

function workloads(files: Record<string, string>): Workload[] {
  return mergeKustomizePatches(
    Object.entries(files).flatMap(([p, t]) => extractWorkloads(p, t).workloads),
  );
}

function run(check: Check, goFiles: GoFileFacts[], ws: Workload[]) {
  const outcome = runCheck(check, serviceFacts({ goFiles, workloads: ws }));
  return 'findings' in outcome ? outcome.findings : outcome.notApplicable;
}

const deployment = (extraPod = '', extraContainer = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:${extraPod}
      containers:
        - name: api
          image: shop/api
          ports: [{ containerPort: 8080 }]
          env:
            - name: USER_ADDR
              value: user-service:8080${extraContainer}
`;

describe('grpc-short-target', () => {
  it('flags short literals and the manifest env values that feed a dial', () => {
    const findings = run(
      grpcShortTargetCheck,
      [
        goFile([
          dial(
            [
              ['orders:9000', 12],
              ['localhost:9000', 13],
            ],
            ['USER_ADDR', 'UNSET'],
          ),
        ]),
      ],
      workloads({ 'k8s/deploy.yaml': deployment() }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        path: 'main.go',
        line: 12,
        message: expect.stringContaining(
          'gRPC target "orders:9000" of grpc.NewClient at main.go:20 has 0 dots, fewer than ndots 5',
        ),
      }),
      expect.objectContaining({
        path: 'k8s/deploy.yaml',
        line: 14,
        snippet: 'value: user-service:8080',
        message: expect.stringContaining(
          'env USER_ADDR="user-service:8080" of container "api" (Deployment api)',
        ),
      }),
    ]);
    expect((findings as { message: string }[])[1].message).toContain(
      'use "user-service.<namespace>.svc.cluster.local.:8080"',
    );
  });

  it('uses the largest ndots when every workload sets one', () => {
    const pod =
      '\n      dnsConfig:\n        options: [{ name: ndots, value: "1" }]';
    const findings = run(
      grpcShortTargetCheck,
      [
        goFile([
          dial([
            ['users.shop:80', 5],
            ['users:80', 6],
          ]),
        ]),
      ],
      workloads({ 'd.yaml': deployment(pod) }),
    );
    expect((findings as { line: number }[]).map(f => f.line)).toEqual([6]);
  });

  it('is not applicable without a gRPC import', () => {
    const file = { ...goFile([]), imports: [] };
    expect(run(grpcShortTargetCheck, [file], [])).toBe(
      'no Go file imports google.golang.org/grpc',
    );
  });
});

describe('k8s-ndots', () => {
  it('flags workloads without ndots <= 2 when the service dials short names', () => {
    const go = [goFile([dial([], ['USER_ADDR'])])];
    const findings = run(
      k8sNdotsCheck,
      go,
      workloads({ 'd.yaml': deployment() }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        path: 'd.yaml',
        line: 2,
        snippet: 'kind: Deployment',
        message: expect.stringContaining('with the default ndots 5'),
      }),
    ]);
    const pod =
      '\n      dnsConfig:\n        options: [{ name: ndots, value: "2" }]';
    expect(
      run(k8sNdotsCheck, go, workloads({ 'd.yaml': deployment(pod) })),
    ).toEqual([]);
  });

  it('passes without short targets and is not applicable without workloads', () => {
    expect(
      run(
        k8sNdotsCheck,
        [goFile([dial([['users.shop.svc.cluster.local.:80', 3]])])],
        workloads({ 'd.yaml': deployment() }),
      ),
    ).toEqual([]);
    expect(run(k8sNdotsCheck, [], [])).toBe(
      'no Deployment, StatefulSet or DaemonSet',
    );
  });
});

describe('k8s-prestop', () => {
  it('flags serving containers without preStop, counting overlay patches', () => {
    expect(
      run(k8sPrestopCheck, [], workloads({ 'd.yaml': deployment() })),
    ).toEqual([
      expect.objectContaining({
        path: 'd.yaml',
        line: 9,
        message: expect.stringContaining(
          'container "api" of Deployment api serves traffic but has no lifecycle.preStop',
        ),
      }),
    ]);
    const patch =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          lifecycle:\n            preStop:\n              exec: { command: [sleep, "5"] }\n';
    expect(
      run(
        k8sPrestopCheck,
        [],
        workloads({
          'base/d.yaml': deployment(),
          'overlays/prod/p.yaml': patch,
        }),
      ),
    ).toEqual([]);
  });
});

describe('k8s-grace-period', () => {
  const preStop =
    '\n          lifecycle:\n            preStop:\n              exec:\n                command: ["/bin/sh", "-c", "sleep 5"]';

  it('flags a default grace period shorter than preStop + shutdown timeout, on kind:', () => {
    expect(
      run(
        k8sGracePeriodCheck,
        [goFile([], 30)],
        workloads({ 'd.yaml': deployment('', preStop) }),
      ),
    ).toEqual([
      expect.objectContaining({
        line: 2,
        message:
          'Deployment api: terminationGracePeriodSeconds 30 (the default) < preStop sleep 5 s + drain bound 30 s (main.go:30): the kubelet kills the pod before it finishes draining; set terminationGracePeriodSeconds to at least 35',
      }),
    ]);
  });

  it('reports on the terminationGracePeriodSeconds line, and passes when it is enough', () => {
    const short = '\n      terminationGracePeriodSeconds: 10';
    expect(
      run(
        k8sGracePeriodCheck,
        [goFile([], 10)],
        workloads({ 'd.yaml': deployment(short, preStop) }),
      ),
    ).toEqual([
      expect.objectContaining({
        line: 8,
        snippet: 'terminationGracePeriodSeconds: 10',
      }),
    ]);
    const enough = '\n      terminationGracePeriodSeconds: 45';
    expect(
      run(
        k8sGracePeriodCheck,
        [goFile([], 30)],
        workloads({ 'd.yaml': deployment(enough, preStop) }),
      ),
    ).toEqual([]);
    expect(
      run(
        k8sGracePeriodCheck,
        [goFile([])],
        workloads({ 'd.yaml': deployment('', preStop) }),
      ),
    ).toEqual([]);
  });
});
