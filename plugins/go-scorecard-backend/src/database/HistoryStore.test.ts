import { TestDatabases } from '@backstage/backend-test-utils';
import { fakeReport } from '../__testUtils__/reports';
import {
  createTestStore,
  scanOnce,
  testTarget as target,
} from '../__testUtils__/stores';
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
      await scanOnce(
        store.queue,
        i === 0
          ? {
              unchanged: false,
              entityRef: ref,
              report: fakeReport({ 'k8s-prestop': 'fail' }),
              etag: 'e',
            }
          : { unchanged: true, entityRef: ref },
        { now, nextScanAt: now + 1, leaseMs: 500 },
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
});
