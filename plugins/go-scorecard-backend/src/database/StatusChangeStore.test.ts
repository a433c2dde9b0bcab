import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { migrateDown, migrateUp } from './migrations';
import { ScorecardStore } from './ScorecardStore';
import { StatusChange } from './statusChanges';
import { insertStatusChanges } from './StatusChangeStore';
import { STATUS_CHANGES } from './tables';
import { fakeReport } from '../__testUtils__/reports';
import { waivedFinding } from '../__testUtils__/reportWorld';
import { scanOnce, testTarget } from '../__testUtils__/stores';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

function change(name: string, owner: string, at = 1000): StatusChange {
  return {
    entityRef: `component:default/${name}`,
    checkId: 'k8s-ndots',
    owner,
    kind: 'regression',
    from: 'pass',
    to: 'warn',
    waiverExpired: false,
    detectedAt: at,
  };
}

describe.each(databases.eachSupportedId())(
  'StatusChangeStore on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await migrateUp(knex);
      return { knex, store: ScorecardStore.fromKnex(knex) };
    }

    it('migrates its table up and down', async () => {
      const { knex } = await setup();
      expect(await knex.schema.hasTable(STATUS_CHANGES)).toBe(true);
      await migrateDown(knex);
      expect(await knex.schema.hasTable(STATUS_CHANGES)).toBe(false);
    });

    it("records where a regression is: its new result's first finding no waiver covers", async () => {
      const { knex } = await setup();
      const store = ScorecardStore.fromKnex(knex, {
        recordStatusChanges: true,
      });
      const entityRef = 'component:default/a';
      await store.targets.syncTargets([testTarget('a')], 1000);
      await scanOnce(
        store.queue,
        { entityRef, unchanged: false, report: fakeReport(), etag: 'e1' },
        { now: 1000, nextScanAt: 2000 },
      );
      const worse = fakeReport({ 'k8s-grace-period': 'warn' });
      worse.checks.find(c => c.id === 'k8s-grace-period')!.findings = [
        waivedFinding('2027-01-01'),
        { path: 'deploy/api.yaml', line: 7, message: 'short', snippet: 's' },
      ];
      await scanOnce(
        store.queue,
        { entityRef, unchanged: false, report: worse, etag: 'e2' },
        { now: 3000, nextScanAt: 4000 },
      );
      expect(await store.statusChanges.listChanges()).toEqual([
        expect.objectContaining({
          checkId: 'k8s-grace-period',
          kind: 'regression',
          finding: 'deploy/api.yaml:7',
        }),
      ]);
    });

    it('keeps one row per entity, check and scan', async () => {
      const { knex, store } = await setup();
      await insertStatusChanges(knex, [change('a', 'group:default/t')]);
      await insertStatusChanges(knex, [change('a', 'group:default/t')]);
      expect(await store.statusChanges.listChanges()).toHaveLength(1);
    });

    it('gives each change to one of two claimers at once, grouped by owner', async () => {
      const { knex, store } = await setup();
      const other = ScorecardStore.fromKnex(knex);
      await insertStatusChanges(
        knex,
        Array.from({ length: 40 }, (_, i) =>
          change(`svc-${i}`, `group:default/team-${i % 4}`),
        ),
      );
      const [x, y] = await Promise.all([
        store.statusChanges.claimPending({ now: 5000, claimMs: 1000 }),
        other.statusChanges.claimPending({ now: 5000, claimMs: 1000 }),
      ]);
      const claimed = [...x, ...y].flatMap(d =>
        d.changes.map(c => c.entityRef),
      );
      expect(claimed).toHaveLength(40);
      expect(new Set(claimed).size).toBe(40);
      for (const digest of [...x, ...y]) {
        expect(new Set(digest.changes.map(c => c.owner))).toEqual(
          new Set([digest.owner]),
        );
      }
      // Held: nothing more to claim until the claims run out.
      expect(
        await store.statusChanges.claimPending({ now: 5500, claimMs: 1000 }),
      ).toEqual([]);
      // Run out (a replica died before sending): claimed again, same digests.
      const again = await store.statusChanges.claimPending({
        now: 6001,
        claimMs: 1000,
      });
      expect(new Set(again.map(d => d.digestId))).toEqual(
        new Set([...x, ...y].map(d => d.digestId)),
      );
      for (const digest of again) {
        await store.statusChanges.markNotified(digest.digestId, 6100);
      }
      expect(
        await store.statusChanges.claimPending({ now: 99_000, claimMs: 1000 }),
      ).toEqual([]);
      expect(await store.statusChanges.pruneNotified(6101)).toBe(40);
    });

    it('holds an owner back while one of its entities is being scanned', async () => {
      const { knex, store } = await setup();
      await store.targets.syncTargets(
        [testTarget('a'), testTarget('b', { owner: 'group:default/team-b' })],
        1000,
      );
      await insertStatusChanges(knex, [
        change('a', 'group:default/team-a'),
        change('b', 'group:default/team-b'),
      ]);
      await store.queue.claimDue({
        owner: 'r1',
        now: 2000,
        limit: 1,
        leaseMs: 10_000,
        entityRef: 'component:default/a',
      });
      const first = await store.statusChanges.claimPending({
        now: 3000,
        claimMs: 1000,
      });
      expect(first.map(d => d.owner)).toEqual(['group:default/team-b']);
      await store.queue.releaseLease('component:default/a', 'r1');
      const second = await store.statusChanges.claimPending({
        now: 3000,
        claimMs: 1000,
      });
      expect(second.map(d => d.owner)).toEqual(['group:default/team-a']);
    });
  },
);
