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
  waived: Record<string, string[]> = {},
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
      waived,
    },
  };
}

const everything: ReportQuery = {
  orderBy: 'entity',
  order: 'asc',
  offset: 0,
  limit: 100,
};

const world: WorldEntity[] = [
  scanned('clean'),
  // Passes only by its waivers: two findings of one check, one of another.
  scanned('waiving', {
    'k8s-grace-period': ['2027-01-15', '2027-03-01'],
    'grpc-deprecated-dial': ['2026-12-10'],
  }),
  scanned(
    'failing-and-waiving',
    { 'k8s-prestop': ['2027-06-30'] },
    { 'go-get-install': 'fail' },
  ),
  {
    target: {
      entityRef: 'component:default/pending',
      kind: 'Component',
      namespace: 'default',
      name: 'pending',
      owner: 'group:default/team-b',
    },
    scan: { state: 'pending' },
  },
];
const readable = new Set(world.map(e => e.target.entityRef));

describe.each([
  'JavaScript oracle',
  ...databases.eachSupportedId().map(([id]) => id),
])('waived findings in the report on %p', target => {
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
            reportCsv(
              buildReport(summaries, readable, query).items,
              checks
                .filter(c => !query.check || c.id === query.check)
                .map(c => c.id),
            )
        : query => queryReportCsv(store, readable, query);
  });

  it('gives each row its waived findings, over every check whatever the scope', async () => {
    const waived = (report: Report) =>
      report.items.map(r => [r.name, r.waived]);
    expect(waived(await build(everything))).toEqual([
      ['clean', 0],
      ['failing-and-waiving', 1],
      ['pending', 0],
      ['waiving', 3],
    ]);
    expect(
      waived(await build({ ...everything, check: 'go-get-install' })),
    ).toEqual([
      ['clean', 0],
      ['failing-and-waiving', 1],
      ['pending', 0],
      ['waiving', 3],
    ]);
  });

  it('finds services with at least one waived finding with status=waived, alone or with others', async () => {
    const names = async (query: Partial<ReportQuery>) =>
      (await build({ ...everything, ...query })).items.map(r => r.name);
    expect(await names({ statuses: ['waived'] })).toEqual([
      'failing-and-waiving',
      'waiving',
    ]);
    expect(await names({ statuses: ['waived', 'pending'] })).toEqual([
      'failing-and-waiving',
      'pending',
      'waiving',
    ]);
    expect(await names({ statuses: ['fail'] })).toEqual([
      'failing-and-waiving',
    ]);
    const report = await build({ ...everything, statuses: ['waived'] });
    expect(report.totalItems).toBe(2);
    expect(report.aggregates.entities).toBe(2);
    // A check whose findings are all waived passes: the waiving service scores 100.
    expect(report.items.find(r => r.name === 'waiving')!.score).toBe(100);
  });

  it('writes the waived count after the checks, before the impact (the last column)', async () => {
    const [header, ...lines] = (await csv(everything))
      .trim()
      .split('\r\n')
      .map(l => l.split(','));
    expect(header.slice(-2)).toEqual(['waived', 'impact']);
    expect(header.length).toBe(15 + checks.length + 2);
    expect(lines.map(l => [l[0], l[l.length - 2], l[l.length - 1]])).toEqual([
      ['component:default/clean', '0', '0'],
      ['component:default/failing-and-waiving', '1', '0'],
      ['component:default/pending', '0', '0'],
      ['component:default/waiving', '3', '0'],
    ]);
    const [scopedHeader, ...scoped] = (
      await csv({ ...everything, check: 'k8s-prestop', statuses: ['waived'] })
    )
      .trim()
      .split('\r\n')
      .map(l => l.split(','));
    expect(scopedHeader.slice(-3)).toEqual(['k8s-prestop', 'waived', 'impact']);
    expect(scoped.map(l => l.slice(-3))).toEqual([
      ['pass', '1', '0'],
      ['pass', '3', '0'],
    ]);
  });
});
