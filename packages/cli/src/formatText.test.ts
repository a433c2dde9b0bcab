import {
  CheckResult,
  ScanReport,
  checks as catalog,
  getCheck,
} from '@internal/plugin-go-scorecard-common';
import { formatText, scoreLine } from './formatText';

/** A report with every catalog check passing except the statuses given. */
function report(statuses: Record<string, Partial<CheckResult>>): ScanReport {
  return {
    schemaVersion: 1,
    root: 'svc',
    checks: catalog.map(c => ({
      id: c.id,
      lesson: c.lesson,
      severity: c.severity,
      status: 'pass',
      findings: [],
      ...statuses[c.id],
    })),
  };
}

const finding = (line: number) => ({
  path: 'cmd/api/main.go',
  line,
  message: 'srv.Close() drops in-flight requests',
  snippet: 'srv.Close()',
});

describe('formatText', () => {
  it('starts with a one-line legend of every mark', () => {
    const lines = formatText(report({}), { color: false }).split('\n');
    expect(lines[0]).toBe('Go Service Scorecard: svc');
    expect(lines[1]).toBe(
      'Legend: ✗ rule broken  ! warning  ✓ rule holds  – not applicable  ? could not check',
    );
  });

  it('prints each check as its mark, the rule its title states, the count and the id', () => {
    const out = formatText(
      report({
        'shutdown-no-sigterm': { status: 'pass' },
        'shutdown-http-close': {
          status: 'fail',
          findings: [finding(59), finding(80)],
        },
        'k8s-prestop': { status: 'warn', findings: [finding(19)] },
        'grpc-short-target': {
          status: 'not_applicable',
          message: 'no gRPC client',
        },
        'k8s-grace-period': {
          status: 'error',
          message: 'deploy.yaml is not YAML',
        },
      }),
      { color: false },
    );
    const title = (id: string) => getCheck(id)!.title;
    expect(title('shutdown-no-sigterm')).toBe('Handles SIGTERM');
    expect(out).toContain('\n  ✓ Handles SIGTERM  [shutdown-no-sigterm]\n');
    expect(out).toContain(
      `\n  ✗ ${title(
        'shutdown-http-close',
      )}: 2 findings  [shutdown-http-close]\n`,
    );
    expect(out).toContain(
      `\n  ! ${title('k8s-prestop')}: 1 finding  [k8s-prestop]\n`,
    );
    expect(out).toContain(
      `\n  – ${title(
        'grpc-short-target',
      )}  [grpc-short-target]\n      no gRPC client\n`,
    );
    expect(out).toContain(
      `\n  ? ${title(
        'k8s-grace-period',
      )}  [k8s-grace-period]\n      deploy.yaml is not YAML\n`,
    );
    expect(out).toContain(
      '\n      cmd/api/main.go:59  srv.Close() drops in-flight requests\n          srv.Close()\n',
    );
  });

  it('ends a capped list with how many more and how to see all', () => {
    const out = formatText(
      report({
        'shutdown-http-close': {
          status: 'fail',
          findings: [finding(1), finding(2)],
          totalFindings: 14,
        },
      }),
      { color: false },
    );
    expect(out).toContain(': 14 findings  [shutdown-http-close]\n');
    expect(out).toContain(
      '\n      … and 12 more findings; --max-findings 0 prints all\n',
    );
  });

  it('marks a waived finding with its day, reason and line, and counts the waived on the check line', () => {
    const waiver = {
      reason: 'batch worker, serves no traffic',
      expires: '2027-03-31',
      source: '.go-scorecard.yaml:3',
    };
    const out = formatText(
      {
        ...report({
          'shutdown-http-close': {
            status: 'fail',
            findings: [finding(59), { ...finding(80), waiver }],
            waivedFindings: 1,
          },
          'k8s-prestop': {
            status: 'pass',
            findings: [{ ...finding(19), waiver }],
            waivedFindings: 1,
          },
        }),
        notes: [
          {
            path: '.go-scorecard.yaml',
            message:
              'line 7: waiver for grpc-deprecated-dial expired on 2025-06-30; its findings count again',
          },
        ],
      },
      { color: false },
    );
    expect(out).toContain(': 2 findings, 1 waived  [shutdown-http-close]\n');
    expect(out).toContain(
      '\n      cmd/api/main.go:59  srv.Close() drops in-flight requests\n          srv.Close()\n      cmd/api/main.go:80',
    );
    expect(out).toContain(
      '\n      cmd/api/main.go:80  srv.Close() drops in-flight requests\n          srv.Close()\n          waived until 2027-03-31: batch worker, serves no traffic (.go-scorecard.yaml:3)\n',
    );
    expect(out).toContain(
      `\n  ✓ ${
        getCheck('k8s-prestop')!.title
      }: 1 finding, 1 waived  [k8s-prestop]\n`,
    );
    expect(out).toContain(
      '\nnote: .go-scorecard.yaml: line 7: waiver for grpc-deprecated-dial expired on 2025-06-30; its findings count again\n',
    );
  });

  it('counts the waived findings a capped list left out', () => {
    const out = formatText(
      report({
        'shutdown-http-close': {
          status: 'fail',
          findings: [finding(1)],
          totalFindings: 5,
          waivedFindings: 4,
        },
      }),
      { color: false },
    );
    expect(out).toContain(': 5 findings, 4 waived  [shutdown-http-close]\n');
  });

  it('colours the marks on a TTY, in the legend too', () => {
    const out = formatText(
      report({ 'k8s-prestop': { status: 'warn', findings: [finding(1)] } }),
      { color: true },
    );
    expect(out.split('\n')[1]).toContain('\u001b[31m✗\u001b[0m rule broken');
    expect(out).toContain('  \u001b[33m!\u001b[0m ');
  });
});

describe('scoreLine', () => {
  it('says 1 warning and 1 error, never "1 warnings"', () => {
    const line = scoreLine(
      report({
        'k8s-prestop': { status: 'warn' },
        'k8s-grace-period': { status: 'error' },
      }),
    );
    expect(line).toContain(', 1 warning, 1 error (not scored), ');
    expect(line).not.toMatch(/\b1 (warnings|errors)\b/);
  });

  it('counts in the right number when one check applies', () => {
    const one = report({});
    one.checks = one.checks.map((c, i) =>
      i ? { ...c, status: 'not_applicable' } : c,
    );
    expect(scoreLine(one)).toBe(
      `Score 100% (1/1 applicable check passed): 1 passed, 0 failed, 0 warnings, 0 errors (not scored), ${
        catalog.length - 1
      } not applicable`,
    );
  });
});
