import {
  CheckResult,
  DEFAULT_MAX_FINDINGS_PER_CHECK,
  capFindings,
  findingTotal,
} from '@internal/plugin-go-scorecard-common';
import { TEXT_MAX_FINDINGS, findingsCapFor } from './findingsCap';

describe('findingsCapFor', () => {
  it('defaults to a screenful in text and the contract cap in JSON', () => {
    expect(findingsCapFor('text', undefined)).toBe(TEXT_MAX_FINDINGS);
    expect(TEXT_MAX_FINDINGS).toBe(10);
    expect(findingsCapFor('json', undefined)).toBe(
      DEFAULT_MAX_FINDINGS_PER_CHECK,
    );
  });

  it('takes --max-findings for text and JSON alike, 0 meaning no cap; SARIF is never capped', () => {
    expect(findingsCapFor('text', 25)).toBe(25);
    expect(findingsCapFor('json', 25)).toBe(25);
    expect(findingsCapFor('text', 0)).toBe(Infinity);
    expect(findingsCapFor('json', 0)).toBe(Infinity);
    expect(findingsCapFor('sarif', undefined)).toBe(Infinity);
    expect(findingsCapFor('sarif', 3)).toBe(Infinity);
  });

  it('is a cap capFindings accepts, keeping the true total', () => {
    const findings = Array.from({ length: 12 }, (_, i) => ({
      path: 'Makefile',
      line: i + 1,
      message: 'go get',
      snippet: 'go get github.com/x/cmd/tool',
    }));
    const report: { checks: CheckResult[] } = {
      checks: [
        {
          id: 'go-get-install',
          lesson: 1,
          severity: 'error',
          status: 'fail',
          findings,
        },
      ],
    };
    for (const format of ['text', 'json', 'sarif'] as const)
      for (const max of [undefined, 0, 1, 12]) {
        const [check] = capFindings(report, findingsCapFor(format, max)).checks;
        expect(findingTotal(check)).toBe(12);
        expect(check.findings.length).toBe(
          Math.min(12, findingsCapFor(format, max)),
        );
      }
  });
});
