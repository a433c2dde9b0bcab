import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MIGRATIONS_DIRECTORY,
  migrateDownToBefore,
  migrateUpToBefore,
  storedEntityRow,
} from '../__testUtils__/migrations';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { ENTITIES } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const MIGRATION = '20261218000000_stale_needs_results.js';

describe.each(databases.eachSupportedId())(
  'the stale-needs-results migration on %p',
  databaseId => {
    it('clears the stale flag of entities that failed with no results, and keeps it on stale results', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpToBefore(knex, MIGRATION);
      await knex(ENTITIES).insert([
        storedEntityRow('refused', { stale: true, last_error: 'not found' }),
        storedEntityRow('timedout', {
          stale: true,
          last_error: 'timeout',
          scanned_at: 1000,
        }),
        storedEntityRow('fresh', { stale: false, scanned_at: 1000 }),
        storedEntityRow('pending', { stale: false }),
      ]);

      await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY });

      const rows = await knex(ENTITIES)
        .select('name', 'stale', 'last_error')
        .orderBy('name');
      expect(
        rows.map(r => [r.name, Boolean(r.stale), r.last_error ?? null]),
      ).toEqual([
        ['fresh', false, null],
        ['pending', false, null],
        ['refused', false, 'not found'],
        ['timedout', true, 'timeout'],
      ]);
      await migrateDownToBefore(knex, MIGRATION);
    });
  },
);
