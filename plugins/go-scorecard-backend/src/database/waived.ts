import { CheckResult } from '@internal/plugin-go-scorecard-common';

/** The analyzer's words on a check whose findings are waived: "2 findings waived in .go-scorecard.yaml". */
const WAIVED_MESSAGE =
  /(?:^|; )(\d[\d,]*) findings? waived in \.go-scorecard\.yaml/;

/** How many of a check's findings are waived, and the earliest expiry among them. */
export interface WaivedFindings {
  /** The true number of waived findings, also when the listed findings are capped. */
  count: number;
  /** The earliest `expires` (YYYY-MM-DD) of the listed waived findings; undefined without any. */
  earliestExpiry?: string;
}

/**
 * The waived findings of a check result. When its findings are capped, the count comes
 * from the analyzer's message (it counts them all); without one, the listed waived
 * findings are all that is known. The migration that added waived counts backfills with
 * the same rule.
 */
export function waivedOf(
  check: Pick<CheckResult, 'findings' | 'message' | 'totalFindings'>,
): WaivedFindings {
  const waived = check.findings.filter(f => f.waiver);
  let count = waived.length;
  const total = check.totalFindings ?? check.findings.length;
  if (total > check.findings.length) {
    const said = WAIVED_MESSAGE.exec(check.message ?? '');
    const fromMessage = said ? Number(said[1].replace(/,/g, '')) : 0;
    count = Math.min(total, Math.max(count, fromMessage));
  }
  const earliestExpiry = waived
    .map(f => f.waiver!.expires)
    .sort()
    .at(0);
  return earliestExpiry ? { count, earliestExpiry } : { count };
}

/** The waived findings of a whole scan: the sum of the counts and the earliest expiry. */
export function waivedOfScan(
  checks: readonly Pick<
    CheckResult,
    'findings' | 'message' | 'totalFindings'
  >[],
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
