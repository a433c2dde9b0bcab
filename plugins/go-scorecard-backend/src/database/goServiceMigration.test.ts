import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { checks } from '@internal/plugin-go-scorecard-common';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { queryReport } from '../report/queryReport';
import { ScorecardStore } from './ScorecardStore';
import { ENTITIES, HISTORY, RESULTS } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const directory = resolvePackagePath(
  '@internal/plugin-go-scorecard-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())(
  'the non-Go migration on %p',
  databaseId => {
    it('backfills go_service from the stored results, the title cell and the masks of current history', async () => {
      const knex = await databases.init(databaseId);
      // The four migrations before it.
      for (let i = 0; i < 4; i++) await knex.migrate.up({ directory });
      const entity = (name: string, title: string | null) => ({
        entity_ref: `component:default/${name}`,
        kind: 'Component',
        namespace: 'default',
        name,
        title,
        owner: 'group:default/team-a',
        seen_at: 1,
        next_scan_at: 1,
        scanned_at: 1000,
        pass_count: checks.length,
        score: 100,
        pass_bits: 7,
        check_statuses: JSON.stringify(
          Object.fromEntries(checks.map(c => [c.id, 'pass'])),
        ),
        csv_cells: `component:default/${name},${
          title ?? ''
        },group:default/team-a,,`,
      });
      await knex(ENTITIES).insert([
        entity('go', 'Go API'),
        entity('web', null),
        { ...entity('new', null), scanned_at: null },
      ]);
      const noGoMessage: Record<number, string> = {
        2: 'no go.mod',
        4: 'no Go files',
      };
      const result = (name: string, noGo: boolean) =>
        checks.map(c => {
          const message = noGo ? noGoMessage[c.lesson] : undefined;
          return {
            entity_ref: `component:default/${name}`,
            check_id: c.id,
            lesson: c.lesson,
            severity: c.severity,
            status: message ? 'not_applicable' : 'pass',
            message: message ?? null,
            finding_count: 0,
            findings: '[]',
          };
        });
      await knex(RESULTS).insert([
        ...result('go', false),
        ...result('web', true),
      ]);
      const history = (scannedAt: number) => ({
        entity_ref: 'component:default/go',
        scanned_at: scannedAt,
        day: 0,
        changed: true,
        pass_count: checks.length,
        warn_count: 0,
        fail_count: 0,
        na_count: 0,
        error_count: 0,
        score: 100,
      });
      await knex(HISTORY).insert([history(500), history(1500)]);
      await knex.migrate.latest({ directory });

      const rows = await knex(ENTITIES)
        .select('name', 'go_service', 'csv_cells')
        .orderBy('name');
      expect(
        rows.map(r => [
          r.name,
          r.go_service === null ? null : Boolean(r.go_service),
          r.csv_cells,
        ]),
      ).toEqual([
        ['go', true, 'component:default/go,Go API,group:default/team-a,,'],
        ['new', null, 'component:default/new,new,group:default/team-a,,'],
        ['web', false, 'component:default/web,web,group:default/team-a,,'],
      ]);
      const masks = await knex(HISTORY)
        .select('scanned_at', 'pass_bits')
        .orderBy('scanned_at');
      expect(
        masks.map(m => [
          Number(m.scanned_at),
          m.pass_bits === null ? null : Number(m.pass_bits),
        ]),
      ).toEqual([
        [500, null],
        [1500, 7],
      ]);

      const report = await queryReport(
        ScorecardStore.fromKnex(knex),
        new Set(rows.map(r => `component:default/${r.name}`)),
        { orderBy: 'entity', order: 'asc', offset: 0, limit: 10 },
      );
      expect(report.items.map(r => r.name)).toEqual(['go', 'new']);

      // The migrations after it first (waived counts, teams and impact…), then this one.
      const [done] = await knex.migrate.list({ directory });
      const later = (done as { name: string }[]).filter(
        m => m.name > '20261202000000_go_service_and_history_masks.js',
      ).length;
      for (let i = 0; i <= later; i++) await knex.migrate.down({ directory });
      expect(await knex.schema.hasColumn(ENTITIES, 'go_service')).toBe(false);
      expect(await knex.schema.hasColumn(HISTORY, 'pass_bits')).toBe(false);
    });
  },
);
