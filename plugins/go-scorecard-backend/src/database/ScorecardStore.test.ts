import { TestDatabases } from '@backstage/backend-test-utils';
import { fakeReport } from '../__testUtils__/reports';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { ScorecardStore } from './ScorecardStore';
import { ScanTarget } from './types';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

function target(name: string, extra: Partial<ScanTarget> = {}): ScanTarget {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/team-a',
    source: `local:/repos/${name}`,
    ...extra,
  };
}

describe.each(databases.eachSupportedId())(
  'ScorecardStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await ScorecardStore.migrateUp(knex);
      return { knex, store: ScorecardStore.fromKnex(knex) };
    }

    it('migrates up and down', async () => {
      const knex = await databases.init(databaseId);
      await ScorecardStore.migrateUp(knex);
      expect(await knex.schema.hasTable('go_scorecard_entities')).toBe(true);
      expect(await knex.schema.hasTable('go_scorecard_check_results')).toBe(
        true,
      );
      expect(await knex.schema.hasTable('go_scorecard_history')).toBe(true);
      await ScorecardStore.migrateDown(knex);
      expect(await knex.schema.hasTable('go_scorecard_entities')).toBe(false);
      expect(await knex.schema.hasTable('go_scorecard_history')).toBe(false);
      await ScorecardStore.migrateUp(knex);
      expect(await knex.schema.hasTable('go_scorecard_entities')).toBe(true);
    });

    it('syncs targets: adds, refreshes, reschedules moved sources, removes', async () => {
      const { store } = await createStore();
      expect(await store.syncTargets([target('a'), target('b')], 1000)).toEqual(
        { added: 2, removed: 0 },
      );
      const [claim] = await store.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 1,
        leaseMs: 100,
        entityRef: 'component:default/a',
      });
      await store.completeScans(
        [
          {
            entityRef: 'component:default/a',
            report: fakeReport(),
            etag: 'e1',
          },
        ],
        'r1',
        { now: 1000, nextScanAt: 5000 },
      );
      expect(claim.entityRef).toBe('component:default/a');

      await store.syncTargets(
        [
          target('a', { title: 'A', owner: 'group:default/team-b' }),
          target('c'),
        ],
        2000,
      );
      const a = (await store.getSummary('component:default/a'))!;
      expect(a).toMatchObject({
        title: 'A',
        owner: 'group:default/team-b',
        nextScanAt: 5000,
        etag: 'e1',
      });
      expect(await store.getSummary('component:default/b')).toBeUndefined();

      await store.syncTargets(
        [target('a', { source: 'url:https://example.com/a' }), target('c')],
        3000,
      );
      expect(await store.getSummary('component:default/a')).toMatchObject({
        nextScanAt: 3000,
        etag: undefined,
      });
      // Results of a removed entity go with it.
      await store.syncTargets([target('c')], 4000);
      expect(
        await store.getEntityResult('component:default/a'),
      ).toBeUndefined();
    });

    it('claims due entities once, honours live leases and takes over expired ones', async () => {
      const { store } = await createStore();
      await store.syncTargets(
        ['a', 'b', 'c'].map(n => target(n)),
        1000,
      );
      const first = await store.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 2,
        leaseMs: 500,
      });
      const second = await store.claimDue({
        owner: 'r2',
        now: 1000,
        limit: 5,
        leaseMs: 500,
      });
      expect(first).toHaveLength(2);
      expect(second).toHaveLength(1);
      expect(
        await store.claimDue({
          owner: 'r3',
          now: 1200,
          limit: 5,
          leaseMs: 500,
        }),
      ).toHaveLength(0);
      // r1's lease expires: r3 takes its entities over, and r1 can no longer store results.
      const takeover = await store.claimDue({
        owner: 'r3',
        now: 1600,
        limit: 5,
        leaseMs: 500,
      });
      expect(takeover.map(c => c.entityRef).sort()).toEqual(
        [...first, ...second].map(c => c.entityRef).sort(),
      );
      const outcome = { entityRef: first[0].entityRef, report: fakeReport() };
      expect(
        await store.completeScans([outcome], 'r1', {
          now: 1700,
          nextScanAt: 9000,
        }),
      ).toEqual([]);
      expect(
        await store.completeScans([outcome], 'r3', {
          now: 1700,
          nextScanAt: 9000,
        }),
      ).toEqual([outcome.entityRef]);
    });

    it('stores a batch of outcomes in one call, only those whose lease the owner holds', async () => {
      const { store } = await createStore();
      await store.syncTargets(
        ['a', 'b', 'c', 'd'].map(n => target(n)),
        1000,
      );
      const mine = await store.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 3,
        leaseMs: 500,
      });
      const theirs = await store.claimDue({
        owner: 'r2',
        now: 1000,
        limit: 1,
        leaseMs: 5000,
      });
      const [a, b, c] = mine.map(m => m.entityRef);
      // c was analyzed before, so its unchanged outcome repeats its counts in the history.
      await store.completeScans(
        [{ entityRef: c, report: fakeReport({ 'k8s-ndots': 'fail' }) }],
        'r1',
        { now: 1000, nextScanAt: 1000 },
      );
      await store.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 1,
        leaseMs: 500,
        entityRef: c,
      });

      const stored = await store.completeScans(
        [
          {
            entityRef: a,
            report: fakeReport({ 'go-get-install': 'fail' }),
            etag: 'ea',
          },
          { entityRef: b },
          { entityRef: c },
          { entityRef: theirs[0].entityRef, report: fakeReport() },
        ],
        'r1',
        { now: 2000, nextScanAt: 9000 },
      );

      expect(stored).toEqual([a, b, c]);
      expect(await store.getSummary(a, 2000)).toMatchObject({
        state: 'scanned',
        etag: 'ea',
        scanning: false,
        nextScanAt: 9000,
        counts: { fail: 1 },
      });
      expect((await store.getEntityResult(a, 2000))!.checks).toHaveLength(18);
      // Unchanged and never analyzed: checked, still pending analysis, no results or history.
      expect(await store.getSummary(b, 2000)).toMatchObject({
        state: 'pending',
        checkedAt: 2000,
        scanning: false,
        nextScanAt: 9000,
      });
      expect(await store.entityHistory(b, 0)).toEqual([]);
      // One row per entity and day: the day's last scan, changed when any scan of it was.
      expect(
        (await store.entityHistory(c, 0)).map(h => [
          h.time,
          h.changed,
          h.counts.fail,
        ]),
      ).toEqual([[2000, true, 1]]);
      // Another replica's lease is left alone.
      expect(await store.getSummary(theirs[0].entityRef, 2000)).toMatchObject({
        state: 'pending',
        scanning: true,
      });
    });

    it('stores results, summary and history; unchanged and failed scans keep results', async () => {
      const { store } = await createStore();
      const ref = 'component:default/a';
      await store.syncTargets([target('a')], 1000);
      await store.claimDue({ owner: 'r1', now: 1000, limit: 1, leaseMs: 500 });
      await store.completeScans(
        [
          {
            entityRef: ref,
            report: fakeReport({
              'go-get-install': 'fail',
              'k8s-ndots': 'warn',
              'k8s-prestop': 'not_applicable',
            }),
            etag: 'abc',
          },
        ],
        'r1',
        { now: 1000, nextScanAt: 2000 },
      );
      let result = (await store.getEntityResult(ref, 1000))!;
      expect(result.checks).toHaveLength(18);
      expect(result.checks[0]).toMatchObject({
        id: 'go-get-install',
        status: 'fail',
      });
      expect(result.checks[0].findings[0]).toMatchObject({
        path: 'main.go',
        line: 3,
      });
      expect(result.summary).toMatchObject({
        state: 'scanned',
        etag: 'abc',
        stale: false,
        scanning: false,
        counts: { pass: 15, warn: 1, fail: 1, notApplicable: 1, error: 0 },
        score: 88,
      });
      expect(result.summary.checkStatuses['k8s-ndots']).toBe('warn');

      await store.claimDue({ owner: 'r1', now: 2000, limit: 1, leaseMs: 500 });
      await store.completeScans([{ entityRef: ref }], 'r1', {
        now: 2000,
        nextScanAt: 3000,
      });
      await store.claimDue({ owner: 'r1', now: 3000, limit: 1, leaseMs: 500 });
      await store.failScan(ref, 'r1', {
        error: 'connection reset',
        now: 3000,
        nextScanAt: 3030,
        attempts: 1,
      });
      result = (await store.getEntityResult(ref, 3000))!;
      expect(result.checks).toHaveLength(18);
      expect(result.summary).toMatchObject({
        stale: true,
        error: 'connection reset',
        checkedAt: 2000,
        scannedAt: 1000,
        state: 'scanned',
      });

      const history = await store.entityHistory(ref, 0);
      expect(history.map(h => [h.time, h.changed, h.counts.fail])).toEqual([
        [2000, true, 1],
      ]);
      const daily = await store.dailyHistory(0);
      expect(daily).toEqual([
        {
          time: 0,
          entities: 1,
          counts: { pass: 15, warn: 1, fail: 1, notApplicable: 1, error: 0 },
          score: 88,
        },
      ]);
      expect(await store.dailyHistory(0, [])).toEqual([]);
      expect(await store.pruneHistory(1500)).toBe(0);
      expect(await store.pruneHistory(2500)).toBe(1);
    });

    it('keeps one history row per entity and day, however often it is scanned', async () => {
      const { store, knex } = await createStore();
      const ref = 'component:default/a';
      await store.syncTargets([target('a')], 1000);
      const DAY = 24 * 60 * 60 * 1000;
      // 50 scans on day 0 (the first analyzes), then 50 unchanged ones on day 1.
      for (let i = 0; i < 100; i++) {
        const now = (i < 50 ? 1000 : DAY + 1000) + i;
        await store.claimDue({
          owner: 'r1',
          now,
          limit: 1,
          leaseMs: 500,
          entityRef: ref,
        });
        await store.completeScans(
          [
            i === 0
              ? {
                  entityRef: ref,
                  report: fakeReport({ 'k8s-prestop': 'fail' }),
                  etag: 'e',
                }
              : { entityRef: ref },
          ],
          'r1',
          { now, nextScanAt: now + 1 },
        );
      }
      const [{ n }] = await knex('go_scorecard_history').count({ n: '*' });
      expect(Number(n)).toBe(2);
      const history = await store.entityHistory(ref, 0);
      expect(history.map(h => [h.time, h.changed, h.counts.fail])).toEqual([
        [1049, true, 1],
        [DAY + 1099, false, 1],
      ]);
    });

    it('accepts one scan-now request per entity per cooldown', async () => {
      const { store } = await createStore();
      const ref = 'component:default/a';
      await store.syncTargets([target('a')], 1000);
      expect(await store.requestScan(ref, 2000, 60_000)).toEqual({
        requested: true,
      });
      expect(await store.requestScan(ref, 30_000, 60_000)).toEqual({
        requested: false,
        retryAt: 62_000,
      });
      expect((await store.getSummary(ref, 30_000))?.nextScanAt).toBe(2000);
      expect(await store.requestScan(ref, 62_000, 60_000)).toEqual({
        requested: true,
      });
      expect(
        await store.requestScan('component:default/none', 62_000, 60_000),
      ).toEqual({ requested: false, unknown: true });
    });

    it('lists summaries and knows failed never-scanned entities', async () => {
      const { store } = await createStore();
      await store.syncTargets([target('a'), target('b')], 1000);
      const claims = await store.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 1,
        leaseMs: 500,
      });
      await store.failScan(claims[0].entityRef, 'r1', {
        error: 'not found',
        now: 1000,
        nextScanAt: 9000,
        attempts: 1,
      });
      const summaries = await store.listSummaries(1000);
      expect(summaries.map(s => s.state).sort()).toEqual(['failed', 'pending']);
    });
  },
);
