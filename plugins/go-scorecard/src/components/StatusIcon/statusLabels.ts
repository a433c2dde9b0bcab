import { CheckStatus } from '@internal/plugin-go-scorecard-common';

/** The words for each check status, for screen readers and tooltips. */
export const statusLabels: Record<CheckStatus, string> = {
  pass: 'Passed',
  warn: 'Warning',
  fail: 'Failed',
  not_applicable: 'Not applicable',
  error: 'Error',
};
