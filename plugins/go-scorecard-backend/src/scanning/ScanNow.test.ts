import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ScorecardStore } from '../database/ScorecardStore';
import {
  CountingScanner,
  scanTargets as targets,
  sleep,
  workerTestConfig as config,
} from '../__testUtils__/scanning';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { ScanWorker } from './ScanWorker';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const logger = mockServices.logger.mock();

describe.each(databases.eachSupportedId())(
  'ScanWorker.scanNow on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await ScorecardStore.migrateUp(knex);
      return { knex, store: ScorecardStore.fromKnex(knex) };
    }

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
  },
);
