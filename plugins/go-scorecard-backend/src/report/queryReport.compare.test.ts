import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  CheckStatus,
  checks,
  lessons,
  reportSortFields,
  reportStatusFilters,
} from '@internal/plugin-go-scorecard-common';
import { buildReport } from '../__testUtils__/buildReport';
import {
  random,
  randomWorld,
  reportWith,
  storeWorld,
  WorldEntity,
  worldDepartments,
  worldHierarchy,
  worldOwners,
  worldSystems,
} from '../__testUtils__/reportWorld';
import { createTestStore } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { DatabaseReportStore } from '../database/ReportStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { ENTITIES, EntityRow } from '../database/tables';
import { EntitySummary } from '../database/types';
import { queryReport } from './queryReport';
import { queryReportCsv } from './queryReportCsv';
import { ReportQuery } from './ReportQuery';
import { reportCsv } from './reportCsv';
import { reportScope } from './reportRow';

jest.setTimeout(120_000);

const databases = TestDatabases.create(testDatabaseOptions);

const redact = (error: string) => error.replace(/\/srv\/repos/, '<root>');

/** Random report queries: every filter, alone and combined, every sort, random pages. */
function randomQueries(n: number, seed: number): ReportQuery[] {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(rnd() * items.length)];
  const some = <T>(items: readonly T[]): T[] =>
    items.filter(() => rnd() < 0.3).slice(0, 1 + Math.floor(rnd() * 2));
  const texts = [
    'svc-0',
    'ü',
    'ÜBER',
    'team-b',
    'payments',
    'a',
    '-1',
    '%',
    '_',
  ];
  return Array.from({ length: n }, () => {
    const query: ReportQuery = {
      orderBy: pick(reportSortFields),
      order: pick(['asc', 'desc'] as const),
      offset: rnd() < 0.7 ? 0 : Math.floor(rnd() * 300),
      limit: pick([1, 5, 25, 50, 1000]),
    };
    if (rnd() < 0.25) {
      const owners = some([
        ...worldOwners.filter(o => o !== undefined),
        ...worldDepartments,
      ]);
      if (owners.length)
        query.owners = owners.map(o => o!.toLocaleLowerCase('en-US'));
    }
    if (rnd() < 0.2) {
      const systems = some(worldSystems.filter(s => s !== undefined));
      if (systems.length) query.systems = systems.map(s => s!);
    }
    if (rnd() < 0.35) query.lesson = pick(lessons).id;
    if (rnd() < 0.25) query.check = pick(checks).id;
    if (rnd() < 0.4) {
      const statuses = some(reportStatusFilters);
      if (statuses.length) query.statuses = statuses;
    }
    if (rnd() < 0.25) query.text = pick(texts).toLocaleLowerCase('en-US');
    return query;
  });
}

/** The stored CSV columns of an entity row (see `csvStateOf`). */
const CSV_COLUMNS = ['csv_state', 'csv_state_key', 'csv_state_at'] as const;

/**
 * Entities whose stored CSV columns (see `csvStateOf`) are not simply their first
 * scan's: some analyzed again with other statuses (the columns rewritten with them),
 * some of those by an earlier version (the columns left as they were), some as stored
 * before the columns existed (none), some written by a version with another check
 * catalog (another key, other cells). The CSV must give each its current cells.
 */
async function restateSome(
  store: ScorecardStore,
  knex: Knex,
  world: WorldEntity[],
): Promise<void> {
  const rnd = random(13);
  const analyzed = world.filter(
    e => e.scan.state === 'scanned' && !e.scan.staleError,
  );
  const again = analyzed.filter(() => rnd() < 0.2);
  const earlier = again
    .filter((_, i) => i % 2 === 0)
    .map(e => e.target.entityRef);
  const kept = await knex<EntityRow>(ENTITIES)
    .select('entity_ref', ...CSV_COLUMNS)
    .whereIn('entity_ref', earlier);
  const now = 1_800_000_000_000;
  const rotation: CheckStatus[] = [
    'pass',
    'warn',
    'fail',
    'not_applicable',
    'error',
  ];
  for (const e of again) {
    await store.claimDue({
      owner: 'again',
      now,
      limit: 1,
      leaseMs: 1,
      entityRef: e.target.entityRef,
    });
  }
  await store.completeScans(
    again.map(e => {
      const scan = e.scan as { statuses: Record<string, CheckStatus> };
      const statuses = Object.fromEntries(
        Object.entries(scan.statuses).map(([id, status]) => [
          id,
          rotation[(rotation.indexOf(status) + 1) % rotation.length],
        ]),
      );
      return {
        entityRef: e.target.entityRef,
        unchanged: false,
        report: reportWith(statuses),
        etag: 'again',
      };
    }),
    'again',
    { now, nextScanAt: now + 1 },
  );
  for (const { entity_ref, ...columns } of kept) {
    await knex<EntityRow>(ENTITIES).where({ entity_ref }).update(columns);
  }
  const rest = analyzed.filter(e => !again.includes(e));
  const refs = (from: number) =>
    rest.filter((_, i) => i % 5 === from).map(e => e.target.entityRef);
  await knex<EntityRow>(ENTITIES)
    .whereIn('entity_ref', refs(0))
    .update(Object.fromEntries(CSV_COLUMNS.map(c => [c, null])));
  await knex<EntityRow>(ENTITIES)
    .whereIn('entity_ref', refs(1))
    .update({ csv_state: 'not,these,cells', csv_state_key: 'another' });
}

