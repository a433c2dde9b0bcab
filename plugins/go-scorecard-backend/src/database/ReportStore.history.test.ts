import { TestDatabases } from '@backstage/backend-test-utils';
import { CheckStatus } from '@internal/plugin-go-scorecard-common';
import { reportWith } from '../__testUtils__/reportWorld';
import { fakeReport } from '../__testUtils__/reports';
import { createTestStore, testTarget as target } from '../__testUtils__/stores';
import { EVERY_ENTITY } from '../__testUtils__/everyEntity';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { ReportQuery } from '../report/ReportQuery';
import { DAY_MS } from './conversion';
import { ScorecardStore } from './ScorecardStore';
import { HISTORY } from './tables';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

describe.each(databases.eachSupportedId())(
  'the report trend (ReportStore.queryHistory) on %p',
  databaseId => {
    let store: ScorecardStore;
    const readable = new Set(
      ['a', 'b', 'c', 'web'].map(n => `component:default/${n}`),
    );
    const scan = async (
      name: string,
      now: number,
      statuses: Record<string, CheckStatus>,
      notGo = false,
    ) => {
      const entityRef = `component:default/${name}`;
      await store.claimDue({
        owner: 'r1',
        now,
        limit: 1,
        leaseMs: 500,
        entityRef,
      });
      await store.completeScans(
        [
          {
            unchanged: false,
            etag: 'e',
            entityRef,
            report: notGo
              ? reportWith(
                  Object.fromEntries(
                    fakeReport().checks.map(c => [c.id, c.status]),
                  ),
                  true,
                )
              : fakeReport(statuses),
          },
        ],
        'r1',
        { now, nextScanAt: now + 1 },
      );
    };
    const points = async (query: Partial<ReportQuery> = {}, since = 0) =>
      (
        await store.queryHistory(readable, { ...EVERY_ENTITY, ...query }, since)
      ).map(p => [p.time, p.entities, p.counts.fail, p.score]);

    beforeAll(async () => {
      ({ store } = await createTestStore(databases, databaseId));
      await store.syncTargets(
        [
          target('a', { title: 'Payments API' }),
          target('b', { system: 'system:default/shop' }),
          target('c', { owner: 'group:default/team-b' }),
          target('web', { owner: 'group:default/team-b' }),
        ],
        1000,
      );
      await scan('a', 1000, { 'k8s-prestop': 'fail' });
      await scan('b', 2000, {});
      await scan('web', 2500, {}, true);
      await scan('a', DAY_MS + 1000, {});
      await scan('c', DAY_MS + 2000, { 'context-cancel-discarded': 'fail' });
      await scan('web', DAY_MS + 2500, {}, true);
    });

    it("sums each day's last scan of the entities the report lists, never a non-Go service", async () => {
      expect(await points()).toEqual([
        [0, 2, 1, 97],
        [DAY_MS, 2, 1, 97],
      ]);
      expect(await points({}, DAY_MS)).toEqual([[DAY_MS, 2, 1, 97]]);
      // Asked for, non-Go services are listed by the report but still not counted.
      expect(await points({ statuses: ['not_go'] })).toEqual([]);
    });

    it('filters by owner, system and text as the report does', async () => {
      expect(await points({ owners: ['group:default/team-b'] })).toEqual([
        [DAY_MS, 1, 1, 94],
      ]);
      expect(await points({ systems: ['system:default/shop'] })).toEqual([
        [0, 1, 0, 100],
      ]);
      expect(await points({ text: 'payments' })).toEqual([
        [0, 1, 1, 94],
        [DAY_MS, 1, 0, 100],
      ]);
    });

    it('filters by the status as of now, and counts within a lesson or check scope', async () => {
      // Only c fails now: its history, not a's failing day.
      expect(await points({ statuses: ['fail'] })).toEqual([
        [DAY_MS, 1, 1, 94],
      ]);
      expect(await points({ check: 'k8s-prestop' })).toEqual([
        [0, 2, 1, 50],
        [DAY_MS, 2, 0, 100],
      ]);
      const lesson = await store.queryHistory(
        readable,
        { ...EVERY_ENTITY, lesson: 4 },
        0,
      );
      expect(lesson.map(p => p.counts.fail)).toEqual([0, 1]);
    });

    it('leaves rows kept before their status masks out of a scoped trend only', async () => {
      const { knex } = await createTestStore(databases, databaseId);
      const own = ScorecardStore.fromKnex(knex);
      await own.syncTargets([target('a')], 1000);
      const saved = store;
      store = own;
      await scan('a', 1000, { 'k8s-prestop': 'fail' });
      store = saved;
      await knex(HISTORY).update({ pass_bits: null, fail_bits: null });
      const one = new Set(['component:default/a']);
      expect(
        (await own.queryHistory(one, EVERY_ENTITY, 0)).map(p => p.counts.fail),
      ).toEqual([1]);
      expect(
        await own.queryHistory(
          one,
          { ...EVERY_ENTITY, check: 'k8s-prestop' },
          0,
        ),
      ).toEqual([]);
    });
  },
);
