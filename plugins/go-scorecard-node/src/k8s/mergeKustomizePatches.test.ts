import { Container, Workload } from '../facts';
import { mergeKustomizePatches } from './mergeKustomizePatches';

const ref = (path: string, line: number) => ({ path, line, snippet: '' });

const container = (
  path: string,
  extra: Partial<Container> = {},
): Container => ({
  name: 'api',
  ref: ref(path, 10),
  servesTraffic: false,
  env: [],
  ...extra,
});

const base: Workload = {
  kind: 'Deployment',
  name: 'api',
  ref: ref('base/deploy.yaml', 2),
  containers: [
    container('base/deploy.yaml', {
      servesTraffic: true,
      env: [
        { name: 'A', value: { ...ref('base/deploy.yaml', 20), value: 'a:1' } },
        { name: 'B', value: { ...ref('base/deploy.yaml', 22), value: 'b:1' } },
      ],
    }),
  ],
};

describe('mergeKustomizePatches', () => {
  it('applies overlay patches to the base of the same kind and name', () => {
    const patch: Workload = {
      kind: 'Deployment',
      name: 'api',
      ref: ref('overlays/prod/patch.yaml', 2),
      patch: true,
      terminationGracePeriodSeconds: {
        value: 60,
        ref: ref('overlays/prod/patch.yaml', 8),
      },
      ndots: 1,
      containers: [
        container('overlays/prod/patch.yaml', {
          preStop: {
            sleepSeconds: 5,
            ref: ref('overlays/prod/patch.yaml', 12),
          },
          env: [
            {
              name: 'B',
              value: {
                ...ref('overlays/prod/patch.yaml', 15),
                value: 'b.ns.svc.cluster.local.:1',
              },
            },
          ],
        }),
      ],
    };
    const other: Workload = { ...base, kind: 'StatefulSet' };
    const orphan: Workload = { ...patch, name: 'gone' };
    const merged = mergeKustomizePatches([base, patch, other, orphan]);
    expect(merged).toHaveLength(2);
    const [api, sts] = merged;
    expect(api.ref.path).toBe('base/deploy.yaml');
    expect(api.terminationGracePeriodSeconds?.ref.path).toBe(
      'overlays/prod/patch.yaml',
    );
    expect(api.ndots).toBe(1);
    expect(api.containers[0].servesTraffic).toBe(true);
    expect(api.containers[0].preStop?.sleepSeconds).toBe(5);
    expect(
      api.containers[0].env.map(
        e => `${e.name}=${e.value?.value}@${e.value?.path}`,
      ),
    ).toEqual([
      'A=a:1@base/deploy.yaml',
      'B=b.ns.svc.cluster.local.:1@overlays/prod/patch.yaml',
    ]);
    expect(sts).toBe(other);
    expect(base.containers[0].preStop).toBeUndefined();
  });

  it('returns the input when there is no patch', () => {
    const list = [base];
    expect(mergeKustomizePatches(list)).toBe(list);
  });
});
