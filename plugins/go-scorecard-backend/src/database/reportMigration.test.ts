import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { checks } from '@internal/plugin-go-scorecard-common';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { queryReport } from '../report/queryReport';
import { ScorecardStore } from './ScorecardStore';
import { CHECK_BITS, ENTITIES } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const directory = resolvePackagePath(
  '@internal/plugin-go-scorecard-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())(
  'the report migration on %p',
  databaseId => {
    it('backfills the status masks and report columns of stored summaries', async () => {
      const knex = await databases.init(databaseId);
      // The three migrations before it.
      for (let i = 0; i < 3; i++) await knex.migrate.up({ directory });
      const statuses = Object.fromEntries(
        checks.map(c => [c.id, c.id === 'go-get-install' ? 'fail' : 'pass']),
      );
      await knex(ENTITIES).insert([
        {
          entity_ref: 'component:default/old',
          kind: 'Component',
          namespace: 'default',
          name: 'old',
          title: 'Über, "Old"',
          owner: 'group:default/Team-A',
          seen_at: 1,
          next_scan_at: 1,
          scanned_at: 1000,
          pass_count: checks.length - 1,
          fail_count: 1,
          score: Math.round((100 * (checks.length - 1)) / checks.length),
          check_statuses: JSON.stringify(statuses),
        },
        {
          entity_ref: 'component:default/new',
          kind: 'Component',
          namespace: 'default',
          name: 'new',
          title: null,
          owner: null,
          seen_at: 1,
          next_scan_at: 1,
          scanned_at: null,
          pass_count: 0,
          fail_count: 0,
          score: null,
          check_statuses: null,
        },
      ]);
      await knex.migrate.latest({ directory });

      expect(await knex(CHECK_BITS).count({ n: '*' })).toEqual([
        {
          n:
            databaseId === 'POSTGRES_17'
              ? String(checks.length)
              : checks.length,
        },
      ]);
      const old = await knex(ENTITIES)
        .where({ entity_ref: 'component:default/old' })
        .first();
      expect(old).toMatchObject({
        owner_key: 'group:default/team-a',
        title_key: 'über, "old"',
        sort_title: 'über, "old"',
        csv_cells:
          'component:default/old,"Über, ""Old""",group:default/Team-A,,',
      });
      expect(Number(old.fail_bits)).toBeGreaterThan(0);

      const report = await queryReport(
        ScorecardStore.fromKnex(knex),
        new Set(['component:default/old', 'component:default/new']),
        {
          owners: ['group:default/team-a'],
          statuses: ['fail'],
          check: 'go-get-install',
          orderBy: 'entity',
          order: 'asc',
          offset: 0,
          limit: 10,
        },
      );
      expect(report.items.map(r => [r.name, r.checks])).toEqual([
        ['old', { 'go-get-install': 'fail' }],
      ]);
      expect(report.aggregates.byCheck).toEqual([
        {
          id: 'go-get-install',
          counts: { pass: 0, warn: 0, fail: 1, notApplicable: 0, error: 0 },
        },
      ]);
    });
  },
);
