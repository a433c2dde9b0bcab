import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { checks, Report } from '@internal/plugin-go-scorecard-common';
import { buildReport } from '../__testUtils__/buildReport';
import { storeWorld, WorldEntity } from '../__testUtils__/reportWorld';
import { createTestStore } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { queryReport } from './queryReport';
import { ReportQuery } from './ReportQuery';
import { queryReportCsv } from './queryReportCsv';
import { reportCsv } from './reportCsv';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);

function scanned(
  name: string,
  statuses: Record<string, 'pass' | 'fail'> = {},
): WorldEntity {
  return {
    target: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      namespace: 'default',
      name,
      owner: 'group:default/team-a',
    },
    scan: {
      state: 'scanned',
      at: 1000,
      statuses: Object.fromEntries(
        checks.map(c => [c.id, statuses[c.id] ?? 'pass']),
      ),
    },
  };
}

/** A scanned tree without Go (the Next.js example): every Go code check says "no go.mod". */
function notGo(name: string): WorldEntity {
  const entity = scanned(name);
  return {
    ...entity,
    target: { ...entity.target, owner: 'group:default/team-web' },
    scan: { ...(entity.scan as object), notGo: true } as WorldEntity['scan'],
  };
}

/** An entity whose source was refused: as the store lists it after `failScan`. */
function failed(name: string, error: string): WorldEntity {
  return {
    target: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      namespace: 'default',
      name,
      owner: 'group:default/team-b',
    },
    scan: { state: 'failed', error },
  };
}

const everything: ReportQuery = {
  orderBy: 'entity',
  order: 'asc',
  offset: 0,
  limit: 100,
};

const world = [
  scanned('ok'),
  scanned('failing', { 'go-get-install': 'fail' }),
  failed(
    'refused',
    'dir:../secret is outside the allowed goScorecard.localRoots',
  ),
  notGo('web-frontend'),
];
const readable = new Set(world.map(e => e.target.entityRef));

/**
 * The same expectations of the report in SQL on each database and of the JavaScript
 * report it replaced (the oracle of queryReport.compare.test.ts).
 */
