import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { defaultScorecardConfig } from '../config/ScorecardConfig';
import { ScorecardStore } from '../database/ScorecardStore';
import { ClaimedEntity, ScanTarget } from '../database/types';
import { fakeReport } from '../__testUtils__/reports';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { EntityScanner, ScanOutcome } from './EntityScanner';
import { ScanWorker } from './ScanWorker';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const logger = mockServices.logger.mock();

const config = {
  ...defaultScorecardConfig,
  batchSize: 10,
  concurrency: 4,
  timeoutMs: 200,
  leaseMs: 60_000,
  retryBackoffMs: 1000,
  scanIntervalMs: 3600_000,
  shutdownTimeoutMs: 300,
  scanNowTimeoutMs: 2000,
};

function targets(n: number): ScanTarget[] {
  return Array.from({ length: n }, (_, i) => ({
    entityRef: `component:default/svc-${String(i).padStart(4, '0')}`,
    kind: 'Component',
    namespace: 'default',
    name: `svc-${i}`,
    source: `url:https://git.example.com/svc-${i}`,
  }));
}

/** Records every completed scan, by entity and by replica. */
class CountingScanner implements EntityScanner {
  readonly scans = new Map<string, string[]>();
  constructor(private readonly replica: string, private readonly delayMs = 2) {}
  async scan(entity: ClaimedEntity): Promise<ScanOutcome> {
    await new Promise(r => setTimeout(r, Math.random() * this.delayMs));
    this.scans.set(entity.entityRef, [
      ...(this.scans.get(entity.entityRef) ?? []),
      this.replica,
    ]);
    return { unchanged: false, report: fakeReport(), etag: 'e' };
  }
}

function sleep(ms: number) {
  return new Promise(r => setTimeout(r, ms));
}

