import { TestDatabases } from '@backstage/backend-test-utils';
import { CheckStatus } from '@internal/plugin-go-scorecard-common';
import { fakeReport } from '../__testUtils__/reports';
import {
  createTestStore,
  scanOnce,
  testTarget as target,
} from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { CSV_STATE_KEY } from './csvState';
import { ENTITIES, EntityRow } from './tables';
import { ScanOutcomeRecord } from './types';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

describe.each(databases.eachSupportedId())(
  'ScanQueueStore on %p',
  databaseId => {
    it('claims due entities once, honours live leases and takes over expired ones', async () => {
      const { store } = await createTestStore(databases, databaseId);
      await store.targets.syncTargets(
        ['a', 'b', 'c'].map(n => target(n)),
        1000,
      );
      const first = await store.queue.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 2,
        leaseMs: 500,
      });
      const second = await store.queue.claimDue({
        owner: 'r2',
        now: 1000,
        limit: 5,
        leaseMs: 500,
      });
      expect(first).toHaveLength(2);
      expect(second).toHaveLength(1);
      expect(
        await store.queue.claimDue({
          owner: 'r3',
          now: 1200,
          limit: 5,
          leaseMs: 500,
        }),
      ).toHaveLength(0);
      // r1's lease expires: r3 takes its entities over, and r1 can no longer store results.
      const takeover = await store.queue.claimDue({
        owner: 'r3',
        now: 1600,
        limit: 5,
        leaseMs: 500,
      });
      expect(takeover.map(c => c.entityRef).sort()).toEqual(
        [...first, ...second].map(c => c.entityRef).sort(),
      );
      const outcome = {
        entityRef: first[0].entityRef,
        unchanged: false as const,
        report: fakeReport(),
        etag: 'e',
      };
      expect(
        await store.queue.completeScans([outcome], 'r1', {
          now: 1700,
          nextScanAt: 9000,
        }),
      ).toEqual([]);
      expect(
        await store.queue.completeScans([outcome], 'r3', {
          now: 1700,
          nextScanAt: 9000,
        }),
      ).toEqual([outcome.entityRef]);
    });

    it('renews and releases only the leases the owner holds', async () => {
      const { store } = await createTestStore(databases, databaseId);
      await store.targets.syncTargets([target('a'), target('b')], 1000);
      const [a] = await store.queue.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 1,
        leaseMs: 500,
      });
      const [b] = await store.queue.claimDue({
        owner: 'r2',
        now: 1000,
        limit: 1,
        leaseMs: 500,
      });
      expect(await store.queue.leaseOf(a.entityRef)).toEqual({
        owner: 'r1',
        expiresAt: 1500,
      });
      expect(
        await store.queue.renewLeases([a.entityRef, b.entityRef], 'r1', {
          now: 1200,
          leaseMs: 500,
        }),
      ).toEqual([a.entityRef]);
      expect((await store.queue.leaseOf(a.entityRef))?.expiresAt).toBe(1700);
      expect((await store.queue.leaseOf(b.entityRef))?.expiresAt).toBe(1500);
      await store.queue.releaseLease(b.entityRef, 'r1');
      expect((await store.queue.leaseOf(b.entityRef))?.owner).toBe('r2');
      await store.queue.releaseLease(a.entityRef, 'r1');
      expect(await store.queue.leaseOf(a.entityRef)).toBeUndefined();
      // Released, it stays due.
      expect(
        (
          await store.queue.claimDue({
            owner: 'r3',
            now: 1200,
            limit: 5,
            leaseMs: 500,
          })
        ).map(c => c.entityRef),
      ).toEqual([a.entityRef]);
    });

    it('stores a batch of outcomes in one call, only those whose lease the owner holds', async () => {
      const { store } = await createTestStore(databases, databaseId);
      await store.targets.syncTargets(
        ['a', 'b', 'c', 'd'].map(n => target(n)),
        1000,
      );
      const mine = await store.queue.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 3,
        leaseMs: 500,
      });
      const theirs = await store.queue.claimDue({
        owner: 'r2',
        now: 1000,
        limit: 1,
        leaseMs: 5000,
      });
      const [a, b, c] = mine.map(m => m.entityRef);
      // c was analyzed before, so its unchanged outcome repeats its counts in the history.
      await store.queue.completeScans(
        [
          {
            unchanged: false,
            etag: 'e',
            entityRef: c,
            report: fakeReport({ 'k8s-ndots': 'fail' }),
          },
        ],
        'r1',
        { now: 1000, nextScanAt: 1000 },
      );
      await store.queue.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 1,
        leaseMs: 500,
        entityRef: c,
      });

      const stored = await store.queue.completeScans(
        [
          {
            unchanged: false,
            entityRef: a,
            report: fakeReport({ 'go-get-install': 'fail' }),
            etag: 'ea',
          },
          { unchanged: true, entityRef: b },
          { unchanged: true, entityRef: c },
          {
            unchanged: false,
            etag: 'e',
            entityRef: theirs[0].entityRef,
            report: fakeReport(),
          },
        ],
        'r1',
        { now: 2000, nextScanAt: 9000 },
      );

      expect(stored).toEqual([a, b, c]);
      expect(await store.results.getSummary(a, 2000)).toMatchObject({
        state: 'scanned',
        etag: 'ea',
        scanning: false,
        nextScanAt: 9000,
        counts: { fail: 1 },
      });
      expect(
        (await store.results.getEntityResult(a, 2000))!.checks,
      ).toHaveLength(18);
      // Unchanged and never analyzed: checked, still pending analysis, no results or history.
      expect(await store.results.getSummary(b, 2000)).toMatchObject({
        state: 'pending',
        checkedAt: 2000,
        scanning: false,
        nextScanAt: 9000,
      });
      expect(await store.history.entityHistory(b, 0)).toEqual([]);
      // One row per entity and day: the day's last scan, changed when any scan of it was.
      expect(
        (await store.history.entityHistory(c, 0)).map(h => [
          h.time,
          h.changed,
          h.counts.fail,
        ]),
      ).toEqual([[2000, true, 1]]);
      // Another replica's lease is left alone.
      expect(
        await store.results.getSummary(theirs[0].entityRef, 2000),
      ).toMatchObject({
        state: 'pending',
        scanning: true,
      });
    });

    it('stores results, summary and history; unchanged and failed scans keep results', async () => {
      const { store } = await createTestStore(databases, databaseId);
      const ref = 'component:default/a';
      await store.targets.syncTargets([target('a')], 1000);
      await store.queue.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 1,
        leaseMs: 500,
      });
      await store.queue.completeScans(
        [
          {
            unchanged: false,
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
      let result = (await store.results.getEntityResult(ref, 1000))!;
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

      await store.queue.claimDue({
        owner: 'r1',
        now: 2000,
        limit: 1,
        leaseMs: 500,
      });
      await store.queue.completeScans(
        [{ unchanged: true, entityRef: ref }],
        'r1',
        {
          now: 2000,
          nextScanAt: 3000,
        },
      );
      await store.queue.claimDue({
        owner: 'r1',
        now: 3000,
        limit: 1,
        leaseMs: 500,
      });
      await store.queue.failScan(ref, 'r1', {
        error: 'connection reset',
        now: 3000,
        nextScanAt: 3030,
        attempts: 1,
      });
      result = (await store.results.getEntityResult(ref, 3000))!;
      expect(result.checks).toHaveLength(18);
      expect(result.summary).toMatchObject({
        stale: true,
        error: 'connection reset',
        checkedAt: 2000,
        scannedAt: 1000,
        state: 'scanned',
      });

      const history = await store.history.entityHistory(ref, 0);
      expect(history.map(h => [h.time, h.changed, h.counts.fail])).toEqual([
        [2000, true, 1],
      ]);
      // The unchanged scan's row carries the analyzed scan's status masks: the trend
      // scoped to a check counts it.
      const query = {
        orderBy: 'entity' as const,
        order: 'asc' as const,
        offset: 0,
        limit: 10,
      };
      const daily = await store.queryHistory(new Set([ref]), query, 0);
      expect(daily).toEqual([
        {
          time: 0,
          entities: 1,
          counts: { pass: 15, warn: 1, fail: 1, notApplicable: 1, error: 0 },
          score: 88,
          waived: 0,
        },
      ]);
      expect(
        (
          await store.queryHistory(
            new Set([ref]),
            { ...query, check: 'go-get-install' },
            0,
          )
        ).map(p => [p.time, p.counts.fail, p.score]),
      ).toEqual([[0, 1, 0]]);
      expect(await store.queryHistory(new Set(), query, 0)).toEqual([]);
      expect(await store.history.pruneHistory(1500)).toBe(0);
      expect(await store.history.pruneHistory(2500)).toBe(1);
    });

    it('rewrites on an unchanged scan the CSV state an analysis left as it was (an earlier version)', async () => {
      const { knex, store } = await createTestStore(databases, databaseId);
      const ref = 'component:default/a';
      await store.targets.syncTargets([target('a')], 1000);
      const scan = (now: number, outcome: ScanOutcomeRecord) =>
        scanOnce(store.queue, outcome, {
          now,
          nextScanAt: now + 1,
          leaseMs: 500,
        });
      const csvColumns = async () =>
        (
          await knex<EntityRow>(ENTITIES)
            .select('csv_state', 'csv_state_key', 'csv_state_at')
            .where({ entity_ref: ref })
        ).map(row => ({ ...row, csv_state_at: Number(row.csv_state_at) }))[0];
      const analyzed = (now: number, status: CheckStatus) =>
        scan(now, {
          unchanged: false,
          entityRef: ref,
          report: fakeReport({ 'go-get-install': status }),
          etag: 'e',
        });
      await analyzed(1000, 'fail');
      const first = await csvColumns();
      expect(first.csv_state_at).toBe(1000);
      expect(first.csv_state).toContain(',fail,');

      // Analyzed again without the CSV columns (as an earlier version writes).
      await analyzed(2000, 'pass');
      const after = await csvColumns();
      await knex<EntityRow>(ENTITIES).where({ entity_ref: ref }).update(first);
      await scan(3000, { unchanged: true, entityRef: ref });
      expect(await csvColumns()).toEqual(after);
      expect(after).toMatchObject({
        csv_state_key: CSV_STATE_KEY,
        csv_state_at: 2000,
      });
      expect(after.csv_state).not.toContain(',fail,');
    });

    it('accepts one scan-now request per entity per cooldown', async () => {
      const { store } = await createTestStore(databases, databaseId);
      const ref = 'component:default/a';
      await store.targets.syncTargets([target('a')], 1000);
      expect(await store.queue.requestScan(ref, 2000, 60_000)).toEqual({
        requested: true,
      });
      expect(await store.queue.requestScan(ref, 30_000, 60_000)).toEqual({
        requested: false,
        retryAt: 62_000,
      });
      expect((await store.results.getSummary(ref, 30_000))?.nextScanAt).toBe(
        2000,
      );
      expect(await store.queue.requestScan(ref, 62_000, 60_000)).toEqual({
        requested: true,
      });
      expect(
        await store.queue.requestScan('component:default/none', 62_000, 60_000),
      ).toEqual({ requested: false, unknown: true });
    });
  },
);
