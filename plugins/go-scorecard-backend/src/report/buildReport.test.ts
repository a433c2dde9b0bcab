import {
  checks,
  countStatuses,
  scoreOf,
} from '@internal/plugin-go-scorecard-common';
import { fakeReport } from '../__testUtils__/reports';
import { EntitySummary } from '../database/types';
import { buildReport } from './buildReport';
import { ReportQuery } from './ReportQuery';
import { reportCsv } from './reportCsv';

function scanned(
  name: string,
  statuses: Parameters<typeof fakeReport>[0] = {},
): EntitySummary {
  const report = fakeReport(statuses);
  const counts = countStatuses(report.checks);
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/team-a',
    state: 'scanned',
    scannedAt: 1000,
    nextScanAt: 2000,
    stale: false,
    scanning: false,
    counts,
    score: scoreOf(counts),
    checkStatuses: Object.fromEntries(report.checks.map(c => [c.id, c.status])),
  };
}

/** An entity whose source was refused: as the store lists it after `failScan`. */
function failed(name: string, error: string): EntitySummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/team-b',
    state: 'failed',
    nextScanAt: 2000,
    stale: true,
    error,
    scanning: false,
    counts: { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 0 },
    checkStatuses: {},
  };
}

const everything: ReportQuery = {
  orderBy: 'entity',
  order: 'asc',
  offset: 0,
  limit: 100,
};

describe('buildReport', () => {
  const summaries = [
    scanned('ok'),
    scanned('failing', { 'go-get-install': 'fail' }),
    failed(
      'refused',
      'dir:../secret is outside the allowed goScorecard.localRoots',
    ),
  ];
  const readable = new Set(summaries.map(s => s.entityRef));

  it('shows an entity whose scan failed as a row of errors with the reason', () => {
    const report = buildReport(summaries, readable, everything);
    const row = report.items.find(r => r.name === 'refused')!;
    expect(row).toMatchObject({
      state: 'failed',
      stale: true,
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

  it('finds failed entities with status=error, within a lesson or check scope too', () => {
    const names = (query: Partial<ReportQuery>) =>
      buildReport(summaries, readable, { ...everything, ...query }).items.map(
        r => r.name,
      );
    expect(names({ statuses: ['error'] })).toEqual(['refused']);
    expect(names({ statuses: ['error'], lesson: 4 })).toEqual(['refused']);
    expect(
      names({ statuses: ['error'], check: 'context-cancel-discarded' }),
    ).toEqual(['refused']);
    expect(names({ statuses: ['fail'] })).toEqual(['failing']);
    expect(names({ statuses: ['stale'] })).toEqual(['refused']);

    const scoped = buildReport(summaries, readable, {
      ...everything,
      check: 'go-get-install',
      statuses: ['error'],
    }).items[0];
    expect(scoped.checks).toEqual({ 'go-get-install': 'error' });
    expect(scoped.counts.error).toBe(1);
  });

  it('counts failed entities next to the score, which leaves them out', () => {
    const { aggregates } = buildReport(summaries, readable, everything);
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
    const only = buildReport(summaries, readable, {
      ...everything,
      statuses: ['pass'],
    }).aggregates;
    expect(only.failedEntities).toBe(0);
  });

  it('writes failed entities to CSV as in the JSON rows', () => {
    const { items } = buildReport(summaries, readable, {
      ...everything,
      statuses: ['error'],
    });
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
});
