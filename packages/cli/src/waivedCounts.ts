import { CheckResult } from '@internal/plugin-go-scorecard-common';

/**
 * The number of waived findings (those with a `waiver` from `.go-scorecard.yaml`) of each
 * check that has any, by check id. Count them before `capFindings`: a capped list may leave
 * some out.
 */
export function waivedCounts(report: {
  checks: readonly CheckResult[];
}): Map<string, number> {
  const counts = new Map<string, number>();
  for (const check of report.checks) {
    const n = check.findings.filter(f => f.waiver).length;
    if (n) counts.set(check.id, n);
  }
  return counts;
}
