import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { defaultScorecardConfig } from '../config/ScorecardConfig';
import { ScorecardStore } from '../database/ScorecardStore';
import { ScanTarget } from '../database/types';
import { fakeReport } from '../__testUtils__/reports';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { ScanWorker } from './ScanWorker';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));
const LEASE_MS = 2000;

const targets: ScanTarget[] = ['a', 'b', 'c'].map(name => ({
  entityRef: `component:default/${name}`,
  kind: 'Component',
  namespace: 'default',
  name,
  source: `url:https://git.example.com/${name}`,
}));

/** Starts a replica process (see replicaProcess.ts); resolves once it is scanning `count` entities. */
function startReplica(connection: unknown, id: string, count: number) {
  const child = spawn(
    process.execPath,
    [
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolve(__dirname, '../__testUtils__/replicaProcess.ts'),
    ],
    {
      env: {
        ...process.env,
        REPLICA_DB: JSON.stringify(connection),
        REPLICA_LEASE_MS: String(LEASE_MS),
        REPLICA_ID: id,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const scanning = new Promise<string[]>((ok, fail) => {
    const refs: string[] = [];
    child.stdout.on('data', (data: Buffer) => {
      for (const line of data.toString().split('\n')) {
        if (line.startsWith('scanning ')) refs.push(line.slice(9));
      }
      if (refs.length >= count) ok(refs);
    });
    child.on('exit', code => fail(new Error(`replica exited with ${code}`)));
  });
  return { child, scanning };
}

(postgres.length
  ? describe.each(postgres)
  : describe.skip.each([['POSTGRES_17']]))(
  'a replica killed mid-scan on %p',
  databaseId => {
    it('leaves its entities to another replica within one lease, losing nothing', async () => {
      const knex = await databases.init(databaseId as any);
      await ScorecardStore.migrateUp(knex);
      const store = ScorecardStore.fromKnex(knex);
      await store.syncTargets(targets, Date.now());
      const config = {
        ...defaultScorecardConfig,
        leaseMs: LEASE_MS,
        scanNowTimeoutMs: 3 * LEASE_MS,
        scanNowCooldownMs: 0,
      };
      const logger = mockServices.logger.mock();
      let scans = 0;
      const scanner = {
        async scan() {
          scans++;
          return {
            unchanged: false as const,
            report: fakeReport(),
            etag: `e${scans}`,
          };
        },
      };
      // First results, then every entity due again.
      const survivor = new ScanWorker({
        store,
        scanner,
        logger,
        config,
        id: 'survivor',
      });
      expect(await survivor.runOnce()).toBe(3);
      const before = await store.getEntityResult(targets[0].entityRef);
      for (const t of targets) await store.requestScan(t.entityRef, Date.now());

      const replica = startReplica(knex.client.config.connection, 'doomed', 3);
      expect((await replica.scanning).sort()).toEqual(
        targets.map(t => t.entityRef),
      );
      for (const t of targets) {
        expect((await store.leaseOf(t.entityRef))?.owner).toBe('doomed');
      }
      replica.child.kill('SIGKILL');
      const killedAt = Date.now();

      // The stored results are still there while nobody scans.
      expect(
        (await store.getEntityResult(targets[0].entityRef))?.checks,
      ).toEqual(before?.checks);
      // Scan-now never says "running" for the dead holder: it waits the lease out and scans.
      expect(await survivor.scanNow(targets[0].entityRef)).toBe('completed');
      // The scheduled loop takes the others as soon as their leases run out.
      while (scans < 6 && Date.now() - killedAt < 4 * LEASE_MS) {
        await survivor.runOnce();
        await new Promise(r => setTimeout(r, 100));
      }
      const recoveredMs = Date.now() - killedAt;
      expect(scans).toBe(6);
      expect(recoveredMs).toBeLessThan(LEASE_MS + 1500);
      for (const t of targets) {
        const summary = await store.getSummary(t.entityRef);
        expect(summary?.scanning).toBe(false);
        expect(summary!.scannedAt).toBeGreaterThanOrEqual(killedAt);
        expect(await store.leaseOf(t.entityRef)).toBeUndefined();
      }
    });
  },
);
