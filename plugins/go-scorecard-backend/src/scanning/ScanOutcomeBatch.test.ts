import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ScorecardStore } from '../database/ScorecardStore';
import { fakeReport } from '../__testUtils__/reports';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { ScanOutcomeBatch } from './ScanOutcomeBatch';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

describe.each(databases.eachSupportedId())(
  'ScanOutcomeBatch on %p',
  databaseId => {
    async function setup(entities: number) {
      const knex = await databases.init(databaseId);
      await ScorecardStore.migrateUp(knex);
      const store = ScorecardStore.fromKnex(knex);
      const refs = Array.from(
        { length: entities },
        (_, i) => `component:default/svc-${i}`,
      );
      await store.syncTargets(
        refs.map((entityRef, i) => ({
          entityRef,
          kind: 'Component',
          namespace: 'default',
          name: `svc-${i}`,
        })),
        1000,
      );
      await store.claimDue({
        owner: 'r1',
        now: 1000,
        limit: entities,
        leaseMs: 60_000,
      });
      const logger = mockServices.logger.mock();
      const written = jest.spyOn(store, 'completeScans');
      const batch = (maxDelayMs: number) =>
        new ScanOutcomeBatch({
          store,
          owner: 'r1',
          size: 3,
          maxDelayMs,
          scanIntervalMs: 5000,
          logger,
          now: () => 2000,
        });
      return { store, refs, logger, written, batch };
    }

    it('writes a batch once it is full, and the rest on flush', async () => {
      const { store, refs, written, batch } = await setup(4);
      const outcomes = batch(60_000);
      await outcomes.add({
        unchanged: false,
        entityRef: refs[0],
        report: fakeReport(),
        etag: 'a',
      });
      await outcomes.add({ unchanged: true, entityRef: refs[1] });
      expect(written).not.toHaveBeenCalled();
      await outcomes.add({
        unchanged: false,
        etag: 'e',
        entityRef: refs[2],
        report: fakeReport(),
      });
      await outcomes.add({ unchanged: true, entityRef: refs[3] });
      await outcomes.flush();

      expect(
        written.mock.calls.map(([batchOutcomes]) => batchOutcomes.length),
      ).toEqual([3, 1]);
      expect(await store.getSummary(refs[0], 2000)).toMatchObject({
        state: 'scanned',
        etag: 'a',
        scanning: false,
        nextScanAt: 7000,
      });
      expect(await store.getSummary(refs[3], 2000)).toMatchObject({
        state: 'pending',
        checkedAt: 2000,
        scanning: false,
      });
    });

    it('writes a batch that is not full after the delay', async () => {
      const { store, refs, written, batch } = await setup(1);
      await batch(20).add({
        unchanged: false,
        etag: 'e',
        entityRef: refs[0],
        report: fakeReport(),
      });
      for (let i = 0; i < 100 && !written.mock.calls.length; i++)
        await new Promise(r => setTimeout(r, 10));
      await written.mock.results[0]?.value;
      expect(await store.getSummary(refs[0], 2000)).toMatchObject({
        state: 'scanned',
      });
    });

    it('warns about outcomes whose lease was lost, and writes the others', async () => {
      const { store, refs, logger, batch } = await setup(2);
      // Another replica took refs[1] over after r1's lease expired.
      await store.claimDue({
        owner: 'r2',
        now: 70_000,
        limit: 1,
        leaseMs: 60_000,
        entityRef: refs[1],
      });
      const outcomes = batch(60_000);
      await outcomes.add({
        unchanged: false,
        etag: 'e',
        entityRef: refs[0],
        report: fakeReport(),
      });
      await outcomes.add({
        unchanged: false,
        etag: 'e',
        entityRef: refs[1],
        report: fakeReport(),
      });
      await outcomes.flush();

      expect(logger.warn).toHaveBeenCalledWith(
        `Lease on ${refs[1]} was lost before its result was stored`,
      );
      expect(await store.getSummary(refs[0], 2000)).toMatchObject({
        state: 'scanned',
      });
      expect(await store.getSummary(refs[1], 70_000)).toMatchObject({
        state: 'pending',
        scanning: true,
      });
    });

    it('logs a failed write and keeps going; the leases stay, so the entities are scanned again', async () => {
      const { store, refs, logger, written, batch } = await setup(2);
      written.mockRejectedValueOnce(new Error('connection lost'));
      const outcomes = batch(60_000);
      await outcomes.add({
        unchanged: false,
        etag: 'e',
        entityRef: refs[0],
        report: fakeReport(),
      });
      await outcomes.flush();
      await outcomes.add({
        unchanged: false,
        etag: 'e',
        entityRef: refs[1],
        report: fakeReport(),
      });
      await outcomes.flush();

      expect(logger.error).toHaveBeenCalledWith(
        'Could not store the results of 1 scans',
        expect.objectContaining({ message: 'connection lost' }),
      );
      expect(await store.getSummary(refs[0], 2000)).toMatchObject({
        state: 'pending',
        scanning: true,
      });
      expect(await store.getSummary(refs[1], 2000)).toMatchObject({
        state: 'scanned',
      });
    });
  },
);
