import { applicableOf } from '@internal/plugin-go-scorecard-common';
import { EntityResult, ScanNowResult } from '../../api/types';
import { shortRevision } from './ScorecardSummary';

const scoreText = (result: EntityResult) =>
  `${result.counts.pass}/${applicableOf(result.counts)}`;

/**
 * What "Scan now" did, from the results before and after: the source read and found
 * unchanged (only `checkedAt` moved, the results are those of the last analysis), or
 * analysed again (`scannedAt` moved), with the score before and after; or still running.
 *
 * @param before - the result the card showed when the scan was asked for, if any
 * @param after - the scan-now answer
 */
export function scanNowMessage(
  before: EntityResult | undefined,
  after: ScanNowResult,
): string {
  if (after.scan.state !== 'completed') {
    return `Scan ${after.scan.state}; these are the previous results until it finishes.`;
  }
  if (after.state === 'failed' || (after.stale && after.error)) {
    return 'Scan completed, but the source could not be read: see below.';
  }
  const revision = shortRevision(after);
  const at = revision ? ` (revision ${revision})` : '';
  if (before?.scannedAt && after.scannedAt === before.scannedAt) {
    return `Scan completed: the source is unchanged since the last analysis${at}, so the results are the same.`;
  }
  if (before?.scannedAt && before.state === 'scanned') {
    const was = scoreText(before);
    const now = scoreText(after);
    return `Scan completed: the source was analysed again${at}; ${
      was === now ? `still ${now}` : `now ${now}, was ${was}`
    } checks pass.`;
  }
  return `Scan completed: the source was analysed${at}.`;
}
