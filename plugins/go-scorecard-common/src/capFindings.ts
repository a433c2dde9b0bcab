import { CappedCheckResult, CheckResult, Finding } from './types';

/** The findings a check's result is allowed to carry when nothing else is configured. */
export const DEFAULT_MAX_FINDINGS_PER_CHECK = 100;

/** Findings in file/line order, as the analyzer reports them. */
function byPlace(a: Finding, b: Finding): number {
  return a.path.localeCompare(b.path) || a.line - b.line;
}

/**
 * Caps each check's `findings` to the first `maxPerCheck` in file/line order and sets
 * `totalFindings` to the true number, for every check. The status is left as decided on
 * the full set, so a capped check still fails. A result that was capped before keeps its
 * `totalFindings`. `maxPerCheck` is a positive integer, or `Infinity` for no cap (the
 * checks then only gain `totalFindings`). Returns a copy; the input is not changed.
 */
export function capFindings<T extends { checks: CheckResult[] }>(
  report: T,
  maxPerCheck: number,
): Omit<T, 'checks'> & { checks: CappedCheckResult[] } {
  if (
    maxPerCheck !== Infinity &&
    (!Number.isInteger(maxPerCheck) || maxPerCheck < 1)
  ) {
    throw new RangeError(
      `maxPerCheck must be a positive integer or Infinity, got ${maxPerCheck}`,
    );
  }
  return {
    ...report,
    checks: report.checks.map(check => {
      const totalFindings = check.totalFindings ?? check.findings.length;
      const findings =
        check.findings.length > maxPerCheck
          ? [...check.findings].sort(byPlace).slice(0, maxPerCheck)
          : check.findings;
      return { ...check, findings, totalFindings };
    }),
  };
}

/** The true number of a check's findings: `totalFindings` when capped, else the list's length. */
export function findingTotal(check: CheckResult): number {
  return check.totalFindings ?? check.findings.length;
}

/**
 * How many of a check's findings are waived: `waivedFindings` (the analyzer counts them all,
 * also when the list is capped), else the listed findings that carry a waiver.
 */
export function waivedTotal(
  check: Pick<CheckResult, 'findings' | 'waivedFindings'>,
): number {
  return check.waivedFindings ?? check.findings.filter(f => f.waiver).length;
}
