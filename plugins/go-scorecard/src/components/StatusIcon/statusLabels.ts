import { CheckStatus } from '@internal/plugin-go-scorecard-common';

/** The words for each check status, for screen readers and tooltips. */
export const statusLabels: Record<CheckStatus, string> = {
  pass: 'Passed',
  warn: 'Warning',
  fail: 'Failed',
  not_applicable: 'Not applicable',
  error: 'Error',
};

const worstFirst: CheckStatus[] = [
  'fail',
  'error',
  'warn',
  'pass',
  'not_applicable',
];

/** The worst of the statuses (fail > error > warn > pass > not applicable); `not_applicable` when empty. */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst = worstFirst.length - 1;
  for (const status of statuses) {
    worst = Math.min(worst, worstFirst.indexOf(status));
  }
  return worstFirst[worst];
}
