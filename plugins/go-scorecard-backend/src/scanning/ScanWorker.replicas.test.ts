import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { ScorecardStore } from '../database/ScorecardStore';
import {
  CountingScanner,
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
      await Promise.all(connections.splice(0).map(k => k.destroy()));
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
