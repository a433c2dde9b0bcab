import { TestDatabases } from '@backstage/backend-test-utils';
import { checks } from '@internal/plugin-go-scorecard-common';
import { fakeReport } from '../__testUtils__/reports';
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
    // No earlier result: failed, not stale.
    expect(summaries.find(s => s.state === 'failed')).toMatchObject({
      stale: false,
      error: 'not found',
    });
  });

  it('reads the checks of an entity checks in catalog order, with true finding counts and notes', async () => {
    const { store } = await createTestStore(databases, databaseId);
    const ref = 'component:default/a';
    await store.targets.syncTargets([target('a')], 1000);
    await store.queue.claimDue({
      owner: 'r1',
      now: 1000,
      limit: 1,
      leaseMs: 500,
    });
    const report = fakeReport({ 'k8s-ndots': 'warn' });
    report.checks.reverse();
    const ndots = report.checks.find(c => c.id === 'k8s-ndots')!;
    ndots.totalFindings = 7;
    report.notes = [{ path: 'big.bin', message: 'skipped: binary' }];
    await store.queue.completeScans(
      [{ unchanged: false, entityRef: ref, report, etag: 'e' }],
      'r1',
      {
        now: 1000,
        nextScanAt: 2000,
      },
    );

    const result = (await store.results.getEntityResult(ref, 1200))!;
    expect(result.checks.map(c => c.id)).toEqual(checks.map(c => c.id));
    expect(result.checks.find(c => c.id === 'k8s-ndots')).toMatchObject({
      status: 'warn',
      totalFindings: 7,
      findings: [{ path: 'main.go', line: 3 }],
    });
    expect(result.notes).toEqual(report.notes);
    expect(result.summary).toEqual(await store.results.getSummary(ref, 1200));
    expect(result.summary).toMatchObject({
      state: 'scanned',
      scanning: false,
      counts: { pass: 17, warn: 1 },
      score: 94,
    });
    expect(
      await store.results.getEntityResult('component:default/none'),
    ).toBeUndefined();
  });
});
