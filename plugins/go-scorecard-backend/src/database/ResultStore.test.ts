import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestStore, testTarget as target } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

describe.each(databases.eachSupportedId())('ResultStore on %p', databaseId => {
  it('lists summaries and knows failed never-scanned entities', async () => {
    const { store } = await createTestStore(databases, databaseId);
    await store.targets.syncTargets([target('a'), target('b')], 1000);
    const claims = await store.queue.claimDue({
      owner: 'r1',
      now: 1000,
      limit: 1,
      leaseMs: 500,
    });
    await store.queue.failScan(claims[0].entityRef, 'r1', {
      error: 'not found',
      now: 1000,
      nextScanAt: 9000,
      attempts: 1,
    });
    const summaries = await store.results.listSummaries(1000);
    expect(summaries.map(s => s.state).sort()).toEqual(['failed', 'pending']);
  });
});
