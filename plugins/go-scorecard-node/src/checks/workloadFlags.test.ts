import { Container, ServiceFacts, Workload } from '../facts';
import { flagValues } from './workloadFlags';

const at = (line: number) => ({ path: 'deploy.yaml', line, snippet: '' });

function service(args: string[], env: Container['env'] = []): ServiceFacts {
  const container: Container = {
    name: 'api',
    ref: at(1),
    servesTraffic: true,
    env,
    args: args.map((value, i) => ({ ...at(10 + i), value })),
  };
  const workload: Workload = {
    kind: 'Deployment',
    name: 'api',
    ref: at(1),
    containers: [container],
  };
  return { workloads: [workload] } as unknown as ServiceFacts;
}

const given = (facts: ServiceFacts, name: string) =>
  flagValues(facts, name).map(v => `${v.value.line}: ${v.value.value}`);

describe('flagValues', () => {
  it('reads -name=value, --name=value and a value in the next word', () => {
    const facts = service([
      '/api',
      '--users=users:8080',
      '-orders=orders:9000',
      '--stock',
      'stock:9000',
      '-pricing',
      '--verbose',
    ]);
    expect(given(facts, 'users')).toEqual(['11: users:8080']);
    expect(given(facts, 'orders')).toEqual(['12: orders:9000']);
    expect(given(facts, 'stock')).toEqual(['14: stock:9000']);
    // a flag followed by another flag has no value there
    expect(given(facts, 'pricing')).toEqual([]);
    expect(given(facts, 'usersx')).toEqual([]);
  });

  it('reads the words of a shell command line item', () => {
    const facts = service(['/bin/sh', '-c', 'exec /api --users "users:8080"']);
    expect(given(facts, 'users')).toEqual(['12: users:8080']);
  });

  it("expands $(VAR) from the container's env values, and skips one it cannot", () => {
    const facts = service(
      ['--users=$(USERS_HOST):8080', '--orders=$(ORDERS_HOST):9000'],
      [
        { name: 'USERS_HOST', value: { ...at(20), value: 'users' } },
        { name: 'ORDERS_HOST', configMapKeyRef: { name: 'm', key: 'k' } },
      ],
    );
    expect(given(facts, 'users')).toEqual(['10: users:8080']);
    expect(given(facts, 'orders')).toEqual([]);
  });
});
