import {
  CheckResult,
  ScanReport,
  checks as catalog,
} from '@internal/plugin-go-scorecard-common';
import { undecidedWarning } from './undecidedWarning';

const report = (errors: string[]): ScanReport => ({
  schemaVersion: 1,
  root: 'svc',
  checks: catalog.map(
    (c): CheckResult => ({
      id: c.id,
      lesson: c.lesson,
      severity: c.severity,
      status: errors.includes(c.id) ? 'error' : 'pass',
      findings: [],
    }),
  ),
});

describe('undecidedWarning', () => {
  it('names the checks in status error, in the right number', () => {
    expect(undecidedWarning(report(['k8s-prestop']))).toBe(
      'go-scorecard: 1 check could not analyze its input (status error, not counted in the exit code): k8s-prestop\n',
    );
    expect(undecidedWarning(report(['k8s-prestop', 'k8s-grace-period']))).toBe(
      'go-scorecard: 2 checks could not analyze their input (status error, not counted in the exit code): k8s-prestop, k8s-grace-period\n',
    );
  });

  it('is empty when every check could judge', () => {
    expect(undecidedWarning(report([]))).toBe('');
  });
});
