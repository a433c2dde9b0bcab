import { TestDatabases } from '@backstage/backend-test-utils';
import { fakeReport } from '../__testUtils__/reports';
import { createTestStore, testTarget as target } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { DAY_MS } from './conversion';
import { HISTORY } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

describe.each(databases.eachSupportedId())('HistoryStore on %p', databaseId => {
  it('keeps one history row per entity and day, however often it is scanned', async () => {
    const { store, knex } = await createTestStore(databases, databaseId);
    const ref = 'component:default/a';
    await store.targets.syncTargets([target('a')], 1000);
    const DAY = DAY_MS;
    // 50 scans on day 0 (the first analyzes), then 50 unchanged ones on day 1.
    for (let i = 0; i < 100; i++) {
      const now = (i < 50 ? 1000 : DAY + 1000) + i;
      await store.queue.claimDue({
        owner: 'r1',
        now,
        limit: 1,
        leaseMs: 500,
        entityRef: ref,
      });
      await store.queue.completeScans(
        [
          i === 0
            ? {
                unchanged: false,
                entityRef: ref,
                report: fakeReport({ 'k8s-prestop': 'fail' }),
                etag: 'e',
              }
            : { unchanged: true, entityRef: ref },
        ],
        'r1',
        { now, nextScanAt: now + 1 },
      );
    }
    const [{ n }] = await knex(HISTORY).count({ n: '*' });
    expect(Number(n)).toBe(2);
    const history = await store.history.entityHistory(ref, 0);
    expect(history.map(h => [h.time, h.changed, h.counts.fail])).toEqual([
      [1049, true, 1],
      [DAY + 1099, false, 1],
    ]);
  });

  it('sums the last scan of each entity per day, and prunes by age', async () => {
    const { store } = await createTestStore(databases, databaseId);
    const { targets, queue, history } = store;
    await targets.syncTargets([target('a'), target('b')], 1000);
    const scan = async (name: string, now: number, fail: boolean) => {
      const entityRef = `component:default/${name}`;
      await queue.claimDue({
        owner: 'r1',
        now,
        limit: 1,
        leaseMs: 500,
        entityRef,
      });
      await queue.completeScans(
        [
          {
            unchanged: false,
            etag: 'e',
            entityRef,
            report: fakeReport(fail ? { 'k8s-prestop': 'fail' } : {}),
          },
        ],
        'r1',
        { now, nextScanAt: now + 1 },
      );
    };
    await scan('a', 1000, true);
    await scan('b', 2000, false);
    await scan('a', DAY_MS + 1000, false);

    const days = await history.dailyHistory(0);
    expect(days.map(d => [d.time, d.entities, d.counts.fail, d.score])).toEqual(
      [
        [0, 2, 1, 97],
        [DAY_MS, 1, 0, 100],
      ],
    );
    expect(
      (await history.dailyHistory(0, ['component:default/b'])).map(d => [
        d.time,
        d.entities,
      ]),
    ).toEqual([[0, 1]]);
    expect((await history.dailyHistory(DAY_MS)).map(d => d.time)).toEqual([
      DAY_MS,
    ]);
    expect(await history.dailyHistory(0, [])).toEqual([]);
    expect(
      (await history.entityHistory('component:default/a', 0)).map(h => [
        h.time,
        h.changed,
        h.score,
      ]),
    ).toEqual([
      [1000, true, 94],
      [DAY_MS + 1000, true, 100],
    ]);
    expect(await history.pruneHistory(DAY_MS)).toBe(2);
    expect(await history.entityHistory('component:default/b', 0)).toEqual([]);
  });
});
