import { capFindings, findingTotal } from './capFindings';
import { CheckResult, Finding, ScanReport } from './types';

function finding(path: string, line: number): Finding {
  return { path, line, message: 'm', snippet: 's' };
}

function check(id: string, findings: Finding[]): CheckResult {
  return {
    id,
    lesson: 1,
    severity: 'error',
    status: findings.length ? 'fail' : 'pass',
    findings,
  };
}

const makefile = Array.from({ length: 10_000 }, (_, i) =>
  finding('Makefile', i + 1),
);

const report: ScanReport = {
  schemaVersion: 1,
  root: '/srv/x',
  checks: [
    check('go-get-install', makefile),
    check('go-install-unpinned', [finding('b.go', 2), finding('a.go', 9)]),
    check('goleak-missing', []),
  ],
  notes: [{ path: 'big.bin', message: 'skipped' }],
};

describe('capFindings', () => {
  it('keeps the first findings of each check and the true total; the status stays', () => {
    const capped = capFindings(report, 100);
    const [big, small, none] = capped.checks;
    expect(big.findings).toHaveLength(100);
    expect(big.findings[0]).toEqual(finding('Makefile', 1));
    expect(big.findings[99]).toEqual(finding('Makefile', 100));
    expect(big.totalFindings).toBe(10_000);
    expect(big.status).toBe('fail');
    expect(small.findings).toBe(report.checks[1].findings);
    expect(small.totalFindings).toBe(2);
    expect(none.totalFindings).toBe(0);
    expect(capped.root).toBe('/srv/x');
    expect(capped.notes).toBe(report.notes);
  });

  it('keeps the first ones in file/line order', () => {
    const unordered = check('x', [
      finding('b.go', 1),
      finding('a.go', 7),
      finding('a.go', 3),
    ]);
    const [c] = capFindings({ checks: [unordered] }, 2).checks;
    expect(c.findings).toEqual([finding('a.go', 3), finding('a.go', 7)]);
    expect(c.totalFindings).toBe(3);
  });

  it('does not change its input', () => {
    capFindings(report, 1);
    expect(report.checks[0].findings).toHaveLength(10_000);
    expect(report.checks[0].totalFindings).toBeUndefined();
  });

  it('keeps the total of a result capped before', () => {
    const twice = capFindings(capFindings(report, 100), 10);
    expect(twice.checks[0].findings).toHaveLength(10);
    expect(twice.checks[0].totalFindings).toBe(10_000);
  });

  it('caps nothing with Infinity and rejects a cap that is not a positive integer', () => {
    const all = capFindings(report, Infinity);
    expect(all.checks[0].findings).toHaveLength(10_000);
    expect(all.checks[0].totalFindings).toBe(10_000);
    for (const bad of [0, -1, 1.5, NaN]) {
      expect(() => capFindings(report, bad)).toThrow(RangeError);
    }
  });
});

describe('findingTotal', () => {
  it('is totalFindings when set, else the number of findings', () => {
    expect(findingTotal(report.checks[1])).toBe(2);
    expect(findingTotal(capFindings(report, 5).checks[0])).toBe(10_000);
  });
});