describe.each([
  'JavaScript oracle',
  ...databases.eachSupportedId().map(([id]) => id),
])('the report on %p', target => {
  let build: (query: ReportQuery) => Promise<Report>;
  let csv: (query: ReportQuery) => Promise<string>;

  beforeAll(async () => {
    const id = (
      target === 'JavaScript oracle' ? 'SQLITE_3' : target
    ) as TestDatabaseId;
    const { store } = await createTestStore(databases, id);
    await storeWorld(store, world);
    const summaries = await store.listSummaries(2000);
    build =
      target === 'JavaScript oracle'
        ? async query => buildReport(summaries, readable, query)
        : query => queryReport(store, readable, query);
    csv =
      target === 'JavaScript oracle'
        ? async query =>
            reportCsv(buildReport(summaries, readable, query).items)
        : query => queryReportCsv(store, readable, query);
  });

  it('shows an entity whose scan failed as a row of errors with the reason', async () => {
    const report = await build(everything);
    const row = report.items.find(r => r.name === 'refused')!;
    expect(row).toMatchObject({
      state: 'failed',
      stale: false,
      error: expect.stringMatching(/outside the allowed/),
      counts: { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 18 },
    });
    expect(row.score).toBeUndefined();
    expect(Object.values(row.checks)).toEqual(checks.map(() => 'error'));
    expect(row.lessons).toEqual({
      '1': 'error',
      '2': 'error',
      '3': 'error',
      '4': 'error',
      '5': 'error',
    });
  });

  it('finds failed entities with status=error, within a lesson or check scope too', async () => {
    const names = async (query: Partial<ReportQuery>) =>
      (await build({ ...everything, ...query })).items.map(r => r.name);
    expect(await names({ statuses: ['error'] })).toEqual(['refused']);
    expect(await names({ statuses: ['error'], lesson: 4 })).toEqual([
      'refused',
    ]);
    expect(
      await names({ statuses: ['error'], check: 'context-cancel-discarded' }),
    ).toEqual(['refused']);
    expect(await names({ statuses: ['fail'] })).toEqual(['failing']);
    // No results, nothing stale: the entity failed.
    expect(await names({ statuses: ['stale'] })).toEqual([]);

    const scoped = (
      await build({
        ...everything,
        check: 'go-get-install',
        statuses: ['error'],
      })
    ).items[0];
    expect(scoped.checks).toEqual({ 'go-get-install': 'error' });
    expect(scoped.counts.error).toBe(1);
  });

  it('counts failed entities next to the score, which leaves them out', async () => {
    const { aggregates } = await build(everything);
    expect(aggregates.entities).toBe(3);
    expect(aggregates.failedEntities).toBe(1);
    // The failed entity's 18 checks are errors; the score is that of the two scanned ones.
    expect(aggregates.counts).toEqual({
      pass: 35,
      warn: 0,
      fail: 1,
      notApplicable: 0,
      error: 18,
    });
    expect(aggregates.score).toBe(97);
    expect(
      aggregates.byOwner.map(o => [o.owner, o.entities, o.failedEntities]),
    ).toEqual([
      ['group:default/team-a', 2, 0],
      ['group:default/team-b', 1, 1],
    ]);
    // Per lesson, a failed entity is an `error` entity: compliance counts it as not passing.
    for (const lesson of aggregates.byLesson) {
      expect(lesson.entities.error).toBe(1);
    }
    const only = (await build({ ...everything, statuses: ['pass'] }))
      .aggregates;
    expect(only.failedEntities).toBe(0);
  });

  it('writes failed entities to CSV as in the JSON rows', async () => {
    const { items } = await build({ ...everything, statuses: ['error'] });
    const [header, line] = reportCsv(items, ['go-get-install'])
      .trim()
      .split('\r\n')
      .map(l => l.split(','));
    const cell = (name: string) => line[header.indexOf(name)];
    expect(cell('entityRef')).toBe('component:default/refused');
    expect(cell('state')).toBe('failed');
    expect(cell('error')).toMatch(/outside the allowed/);
    expect(cell('score')).toBe('');
    expect(cell('errors')).toBe('18');
    expect(cell('go-get-install')).toBe('error');
  });
  it('leaves a non-Go service out of the rows, the score and every aggregate', async () => {
    const report = await build(everything);
    expect(report.items.map(r => r.name)).toEqual(['failing', 'ok', 'refused']);
    expect(report.totalItems).toBe(3);
    expect(report.aggregates.entities).toBe(3);
    expect(report.aggregates.notGoEntities).toBe(0);
    expect(report.aggregates.score).toBe(97);
    expect(report.aggregates.byOwner.map(o => o.owner)).toEqual([
      'group:default/team-a',
      'group:default/team-b',
    ]);
    for (const lesson of report.aggregates.byLesson) {
      expect(Object.values(lesson.entities).reduce((a, b) => a + b, 0)).toBe(3);
    }
  });

  it('lists non-Go services as such, without a score, when the status filter asks', async () => {
    const report = await build({ ...everything, statuses: ['not_go'] });
    expect(report.items.map(r => [r.name, r.goService, r.score])).toEqual([
      ['web-frontend', false, undefined],
    ]);
    expect(report.totalItems).toBe(1);
    expect(report.aggregates).toMatchObject({
      entities: 0,
      notGoEntities: 1,
      counts: { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 0 },
    });
    expect(report.aggregates.score).toBeUndefined();
    expect(report.aggregates.byOwner).toEqual([
      expect.objectContaining({
        owner: 'group:default/team-web',
        entities: 0,
        notGoEntities: 1,
      }),
    ]);
    const mixed = await build({ ...everything, statuses: ['fail', 'not_go'] });
    expect(mixed.items.map(r => r.name)).toEqual(['failing', 'web-frontend']);
    expect(mixed.aggregates.entities).toBe(1);
    expect(mixed.aggregates.notGoEntities).toBe(1);
    expect(mixed.totalItems).toBe(2);
  });

  it("writes the entity's name to the CSV's title cell when it has no title", async () => {
    const [header, ...lines] = (await csv(everything))
      .trim()
      .split('\r\n')
      .map(l => l.split(','));
    expect(lines.map(l => l[header.indexOf('title')])).toEqual([
      'failing',
      'ok',
      'refused',
    ]);
  });
});
