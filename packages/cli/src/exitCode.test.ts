import { CheckResult, ScanReport } from '@internal/plugin-go-scorecard-common';
import { exitCode } from './exitCode';

const check = (
  severity: CheckResult['severity'],
  status: CheckResult['status'],
): CheckResult => ({
  id: `${severity}-${status}`,
  lesson: 1,
  severity,
  status,
  findings: [],
});
const report = (...checks: CheckResult[]): ScanReport => ({
  schemaVersion: 1,
  root: '.',
  checks,
});

describe('exitCode', () => {
  it('fails on a failed error check by default', () => {
    expect(exitCode(report(check('error', 'fail')), 'error')).toBe(1);
    expect(exitCode(report(check('warning', 'warn')), 'error')).toBe(0);
  });

  it('fails on warnings with --fail-on warning, never on info', () => {
    expect(exitCode(report(check('warning', 'warn')), 'warning')).toBe(1);
    expect(exitCode(report(check('info', 'warn')), 'warning')).toBe(0);
  });

  it('never fails with --fail-on never, nor for checks that could not analyze', () => {
    expect(exitCode(report(check('error', 'fail')), 'never')).toBe(0);
    expect(exitCode(report(check('error', 'error')), 'error')).toBe(0);
    expect(
      exitCode(
        report(check('error', 'pass'), check('error', 'not_applicable')),
        'warning',
      ),
    ).toBe(0);
  });

  it('does not fail on a check whose findings are all waived (the analyzer says pass)', () => {
    const waived: CheckResult = {
      ...check('error', 'pass'),
      findings: [
        {
          path: 'cmd/api/main.go',
          line: 3,
          message: 'srv.Close()',
          snippet: 'srv.Close()',
          waiver: {
            reason: 'batch job',
            expires: '2027-03-31',
            source: '.go-scorecard.yaml:2',
          },
        },
      ],
    };
    expect(exitCode(report(waived), 'warning')).toBe(0);
  });
});
