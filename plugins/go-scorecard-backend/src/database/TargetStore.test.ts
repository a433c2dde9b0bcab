import { TestDatabases } from '@backstage/backend-test-utils';
import { fakeReport } from '../__testUtils__/reports';
import { createTestStore, testTarget as target } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { ScanTarget } from './types';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

describe.each(databases.eachSupportedId())('TargetStore on %p', databaseId => {
  it('syncs targets: adds, refreshes, reschedules moved sources, removes', async () => {
    const { store } = await createTestStore(databases, databaseId);
    const { targets, queue, results } = store;
    expect(await targets.syncTargets([target('a'), target('b')], 1000)).toEqual(
      { added: 2, removed: 0 },
    );
    const [claim] = await queue.claimDue({
      owner: 'r1',
      now: 1000,
      limit: 1,
      leaseMs: 100,
      entityRef: 'component:default/a',
    });
    await queue.completeScans(
      [
        {
          unchanged: false,
          entityRef: 'component:default/a',
          report: fakeReport(),
          etag: 'e1',
        },
      ],
      'r1',
      { now: 1000, nextScanAt: 5000 },
    );
    expect(claim.entityRef).toBe('component:default/a');

    await targets.syncTargets(
      [target('a', { title: 'A', owner: 'group:default/team-b' }), target('c')],
      2000,
    );
    const a = (await results.getSummary('component:default/a'))!;
    expect(a).toMatchObject({
      title: 'A',
      owner: 'group:default/team-b',
      nextScanAt: 5000,
      etag: 'e1',
    });
    expect(await results.getSummary('component:default/b')).toBeUndefined();

    await targets.syncTargets(
      [target('a', { source: 'url:https://example.com/a' }), target('c')],
      3000,
    );
    expect(await results.getSummary('component:default/a')).toMatchObject({
      nextScanAt: 3000,
      etag: undefined,
    });
    // Results of a removed entity go with it.
    await targets.syncTargets([target('c')], 4000);
    expect(
      await results.getEntityResult('component:default/a'),
    ).toBeUndefined();
  });

  it('writes only the entities whose catalog copy changed', async () => {
    const { store, knex } = await createTestStore(databases, databaseId);
    const seenAt = async () =>
      Object.fromEntries(
        (
          await knex('go_scorecard_entities')
            .select('name', 'seen_at')
            .orderBy('name')
        ).map(r => [r.name, Number(r.seen_at)]),
      );
    const all = (extra: Record<string, Partial<ScanTarget>> = {}) =>
      ['a', 'b', 'c', 'd'].map(n =>
        target(n, {
          title: `Service ${n}`,
          system: 'system:default/shop',
          type: 'service',
          impact: 2,
          ...extra[n],
        }),
      );
    await store.targets.syncTargets(all(), 1000);
    await store.targets.syncTargets(all(), 2000);
    expect(await seenAt()).toEqual({ a: 1000, b: 1000, c: 1000, d: 1000 });

    await store.targets.syncTargets(
      all({
        a: { title: 'Checkout' },
        b: { impact: 3 },
        c: { system: undefined },
      }),
      3000,
    );
    expect(await seenAt()).toEqual({ a: 3000, b: 3000, c: 3000, d: 1000 });
    expect(await store.results.getSummary('component:default/a')).toMatchObject(
      { title: 'Checkout' },
    );
    expect(
      (await store.results.getSummary('component:default/c'))?.system,
    ).toBeUndefined();
    expect(
      (await store.results.getSummary('component:default/d'))?.system,
    ).toBe('system:default/shop');
  });

  it('upserts one target without touching the others', async () => {
    const { store } = await createTestStore(databases, databaseId);
    const { targets, results } = store;
    await targets.syncTargets([target('a'), target('b')], 1000);
    await targets.upsertTarget(
      target('a', { title: 'A', source: 'url:https://example.com/a' }),
      2000,
    );
    await targets.upsertTarget(target('c'), 2000);
    expect(await results.getSummary('component:default/a')).toMatchObject({
      title: 'A',
      source: 'url:https://example.com/a',
      nextScanAt: 1000,
    });
    expect(
      (await results.listSummaries()).map(s => s.entityRef).sort(),
    ).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/c',
    ]);
  });

  it('finds the entities whose source or manifests URL starts with a prefix, case-insensitively and literally', async () => {
    const { store } = await createTestStore(databases, databaseId);
    await store.targets.syncTargets(
      [
        target('a', {
          source: 'url:https://github.com/Acme/my_repo/tree/main/',
        }),
        target('b', {
          source: 'url:https://github.com/acme/other/',
          manifests: 'url:https://github.com/acme/my_repo/tree/main/deploy/',
        }),
        // `_` and `%` are not wildcards.
        target('c', {
          source: 'url:https://github.com/acme/myXrepo/tree/main/',
        }),
        target('d', { source: 'local:/repos/my_repo' }),
      ],
      1000,
    );
    expect(
      await store.targets.locationsUnder(['https://github.com/acme/my_repo']),
    ).toEqual([
      {
        entityRef: 'component:default/a',
        source: 'url:https://github.com/Acme/my_repo/tree/main/',
        manifests: undefined,
      },
      {
        entityRef: 'component:default/b',
        source: 'url:https://github.com/acme/other/',
        manifests: 'url:https://github.com/acme/my_repo/tree/main/deploy/',
      },
    ]);
    expect(
      await store.targets.locationsUnder(['https://github.com/acme/my%']),
    ).toEqual([]);
    expect(await store.targets.locationsUnder([])).toEqual([]);
  });
});