describe.each(databases.eachSupportedId())('ScanWorker on %p', databaseId => {
  async function createStore() {
    const knex = await databases.init(databaseId);
    await ScorecardStore.migrateUp(knex);
    return { knex, store: ScorecardStore.fromKnex(knex) };
  }

  it('scans every due entity once, within the concurrency limit', async () => {
    const { store } = await createStore();
    await store.syncTargets(targets(25), Date.now());
    let running = 0;
    let maxRunning = 0;
    const scanner: EntityScanner = {
      async scan() {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(5);
        running--;
        return { unchanged: false, report: fakeReport(), etag: 'e' };
      },
    };
    const worker = new ScanWorker({ store, scanner, logger, config });
    expect(await worker.runOnce()).toBe(25);
    expect(maxRunning).toBe(4);
    expect(await worker.runOnce()).toBe(0);
    const summaries = await store.listSummaries();
    expect(summaries.every(s => s.state === 'scanned' && !s.scanning)).toBe(
      true,
    );
  });

  it('times scans out, retries transient errors with backoff, and not permanent ones', async () => {
    const { store } = await createStore();
    const [slow, flaky, missing] = targets(3);
    await store.syncTargets([slow, flaky, missing], Date.now());
    const scanner: EntityScanner = {
      async scan(entity) {
        if (entity.entityRef === slow.entityRef) return new Promise(() => {}); // ignores the signal
        if (entity.entityRef === flaky.entityRef)
          throw Object.assign(new Error('socket hang up'), {
            code: 'ECONNRESET',
          });
        throw Object.assign(new Error('repository not found'), {
          name: 'NotFoundError',
        });
      },
    };
    const start = Date.now();
    await new ScanWorker({ store, scanner, logger, config }).runOnce();
    const byRef = new Map(
      (await store.listSummaries()).map(s => [s.entityRef, s]),
    );
    expect(byRef.get(slow.entityRef)!.error).toBe(
      'Scan timed out after 200 ms',
    );
    const flakySummary = byRef.get(flaky.entityRef)!;
    expect(flakySummary).toMatchObject({
      state: 'failed',
      stale: true,
      error: 'socket hang up',
    });
    expect(flakySummary.nextScanAt - start).toBeGreaterThanOrEqual(1000);
    expect(flakySummary.nextScanAt - start).toBeLessThan(5000);
    expect(
      byRef.get(missing.entityRef)!.nextScanAt - start,
    ).toBeGreaterThanOrEqual(3600_000);
  });

  it('on stop, stops claiming, lets running scans finish and releases the rest', async () => {
    const { store } = await createStore();
    await store.syncTargets(targets(10), Date.now());
    const started: string[] = [];
    const scanner: EntityScanner = {
      async scan(entity) {
        started.push(entity.entityRef);
        await sleep(50);
        return { unchanged: false, report: fakeReport(), etag: 'e' };
      },
    };
    const worker = new ScanWorker({ store, scanner, logger, config });
    const run = worker.runOnce();
    while (started.length < 4) await sleep(1);
    await worker.stop();
    await run;
    const summaries = await store.listSummaries();
    expect(started).toHaveLength(4);
    expect(summaries.filter(s => s.state === 'scanned')).toHaveLength(4);
    // The six claimed but unstarted entities are free for another replica at once.
    expect(summaries.filter(s => s.scanning)).toHaveLength(0);
    expect(
      await store.claimDue({
        owner: 'other',
        now: Date.now(),
        limit: 100,
        leaseMs: 1000,
      }),
    ).toHaveLength(6);
  });

  it('aborts scans that outlive the shutdown bound and releases their leases', async () => {
    const { store } = await createStore();
    await store.syncTargets(targets(1), Date.now());
    let aborted = false;
    let entered = false;
    const scanner: EntityScanner = {
      scan: (_entity, signal) =>
        new Promise((_resolve, reject) => {
          entered = true;
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    };
    const worker = new ScanWorker({
      store,
      scanner,
      logger,
      config: { ...config, timeoutMs: 60_000 },
    });
    const run = worker.runOnce();
    while (!entered) await sleep(1);
    await worker.stop();
    await run;
    expect(aborted).toBe(true);
    const [summary] = await store.listSummaries();
    expect(summary).toMatchObject({ scanning: false, state: 'pending' });
  });

  it('scans one entity on request and waits for it', async () => {
    const { store } = await createStore();
    const [target] = targets(1);
    await store.syncTargets([target], Date.now());
    const scanner = new CountingScanner('r1');
    const worker = new ScanWorker({ store, scanner, logger, config });
    await worker.runOnce();
    expect(await worker.scanNow(target.entityRef)).toBe('completed');
    expect(scanner.scans.get(target.entityRef)).toEqual(['r1', 'r1']);
    expect(await worker.scanNow('component:default/unknown')).toBeUndefined();
  });

  it('refuses a second scan-now of one entity within the cooldown, saying when the next is allowed', async () => {
    const { store } = await createStore();
    const [target] = targets(1);
    await store.syncTargets([target], Date.now());
    let clock = 1_000_000;
    const scanner = new CountingScanner('r1');
    const worker = new ScanWorker({
      store,
      scanner,
      logger,
      config: { ...config, scanNowCooldownMs: 60_000 },
      now: () => clock,
    });
    expect(await worker.scanNow(target.entityRef)).toBe('completed');
    clock += 59_000;
    expect(await worker.scanNow(target.entityRef)).toEqual({
      retryAt: 1_060_000,
    });
    clock += 1_000;
    expect(await worker.scanNow(target.entityRef)).toBe('completed');
    expect(scanner.scans.get(target.entityRef)).toEqual(['r1', 'r1']);
  });

  it('renews the leases of a scan that outlasts its lease, so no other replica takes it', async () => {
    const { store } = await createStore();
    await store.syncTargets(targets(1), Date.now());
    const [ref] = targets(1).map(t => t.entityRef);
    const short = { ...config, leaseMs: 200, timeoutMs: 5000 };
    let release!: () => void;
    const slow: EntityScanner = {
      scan: () =>
        new Promise(resolve => {
          release = () =>
            resolve({ unchanged: false, report: fakeReport(), etag: 'e' });
        }),
    };
    const worker = new ScanWorker({
      store,
      scanner: slow,
      logger,
      config: short,
      id: 'r1',
    });
    const run = worker.runOnce();
    while (!release) await sleep(5);
    // Three leases long: without the heartbeat r2 would take it over.
    await sleep(600);
    expect(
      await store.claimDue({
        owner: 'r2',
        now: Date.now(),
        limit: 1,
        leaseMs: 200,
        entityRef: ref,
      }),
    ).toEqual([]);
    expect((await store.leaseOf(ref))?.owner).toBe('r1');
    release();
    expect(await run).toBe(1);
    expect(await store.leaseOf(ref)).toBeUndefined();
  });

  it('scan-now takes over the lease of a holder that is gone, never answering running', async () => {
    const { store } = await createStore();
    await store.syncTargets(targets(1), Date.now());
    const [ref] = targets(1).map(t => t.entityRef);
    // A replica that claimed the entity and died: its lease is never renewed.
    await store.claimDue({
      owner: 'ghost',
      now: Date.now(),
      limit: 1,
      leaseMs: 400,
      entityRef: ref,
    });
    const scanner = new CountingScanner('r1');
    const worker = new ScanWorker({
      store,
      scanner,
      logger,
      config: { ...config, leaseMs: 400 },
      id: 'r1',
    });
    expect(await worker.scanNow(ref)).toBe('completed');
    expect(scanner.scans.get(ref)).toEqual(['r1']);
  });

  it('scan-now answers running only while the holder renews its lease', async () => {
    const { store } = await createStore();
    await store.syncTargets(targets(1), Date.now());
    const [ref] = targets(1).map(t => t.entityRef);
    const holderConfig = { ...config, leaseMs: 200, timeoutMs: 10_000 };
    const holder = new ScanWorker({
      store,
      scanner: { scan: () => new Promise(() => {}) },
      logger,
      config: holderConfig,
      id: 'holder',
    });
    void holder.runOnce();
    while (!(await store.leaseOf(ref))) await sleep(5);
    const asker = new ScanWorker({
      store,
      scanner: new CountingScanner('asker'),
      logger,
      config: { ...holderConfig, scanNowTimeoutMs: 500 },
      id: 'asker',
    });
    expect(await asker.scanNow(ref)).toBe('running');
    await holder.stop();
  });
});

const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));
const describeOnPostgres = postgresIds.length
  ? describe.each(postgresIds)
  : describe.skip.each([['POSTGRES_17' as TestDatabaseId]]);

