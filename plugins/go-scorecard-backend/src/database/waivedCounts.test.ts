import { TestDatabases } from '@backstage/backend-test-utils';
import { CheckResult, checks } from '@internal/plugin-go-scorecard-common';
import { reportWith, waivedFinding } from '../__testUtils__/reportWorld';
import { createTestStore, scanOnce, testTarget } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { DAY_MS } from './conversion';
import { ENTITIES, HISTORY, RESULTS } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const ref = 'component:default/cart';
const query = {
  orderBy: 'entity' as const,
  order: 'asc' as const,
  offset: 0,
  limit: 10,
};
const passing = Object.fromEntries(checks.map(c => [c.id, 'pass' as const]));

describe.each(databases.eachSupportedId())(
  'stored waived counts on %p',
  databaseId => {
    it('records waived findings per result, per entity and per scan, so the trend shows debt waived rather than fixed', async () => {
      const { knex, store } = await createTestStore(databases, databaseId);
      await store.targets.syncTargets([testTarget('cart')], 0);
      const scan = async (
        now: number,
        report: ReturnType<typeof reportWith> | undefined,
      ) =>
        scanOnce(
          store.queue,
          report
            ? { entityRef: ref, unchanged: false, report, etag: `${now}` }
            : { entityRef: ref, unchanged: true },
          { now, nextScanAt: now },
        );

      // Day 0: two findings of k8s-grace-period count, and fail it.
      const day0 = reportWith({ ...passing, 'k8s-grace-period': 'fail' });
      const grace = day0.checks.find(c => c.id === 'k8s-grace-period')!;
      grace.findings = [
        { path: 'deploy/app.yaml', line: 10, message: 'm', snippet: 's' },
        { path: 'deploy/app.yaml', line: 11, message: 'm', snippet: 's' },
      ];
      await scan(1000, day0);
      // Day 1: the same findings waived: the check passes, nothing was fixed.
      await scan(
        DAY_MS + 1000,
        reportWith(passing, false, {
          'k8s-grace-period': ['2027-03-01', '2027-01-15'],
          'grpc-deprecated-dial': ['2027-02-01'],
        }),
      );

      const results = await knex(RESULTS)
        .select('check_id', 'waived_count', 'waiver_expires')
        .where('entity_ref', ref)
        .andWhere('waived_count', '>', 0)
        .orderBy('check_id');
      expect(
        results.map(r => [
          r.check_id,
          Number(r.waived_count),
          r.waiver_expires,
        ]),
      ).toEqual([
        ['grpc-deprecated-dial', 1, '2027-02-01'],
        ['k8s-grace-period', 2, '2027-01-15'],
      ]);
      const entity = await knex(ENTITIES)
        .select('waived_count', 'waiver_expires')
        .where('entity_ref', ref)
        .first();
      expect([Number(entity.waived_count), entity.waiver_expires]).toEqual([
        3,
        '2027-01-15',
      ]);
      expect((await store.results.getSummary(ref, 0))?.waived).toBe(3);

      // Day 2: an unchanged scan keeps the count.
      await scan(2 * DAY_MS + 1000, undefined);

      const history = await store.history.entityHistory(ref, 0);
      expect(history.map(h => [h.counts.fail, h.score, h.waived])).toEqual([
        [1, 94, 0],
        [0, 100, 3],
        [0, 100, 3],
      ]);
      const daily = await store.queryHistory(new Set([ref]), query, 0);
      expect(daily.map(p => [p.time, p.counts.fail, p.waived])).toEqual([
        [0, 1, 0],
        [DAY_MS, 0, 3],
        [2 * DAY_MS, 0, 3],
      ]);

      // A row from before waived counts were kept has none.
      await knex(HISTORY).where('day', 0).update({ waived_count: null });
      const [first] = await store.history.entityHistory(ref, 0);
      expect(first.waived).toBeUndefined();
      expect(
        (await store.queryHistory(new Set([ref]), query, 0))[0],
      ).not.toHaveProperty('waived');
    });

    it("counts a capped check's waived findings from the analyzer's count", async () => {
      const { knex, store } = await createTestStore(databases, databaseId);
      await store.targets.syncTargets([testTarget('cart')], 0);
      const report = reportWith(passing);
      const check = report.checks.find(
        c => c.id === 'k8s-grace-period',
      ) as CheckResult;
      check.findings = [waivedFinding('2027-01-01')];
      check.totalFindings = 250;
      check.status = 'fail';
      check.waivedFindings = 120;
      check.message = '120 findings waived in .go-scorecard.yaml';
      await scanOnce(
        store.queue,
        { entityRef: ref, unchanged: false, report, etag: 'e' },
        { now: 1000, nextScanAt: 1000 },
      );
      const row = await knex(RESULTS)
        .where({ entity_ref: ref, check_id: 'k8s-grace-period' })
        .first();
      expect(Number(row.waived_count)).toBe(120);
      expect((await store.results.getSummary(ref, 0))?.waived).toBe(120);
    });
  },
);
