import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MIGRATIONS_DIRECTORY,
  migrateUpToBefore,
} from '../__testUtils__/migrations';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { queryReport } from '../report/queryReport';
import { ScorecardStore } from './ScorecardStore';
import { ENTITIES, GROUP_DESCENDANTS } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const directory = MIGRATIONS_DIRECTORY;
const MIGRATION = '20261216000000_teams_and_impact.js';

describe.each(databases.eachSupportedId())(
  'the teams and impact migration on %p',
  databaseId => {
    it('gives stored entities impact 0, rolls owners up through the new table, and rolls back', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpToBefore(knex, MIGRATION);
      await knex(ENTITIES).insert({
        entity_ref: 'component:default/old',
        kind: 'Component',
        namespace: 'default',
        name: 'old',
        owner: 'group:default/checkout-team',
        owner_key: 'group:default/checkout-team',
        seen_at: 1,
        next_scan_at: 1,
      });
      await knex.migrate.up({ directory });

      expect(
        Number(
          (
            await knex(ENTITIES).where({ entity_ref: 'component:default/old' })
          )[0].impact,
        ),
      ).toBe(0);
      await knex(GROUP_DESCENDANTS).insert({
        ancestor_ref: 'group:default/commerce',
        descendant_ref: 'group:default/checkout-team',
      });
      // One row per pair: the primary key (a second insert of it is ignored).
      await knex(GROUP_DESCENDANTS)
        .insert({
          ancestor_ref: 'group:default/commerce',
          descendant_ref: 'group:default/checkout-team',
        })
        .onConflict(['ancestor_ref', 'descendant_ref'])
        .ignore();
      expect(await knex(GROUP_DESCENDANTS)).toEqual([
        {
          ancestor_ref: 'group:default/commerce',
          descendant_ref: 'group:default/checkout-team',
        },
      ]);
      await knex.migrate.latest({ directory });
      const report = await queryReport(
        ScorecardStore.fromKnex(knex),
        new Set(['component:default/old']),
        {
          owners: ['group:default/commerce'],
          orderBy: 'impact',
          order: 'desc',
          offset: 0,
          limit: 10,
        },
      );
      expect(report.items.map(r => [r.name, r.impact])).toEqual([['old', 0]]);

      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable(GROUP_DESCENDANTS)).toBe(false);
    });
  },
);
