import { CheckResult, waivedTotal } from '@internal/plugin-go-scorecard-common';

/** How many of a check's findings are waived, and the earliest expiry among them. */
export interface WaivedFindings {
  /** The true number of waived findings, also when the listed findings are capped. */
  count: number;
  /** The earliest `expires` (YYYY-MM-DD) of the listed waived findings; undefined without any. */
  earliestExpiry?: string;
}

/**
 * The waived findings of a check result: their true number (`waivedTotal`, which the analyzer
 * counts also when the list is capped) and the earliest expiry among the listed ones. The
 * migration that added waived counts backfills with the same rule.
 */
export function waivedOf(
  check: Pick<CheckResult, 'findings' | 'waivedFindings'>,
): WaivedFindings {
  const count = waivedTotal(check);
  const earliestExpiry = check.findings
    .filter(f => f.waiver)
    .map(f => f.waiver!.expires)
    .sort()
    .at(0);
  return earliestExpiry ? { count, earliestExpiry } : { count };
}

/** The waived findings of a whole scan: the sum of the counts and the earliest expiry. */
export function waivedOfScan(
  checks: readonly Pick<CheckResult, 'findings' | 'waivedFindings'>[],
): WaivedFindings {
  let count = 0;
  let earliestExpiry: string | undefined;
  for (const c of checks) {
    const w = waivedOf(c);
    count += w.count;
    if (
      w.earliestExpiry &&
      (!earliestExpiry || w.earliestExpiry < earliestExpiry)
    ) {
      earliestExpiry = w.earliestExpiry;
    }
  }
  return earliestExpiry ? { count, earliestExpiry } : { count };
}
