import { CheckStatus } from '@internal/plugin-go-scorecard-common';

/** Whether a check of an entity got worse or better between two scans. */
export type StatusChangeKind = 'regression' | 'improvement';

/** What the rule compares of one check's result: its status and finding counts. */
export interface CheckState {
  status: CheckStatus;
  /** Every finding of the check, waived or not. */
  findings: number;
  /** The findings a waiver of `.go-scorecard.yaml` covers. */
  waived: number;
}

/** How one check's result changed between two scans of an entity. */
export interface CheckStatusChange {
  kind: StatusChangeKind;
  from: CheckStatus;
  to: CheckStatus;
  /** True when fewer findings are waived than before and more count: a waiver ran out. */
  waiverExpired: boolean;
}

/** A status change of one check of one entity, as recorded for the owner's digest. */
export interface StatusChange extends CheckStatusChange {
  entityRef: string;
  checkId: string;
  /** The entity's owner ref when the change was seen; undefined for an entity without one. */
  owner?: string;
  /** Time of the scan that changed the status (epoch ms). */
  detectedAt: number;
  /** The new result's first finding no waiver covers, `path:line`, when it has one. */
  finding?: string;
}

const GOOD: readonly CheckStatus[] = ['pass', 'not_applicable'];
const BAD: readonly CheckStatus[] = ['fail', 'warn'];

/**
 * The change of one check between the previous analysis and this one (issue 16, item 1):
 * pass or not_applicable to fail or warn is a regression; a check that fails or warns
 * both times regresses when a waiver ran out (fewer waived findings, more that count);
 * fail or warn to pass is an improvement. Without a previous result (first scan, or a
 * check new to the catalog) there is no baseline and no change; `error` either side is
 * no change (the check could not run).
 */
export function checkStatusChange(
  previous: CheckState | undefined,
  next: CheckState,
): CheckStatusChange | undefined {
  if (!previous) return undefined;
  const from = previous.status;
  const to = next.status;
  const waiverExpired =
    next.waived < previous.waived &&
    next.findings - next.waived > previous.findings - previous.waived;
  if (BAD.includes(to) && (GOOD.includes(from) || BAD.includes(from))) {
    if (GOOD.includes(from) || waiverExpired) {
      return { kind: 'regression', from, to, waiverExpired };
    }
    return undefined;
  }
  if (BAD.includes(from) && to === 'pass') {
    return { kind: 'improvement', from, to, waiverExpired: false };
  }
  return undefined;
}