describeOnPostgres(
  'three replicas sharing %p',
  (databaseId: TestDatabaseId) => {
    const connections: Knex[] = [];
    afterEach(async () => {
      await Promise.all(
        connections.splice(0).map(k => k.destroy().catch(() => {})),
      );
    });

    /** One more connection pool to the same database: what another backend process would have. */
    function replicaStore(knex: Knex) {
      const connection = knexFactory({ ...knex.client.config });
      connections.push(connection);
      return { knex: connection, store: ScorecardStore.fromKnex(connection) };
    }

    it('scans 300 entities exactly once per cycle, sharing the work', async () => {
      const knex = await databases.init(databaseId);
      await ScorecardStore.migrateUp(knex);
      await ScorecardStore.fromKnex(knex).syncTargets(targets(300), Date.now());
      const replicas = ['r1', 'r2', 'r3'].map(id => {
        const scanner = new CountingScanner(id, 5);
        const worker = new ScanWorker({
          store: replicaStore(knex).store,
          scanner,
          logger,
          config,
          id,
        });
        return { scanner, worker };
      });
      const counts = await Promise.all(replicas.map(r => r.worker.runOnce()));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(300);
      expect(counts.every(c => c > 30)).toBe(true);
      const all = new Map<string, string[]>();
      for (const r of replicas) {
        for (const [ref, by] of r.scanner.scans)
          all.set(ref, [...(all.get(ref) ?? []), ...by]);
      }
      expect(all.size).toBe(300);
      expect([...all.values()].every(by => by.length === 1)).toBe(true);
      // Nothing is due again within the interval.
      expect(await Promise.all(replicas.map(r => r.worker.runOnce()))).toEqual([
        0, 0, 0,
      ]);
      const rows = await knex('go_scorecard_entities')
        .whereNull('scanned_at')
        .orWhereNotNull('lease_owner');
      expect(rows).toHaveLength(0);
    });

    it('rescans the entities of a replica that died mid-scan once its leases expire', async () => {
      const knex = await databases.init(databaseId);
      await ScorecardStore.migrateUp(knex);
      await ScorecardStore.fromKnex(knex).syncTargets(targets(300), Date.now());
      const shortLease = {
        ...config,
        timeoutMs: 300,
        leaseMs: 1000,
        batchSize: 10,
        concurrency: 10,
      };
      // Lease expiry follows this clock, not the wall clock, so a slow machine cannot let
      // r1's leases expire while the survivors' first run is still going.
      let clock = Date.now();
      const now = () => clock;

      // r1 claims a batch, starts scanning, and its process dies: no more database writes.
      const dying = replicaStore(knex);
      let entered = 0;
      const hanging: EntityScanner = {
        scan: () => {
          entered++;
          return new Promise(() => {});
        },
      };
      const r1 = new ScanWorker({
        store: dying.store,
        scanner: hanging,
        logger,
        config: shortLease,
        id: 'r1',
        now,
      });
      void r1.runOnce();
      while (entered < 10) await sleep(5);
      await dying.knex.destroy();

      const survivors = ['r2', 'r3'].map(id => {
        const scanner = new CountingScanner(id);
        return {
          scanner,
          worker: new ScanWorker({
            store: replicaStore(knex).store,
            scanner,
            logger,
            config: shortLease,
            id,
            now,
          }),
        };
      });
      const first = await Promise.all(survivors.map(s => s.worker.runOnce()));
      // r1 holds the batch it was scanning, and possibly the next one it had prefetched.
      const leased = await knex('go_scorecard_entities').where({
        lease_owner: 'r1',
      });
      expect(leased.length).toBeGreaterThanOrEqual(10);
      expect(first[0] + first[1]).toBe(300 - leased.length);

      clock += shortLease.leaseMs + 1; // r1's leases expire: nobody renews them
      const second = await Promise.all(survivors.map(s => s.worker.runOnce()));
      expect(second[0] + second[1]).toBe(leased.length);
      const scanned = new Map<string, number>();
      for (const s of survivors)
        for (const [ref, by] of s.scanner.scans)
          scanned.set(ref, (scanned.get(ref) ?? 0) + by.length);
      expect(scanned.size).toBe(300);
      expect([...scanned.values()].every(n => n === 1)).toBe(true);
      for (const ref of leased.map(r => r.entity_ref))
        expect(scanned.get(ref)).toBe(1);
      expect(
        await knex('go_scorecard_entities').whereNull('scanned_at'),
      ).toHaveLength(0);
    });
  },
);
