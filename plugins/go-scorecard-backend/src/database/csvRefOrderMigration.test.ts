import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MIGRATIONS_DIRECTORY,
  migrateUpToBefore,
  migrateDownToBefore,
} from '../__testUtils__/migrations';
import { EVERY_ENTITY } from '../__testUtils__/everyEntity';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { queryReportCsv } from '../report/queryReportCsv';
import { ScorecardStore } from './ScorecardStore';
import { ENTITIES, READABLE_REFS } from './tables';
import { isPostgres } from './util';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const directory = MIGRATIONS_DIRECTORY;
const MIGRATION = '20261217000000_csv_ref_order.js';
const INDEX = 'go_scorecard_entities_ref_c_idx';

describe.each(databases.eachSupportedId())(
  'the CSV ref order migration on %p',
  databaseId => {
    it('indexes the refs in "C" on PostgreSQL, keeps a stored readable set, and rolls back', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpToBefore(knex, MIGRATION);
      // Refs whose code point order is not a locale's.
      await knex(ENTITIES).insert(
        ['über', 'a_b', 'ab', 'a-b', 'z'].map(name => ({
          entity_ref: `component:default/${name}`,
          kind: 'Component',
          namespace: 'default',
          name,
          csv_cells: `component:default/${name}`,
          seen_at: 1,
          next_scan_at: 1,
        })),
      );
      const refs = (await knex(ENTITIES).select('entity_ref')).map(
        (r: { entity_ref: string }) => r.entity_ref,
      );
      // A readable set stored before: kept as it is.
      await knex('go_scorecard_readable_sets').insert({
        set_id: 'kept',
        used_at: Date.now(),
      });
      await knex(READABLE_REFS).insert(
        refs.map(entity_ref => ({ set_id: 'kept', entity_ref })),
      );
      await knex.migrate.latest({ directory });

      // PostgreSQL: the index, and the readable refs' collation; SQLite: neither.
      const schema = async () => {
        if (!isPostgres(knex)) {
          const index = await knex.raw(
            `SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?`,
            [INDEX],
          );
          return { indexed: index.length > 0, collation: null };
        }
        const index = await knex.raw(
          `SELECT indexname FROM pg_indexes WHERE indexname = ?`,
          [INDEX],
        );
        const column = await knex.raw(
          `SELECT collation_name FROM information_schema.columns
          WHERE table_name = ? AND column_name = 'entity_ref'`,
          [READABLE_REFS],
        );
        return {
          indexed: index.rows.length > 0,
          collation: column.rows[0].collation_name,
        };
      };
      const postgres = isPostgres(knex);
      expect(await schema()).toEqual(
        postgres
          ? { indexed: true, collation: 'C' }
          : { indexed: false, collation: null },
      );
      expect((await knex(READABLE_REFS).where({ set_id: 'kept' })).length).toBe(
        5,
      );
      // The CSV of the set, in code point order of the refs.
      const csv = await queryReportCsv(
        ScorecardStore.fromKnex(knex),
        new Set(refs),
        EVERY_ENTITY,
      );
      expect(
        csv
          .split('\r\n')
          .slice(1, -1)
          .map(line => line.split(',')[0]),
      ).toEqual([...refs].sort());

      await migrateDownToBefore(knex, MIGRATION);
      expect((await knex(READABLE_REFS).where({ set_id: 'kept' })).length).toBe(
        5,
      );
      expect(await schema()).toEqual({ indexed: false, collation: null });
    });
  },
);
