import { TestDatabases } from '@backstage/backend-test-utils';
import { randomWorld, storeWorld } from '../__testUtils__/reportWorld';
import { createTestStore } from '../__testUtils__/stores';
import { EVERY_ENTITY } from '../__testUtils__/everyEntity';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { DatabaseReportStore } from './ReportStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

describe.each(databases.eachSupportedId())(
  'the CSV rows in batches (ReportStore.queryReportCsv) on %p',
  databaseId => {
    const world = randomWorld(30, 3);
    const readable = new Set(world.map(e => e.target.entityRef));

    it('hands out every row in order, batch by batch, and stops early cleanly', async () => {
      const { knex, store } = await createTestStore(databases, databaseId);
      await storeWorld(store, world);
      const whole = [];
      for await (const rows of store.queryReportCsv(readable, EVERY_ENTITY)) {
        whole.push(...rows);
      }
      // Every entity but the non-Go services, which the report lists only on request.
      expect(whole.length).toBeGreaterThan(21);

      const batched = DatabaseReportStore.create({ knex, csvBatchSize: 7 });
      const sizes: number[] = [];
      const rows = [];
      for await (const batch of batched.queryReportCsv(
        readable,
        EVERY_ENTITY,
      )) {
        sizes.push(batch.length);
        rows.push(...batch);
      }
      expect(sizes.slice(0, -1).every(n => n === 7)).toBe(true);
      expect(sizes[sizes.length - 1]).toBeLessThanOrEqual(7);
      expect(rows).toEqual(whole);

      // A caller that stops after the first batch (a client gone) closes the cursor
      // and its transaction: more of them than the pool has connections still run.
      for (let i = 0; i < 25; i++) {
        for await (const batch of batched.queryReportCsv(
          readable,
          EVERY_ENTITY,
        )) {
          expect(batch).toEqual(whole.slice(0, 7));
          break;
        }
      }
      const again = [];
      for await (const batch of batched.queryReportCsv(
        readable,
        EVERY_ENTITY,
      )) {
        again.push(...batch);
      }
      expect(again).toEqual(whole);
    });
  },
);
