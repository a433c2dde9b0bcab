import {
  CheckResult,
  CheckStatus,
  ScanReport,
  checks,
} from '@internal/plugin-go-scorecard-common';

/** A report with every check of the catalog: `pass` unless `statuses` says otherwise. */
export function fakeReport(
  statuses: Record<string, CheckStatus> = {},
  root = 'fixture',
): ScanReport {
  return {
    schemaVersion: 1,
    root,
    checks: checks.map((c): CheckResult => {
      const status = statuses[c.id] ?? 'pass';
      return {
        id: c.id,
        lesson: c.lesson,
        severity: c.severity,
        status,
        findings:
          status === 'fail' || status === 'warn'
            ? [
                {
                  path: 'main.go',
                  line: 3,
                  message: `${c.id} found`,
                  snippet: 'x := 1',
                },
              ]
            : [],
      };
    }),
  };
}
