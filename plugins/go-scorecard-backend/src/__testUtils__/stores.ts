import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ScorecardStore } from '../database/ScorecardStore';
import { ScanTarget } from '../database/types';

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
