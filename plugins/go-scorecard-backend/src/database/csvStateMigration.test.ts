import { TestDatabases } from '@backstage/backend-test-utils';
import { checks } from '@internal/plugin-go-scorecard-common';
import { buildReport } from '../__testUtils__/buildReport';
import {
  MIGRATIONS_DIRECTORY,
  migrateUpToBefore,
  migrateDownToBefore,
} from '../__testUtils__/migrations';
import { EVERY_ENTITY } from '../__testUtils__/everyEntity';
import { scanOnce } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { queryReportCsv } from '../report/queryReportCsv';
import { reportCsv } from '../report/reportCsv';
import { CSV_STATE_KEY, csvStateOf } from './csvState';
import { ScorecardStore } from './ScorecardStore';
import { CHECK_BITS, ENTITIES, EntityRow } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const directory = MIGRATIONS_DIRECTORY;
const MIGRATION = '20261217000100_csv_state.js';

describe.each(databases.eachSupportedId())(
  'the CSV state migration on %p',
  databaseId => {
    it('leaves stored rows without a state (the CSV computes their cells) until their next scan writes it, and rolls back', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpToBefore(knex, MIGRATION);
      // An entity analyzed before the column: two checks with a bit each.
      const [first, second] = checks;
      await knex(CHECK_BITS).insert([
        { check_id: first.id, bit: 0 },
        { check_id: second.id, bit: 1 },
      ]);
      await knex(ENTITIES).insert({
        entity_ref: 'component:default/old',
        kind: 'Component',
        namespace: 'default',
        name: 'old',
        csv_cells: 'component:default/old,old,,,',
        seen_at: 1,
        next_scan_at: 1,
        scanned_at: 1000,
        checked_at: 1000,
        etag: 'e',
        pass_count: 1,
        fail_count: 1,
        score: 50,
        check_statuses: JSON.stringify({
          [first.id]: 'pass',
          [second.id]: 'fail',
        }),
        pass_bits: 1,
        fail_bits: 2,
        waived_count: 3,
      });
      await knex.migrate.latest({ directory });

      const row = async () =>
        (
          await knex<EntityRow>(ENTITIES).where({
            entity_ref: 'component:default/old',
          })
        )[0];
      expect((await row()).csv_state).toBeNull();
      const store = ScorecardStore.fromKnex(knex);
      const readable = new Set(['component:default/old']);
      const expected = async () =>
        reportCsv(
          buildReport(await store.listSummaries(), readable, EVERY_ENTITY)
            .items,
        );
      const csv = await queryReportCsv(store, readable, EVERY_ENTITY);
      expect(csv).toBe(await expected());
      expect(csv).toContain(',50,1,0,1,0,0,pass,fail,');

      // Its next scan, its source unchanged, writes the state of this code.
      await scanOnce(
        store,
        { entityRef: 'component:default/old', unchanged: true },
        { now: 2000, nextScanAt: 3000, owner: 'r' },
      );
      expect(await row()).toMatchObject({
        csv_state: csvStateOf({
          counts: { pass: 1, warn: 0, fail: 1, notApplicable: 0, error: 0 },
          score: 50,
          goService: true,
          statuses: { [first.id]: 'pass', [second.id]: 'fail' },
          waived: 3,
        }),
        csv_state_key: CSV_STATE_KEY,
      });
      expect(Number((await row()).csv_state_at)).toBe(1000);
      expect(await queryReportCsv(store, readable, EVERY_ENTITY)).toBe(
        await expected(),
      );

      await migrateDownToBefore(knex, MIGRATION);
      expect(await knex.schema.hasColumn(ENTITIES, 'csv_state')).toBe(false);
      expect(await knex.schema.hasColumn(ENTITIES, 'csv_state_key')).toBe(
        false,
      );
    });
  },
);
