import { CheckAggregate } from '../../api/types';

/**
 * The checks failing on the most services (then warning), at most `count`, only those with
 * any. `error` (the check could not judge) is not a failure here, as it is not in the score.
 */
export function worstChecks(
  byCheck: CheckAggregate[],
  count = 3,
): CheckAggregate[] {
  return byCheck
    .filter(c => c.counts.fail + c.counts.warn > 0)
    .sort(
      (a, b) =>
        b.counts.fail - a.counts.fail ||
        b.counts.warn - a.counts.warn ||
        a.id.localeCompare(b.id),
    )
    .slice(0, count);
}
