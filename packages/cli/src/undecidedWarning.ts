import {
  ScanReport,
  countOf,
  nounFor,
} from '@internal/plugin-go-scorecard-common';

/**
 * A line for stderr naming the checks that could not analyze their input (status `error`):
 * they set no exit code (design.md, CLI contract), so a CI log must still show them.
 */
export function undecidedWarning(report: ScanReport): string {
  const errors = report.checks.filter(c => c.status === 'error').map(c => c.id);
  if (!errors.length) return '';
  return `go-scorecard: ${countOf(
    errors.length,
    'check',
  )} could not analyze ${nounFor(
    errors.length,
    'its',
    'their',
  )} input (status error, not counted in the exit code): ${errors.join(
    ', ',
  )}\n`;
}
