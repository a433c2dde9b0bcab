import { StatusCounts } from './api';
import { CheckStatus } from './types';

/*
 * Scoring, the one definition the CLI, the backend (store, report) and the frontend share.
 *
 * The score is the passed share of the checks that apply and could judge:
 * pass / (pass + warn + fail). `not_applicable` is not in it (the check does not apply),
 * and neither is `error` (the check could not judge: it is counted and shown beside the
 * score, as entities whose scan failed are).
 */

/**
 * Every check status, worst first: fail, error, warn, pass, not_applicable. Sorting,
 * "worst of" and aggregation use this one order.
 */
export const statusesWorstFirst: readonly CheckStatus[] = Object.freeze([
  'fail',
  'error',
  'warn',
  'pass',
  'not_applicable',
]);

/**
 * Orders two statuses worst first: negative when `a` is worse than `b`, 0 when equal.
 * Use as a sort comparator.
 */
export function compareStatuses(a: CheckStatus, b: CheckStatus): number {
  return statusesWorstFirst.indexOf(a) - statusesWorstFirst.indexOf(b);
}

/** The worse of two statuses (see {@link statusesWorstFirst}). */
export function worseStatus(a: CheckStatus, b: CheckStatus): CheckStatus {
  return compareStatuses(a, b) <= 0 ? a : b;
}

/**
 * The worst of the statuses (fail > error > warn > pass > not_applicable);
 * `not_applicable` when there are none.
 */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'not_applicable';
  for (const status of statuses) worst = worseStatus(worst, status);
  return worst;
}

/** Counts with every status at zero. */
export function emptyCounts(): StatusCounts {
  return { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 0 };
}

/** Adds one `status` to `counts` (in place) and returns `counts`. */
export function addStatus(
  counts: StatusCounts,
  status: CheckStatus,
): StatusCounts {
  if (status === 'not_applicable') counts.notApplicable++;
  else counts[status]++;
  return counts;
}

/** Adds `from` to `into` (in place) and returns `into`. */
export function addCounts(
  into: StatusCounts,
  from: StatusCounts,
): StatusCounts {
  into.pass += from.pass;
  into.warn += from.warn;
  into.fail += from.fail;
  into.notApplicable += from.notApplicable;
  into.error += from.error;
  return into;
}

/** Counts the statuses of check results (a scan's checks, or any `{ status }` list). */
export function countStatuses(
  results: Iterable<{ status: CheckStatus }>,
): StatusCounts {
  const counts = emptyCounts();
  for (const r of results) addStatus(counts, r.status);
  return counts;
}

/**
 * The checks the score is taken over: pass + warn + fail. Neither `not_applicable` nor
 * `error` (the check could not judge) is applicable.
 */
export function applicableOf(counts: StatusCounts): number {
  return counts.pass + counts.warn + counts.fail;
}

/**
 * The score: passed share of the applicable checks (pass / (pass + warn + fail)), rounded
 * to a whole percent, 0–100; undefined when no check is applicable. `error` checks are
 * not in it; show `counts.error` beside it.
 */
export function scoreOf(counts: StatusCounts): number | undefined {
  const applicable = applicableOf(counts);
  return applicable ? Math.round((100 * counts.pass) / applicable) : undefined;
}