describe.each(databases.eachSupportedId())(
  'the report in SQL against the JavaScript report on %p',
  databaseId => {
    const world = randomWorld(400, 7);
    const rnd = random(11);
    const readable = new Set(
      world.filter(() => rnd() < 0.85).map(e => e.target.entityRef),
    );
    let store: ScorecardStore;
    let knex: Knex;
    let summaries: EntitySummary[];

    beforeAll(async () => {
      ({ store, knex } = await createTestStore(databases, databaseId));
      await storeWorld(store, world);
      await restateSome(store, knex, world);
      await store.groups.replaceGroupDescendants(worldHierarchy.pairs());
      summaries = (await store.listSummaries()).map(s =>
        s.error ? { ...s, error: redact(s.error) } : s,
      );
    });

    it('gives the same report, byte for byte, for random queries', async () => {
      const queries: ReportQuery[] = [
        { orderBy: 'entity', order: 'asc', offset: 0, limit: 50 },
        // Each department rolled up, sorted by impact.
        ...worldDepartments.map(
          (owner): ReportQuery => ({
            owners: [owner],
            orderBy: 'impact',
            order: 'desc',
            offset: 0,
            limit: 50,
          }),
        ),
        ...randomQueries(300, 3),
      ];
      let nonEmpty = 0;
      const differing: { query: ReportQuery; actual: any; expected: any }[] =
        [];
      for (const query of queries) {
        const expected = JSON.stringify(
          buildReport(summaries, readable, query, worldHierarchy),
        );
        const actual = JSON.stringify(
          await queryReport(store, readable, query, { redact }),
        );
        if (actual !== expected) {
          differing.push({
            query,
            actual: JSON.parse(actual),
            expected: JSON.parse(expected),
          });
        }
        if (JSON.parse(expected).items.length) nonEmpty++;
      }
      // The first query that differs, and how; then that none does.
      expect(differing[0]?.actual).toEqual(differing[0]?.expected);
      expect(differing.map(d => d.query)).toEqual([]);
      // The queries find something most of the time: the comparison is not of empty pages.
      expect(nonEmpty).toBeGreaterThan(queries.length / 2);
    });

    it('gives the same CSV for random queries without a page', async () => {
      // Batches of 37 rows: the CSV is written across many cursor fetches.
      const batched = DatabaseReportStore.create({ knex, csvBatchSize: 37 });
      const queries: ReportQuery[] = [
        // The download as the report page asks for it, and by ref the other way.
        { orderBy: 'entity', order: 'asc', offset: 0, limit: 50 },
        { orderBy: 'entity', order: 'desc', offset: 0, limit: 50 },
        { orderBy: 'entity', order: 'asc', offset: 0, limit: 50, text: 'a' },
        ...randomQueries(40, 5),
      ];
      for (const [i, query] of queries.entries()) {
        const unpaged = { ...query, offset: 0, limit: Number.MAX_SAFE_INTEGER };
        const scope = reportScope(unpaged).map(c => c.id);
        const expected = reportCsv(
          buildReport(summaries, readable, unpaged, worldHierarchy).items,
          scope,
        );
        const actual = await queryReportCsv(
          i % 2 ? batched : store,
          readable,
          unpaged,
          redact,
        );
        expect({ query, csv: actual }).toEqual({ query, csv: expected });
      }
    });

    it('reads nothing the caller may not read', async () => {
      const report = await queryReport(store, new Set(), {
        orderBy: 'entity',
        order: 'asc',
        offset: 0,
        limit: 50,
      });
      expect(report.totalItems).toBe(0);
      expect(report.aggregates.byOwner).toEqual([]);
    });
  },
);
