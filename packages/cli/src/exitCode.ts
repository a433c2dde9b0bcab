import { ScanReport } from '@internal/plugin-go-scorecard-common';
import { FailOn } from './args';

/**
 * 1 when a check at or above `failOn` failed (`error` checks with status fail; with
 * `warning`, also warning checks with status warn), else 0. Info checks never fail a
 * build, and neither does a check that could not analyze (status `error`). Waived findings
 * never fail a build: the analyzer's status counts only the unwaived ones.
 */
export function exitCode(report: ScanReport, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const failing = report.checks.some(
    c =>
      (c.severity === 'error' && c.status === 'fail') ||
      (failOn === 'warning' && c.severity === 'warning' && c.status === 'warn'),
  );
  return failing ? 1 : 0;
}
