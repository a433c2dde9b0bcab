import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { waivedFinding } from '../__testUtils__/reportWorld';
import { storedEntityRow } from '../__testUtils__/migrations';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { ENTITIES, HISTORY, RESULTS } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const directory = resolvePackagePath(
  '@internal/plugin-go-scorecard-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())(
  'the waived counts migration on %p',
  databaseId => {
    it('backfills waived counts and expiries from the stored results, and the history of current content', async () => {
      const knex = await databases.init(databaseId);
      // The five migrations before it.
      for (let i = 0; i < 5; i++) await knex.migrate.up({ directory });
      const entity = (name: string) =>
        storedEntityRow(name, { scanned_at: 1000 });
      await knex(ENTITIES).insert([entity('cart'), entity('clean')]);
      const result = (
        name: string,
        checkId: string,
        findings: object[],
        extra: object = {},
      ) => ({
        entity_ref: `component:default/${name}`,
        check_id: checkId,
        lesson: 3,
        severity: 'warning',
        status: 'pass',
        message: null,
        finding_count: findings.length,
        findings: JSON.stringify(findings),
        ...extra,
      });
      await knex(RESULTS).insert([
        result('cart', 'k8s-grace-period', [
          waivedFinding('2027-03-01'),
          waivedFinding('2027-01-15', 1),
        ]),
        // Capped: the message has the true count.
        result('cart', 'k8s-prestop', [waivedFinding('2026-12-31')], {
          finding_count: 40,
          status: 'warn',
          message: '30 findings waived in .go-scorecard.yaml',
        }),
        result('clean', 'k8s-prestop', [
          { path: 'a.yaml', line: 1, message: 'm', snippet: 's' },
        ]),
      ]);
      const history = (name: string, scannedAt: number) => ({
        entity_ref: `component:default/${name}`,
        scanned_at: scannedAt,
        day: 0,
        changed: true,
        pass_count: 1,
        warn_count: 0,
        fail_count: 0,
        na_count: 0,
        error_count: 0,
      });
      await knex(HISTORY).insert([
        history('cart', 500),
        history('cart', 1500),
        history('clean', 1500),
      ]);

      await knex.migrate.up({ directory });

      const results = await knex(RESULTS)
        .select('entity_ref', 'check_id', 'waived_count', 'waiver_expires')
        .orderBy(['entity_ref', 'check_id']);
      expect(
        results.map(r => [
          r.entity_ref,
          r.check_id,
          Number(r.waived_count),
          r.waiver_expires,
        ]),
      ).toEqual([
        ['component:default/cart', 'k8s-grace-period', 2, '2027-01-15'],
        ['component:default/cart', 'k8s-prestop', 30, '2026-12-31'],
        ['component:default/clean', 'k8s-prestop', 0, null],
      ]);
      const entities = await knex(ENTITIES)
        .select('name', 'waived_count', 'waiver_expires')
        .orderBy('name');
      expect(
        entities.map(e => [e.name, Number(e.waived_count), e.waiver_expires]),
      ).toEqual([
        ['cart', 32, '2026-12-31'],
        ['clean', 0, null],
      ]);
      const rows = await knex(HISTORY)
        .select('entity_ref', 'scanned_at', 'waived_count')
        .orderBy(['entity_ref', 'scanned_at']);
      expect(
        rows.map(r => [
          r.entity_ref,
          Number(r.scanned_at),
          r.waived_count === null ? null : Number(r.waived_count),
        ]),
      ).toEqual([
        // Before the last analysis: unknown.
        ['component:default/cart', 500, null],
        ['component:default/cart', 1500, 32],
        ['component:default/clean', 1500, 0],
      ]);

      await knex.migrate.down({ directory });
      expect(await knex.schema.hasColumn(RESULTS, 'waived_count')).toBe(false);
      expect(await knex.schema.hasColumn(ENTITIES, 'waiver_expires')).toBe(
        false,
      );
      expect(await knex.schema.hasColumn(HISTORY, 'waived_count')).toBe(false);
    });
  },
);
