import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ScanQueueStore } from '../database/ScanQueueStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { ScanOutcomeRecord, ScanTarget } from '../database/types';

/** A migrated store on a fresh test database, with its connection. */
export async function createTestStore(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  const knex = await databases.init(databaseId);
  await ScorecardStore.migrateUp(knex);
  return { knex, store: ScorecardStore.fromKnex(knex) };
}

/** A selected component `name` in the default namespace, owned by team-a, with a local source. */
export function testTarget(
  name: string,
  extra: Partial<ScanTarget> = {},
): ScanTarget {
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

/**
 * One scan of `outcome.entityRef` as a replica makes it: the entity's lease claimed at
 * `now` (by `owner`, default `r1`, for `leaseMs`, default 1000), then the outcome stored,
 * the entity due again at `nextScanAt`.
 */
export async function scanOnce(
  queue: Pick<ScanQueueStore, 'claimDue' | 'completeScans'>,
  outcome: ScanOutcomeRecord,
  scan: { now: number; nextScanAt: number; owner?: string; leaseMs?: number },
): Promise<void> {
  const { now, nextScanAt, owner = 'r1', leaseMs = 1000 } = scan;
  await queue.claimDue({
    owner,
    now,
    limit: 1,
    leaseMs,
    entityRef: outcome.entityRef,
  });
  await queue.completeScans([outcome], owner, { now, nextScanAt });
}
