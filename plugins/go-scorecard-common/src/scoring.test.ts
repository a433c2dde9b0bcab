import {
  addCounts,
  addStatus,
  applicableOf,
  compareStatuses,
  countStatuses,
  emptyCounts,
  scoreOf,
  statusesWorstFirst,
  worseStatus,
  worstStatus,
} from './scoring';
import { CheckStatus } from './types';

const of = (...statuses: CheckStatus[]) => statuses.map(status => ({ status }));

describe('scoring', () => {
  it('orders the statuses worst first', () => {
    expect(statusesWorstFirst).toEqual([
      'fail',
      'error',
      'warn',
      'pass',
      'not_applicable',
    ]);
    const shuffled: CheckStatus[] = [
      'pass',
      'not_applicable',
      'warn',
      'fail',
      'error',
    ];
    expect([...shuffled].sort(compareStatuses)).toEqual(statusesWorstFirst);
  });

  it('takes the worst of statuses; not_applicable when there are none', () => {
    expect(worstStatus([])).toBe('not_applicable');
    expect(worstStatus(['pass', 'not_applicable'])).toBe('pass');
    expect(worstStatus(['pass', 'warn', 'error'])).toBe('error');
    expect(worstStatus(['error', 'fail', 'pass'])).toBe('fail');
    expect(worseStatus('warn', 'pass')).toBe('warn');
    expect(worseStatus('pass', 'warn')).toBe('warn');
  });

  it('counts statuses, one field per status', () => {
    expect(
      countStatuses(
        of('pass', 'pass', 'warn', 'fail', 'not_applicable', 'error', 'error'),
      ),
    ).toEqual({ pass: 2, warn: 1, fail: 1, notApplicable: 1, error: 2 });
    expect(countStatuses([])).toEqual(emptyCounts());
    const counts = addStatus(emptyCounts(), 'not_applicable');
    expect(addCounts(counts, countStatuses(of('pass', 'error')))).toEqual({
      pass: 1,
      warn: 0,
      fail: 0,
      notApplicable: 1,
      error: 1,
    });
  });

  it('scores pass / (pass + warn + fail): error and not_applicable are not applicable', () => {
    const counts = countStatuses(
      of('pass', 'pass', 'pass', 'warn', 'fail', 'error', 'not_applicable'),
    );
    expect(applicableOf(counts)).toBe(5);
    expect(scoreOf(counts)).toBe(60);
    expect(scoreOf(countStatuses(of('pass', 'pass', 'fail')))).toBe(67);
    expect(scoreOf(countStatuses(of('error', 'not_applicable')))).toBe(
      undefined,
    );
    expect(scoreOf(emptyCounts())).toBe(undefined);
    expect(scoreOf(countStatuses(of('fail')))).toBe(0);
    expect(scoreOf(countStatuses(of('pass', 'error')))).toBe(100);
  });
});
