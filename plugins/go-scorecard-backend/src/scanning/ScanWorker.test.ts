import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ScorecardStore } from '../database/ScorecardStore';
import { fakeReport } from '../__testUtils__/reports';
import {
  scanTargets as targets,
  sleep,
  workerTestConfig as config,
} from '../__testUtils__/scanning';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { EntityScanner } from './EntityScanner';
import { ScanWorker } from './ScanWorker';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const logger = mockServices.logger.mock();

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
    // A timed-out scan is retried after the backoff.
    expect(byRef.get(slow.entityRef)!.nextScanAt - start).toBeLessThan(5000);
    const flakySummary = byRef.get(flaky.entityRef)!;
    expect(flakySummary).toMatchObject({
      state: 'failed',
      stale: false,
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
});
