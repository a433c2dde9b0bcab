import { CheckResult, Finding } from '@internal/plugin-go-scorecard-common';
import { daysUntil, expiryNotice, splitWaived } from './waivers';

const waiver = {
  reason: 'batch worker, serves no traffic',
  expires: '2027-03-31',
  source: '.go-scorecard.yaml:4',
};
const finding = (line: number, waived = false): Finding => ({
  path: 'deploy/worker.yaml',
  line,
  message: 'no preStop hook',
  snippet: 'containers:',
  ...(waived ? { waiver } : {}),
});
const check = (over: Partial<CheckResult>): CheckResult => ({
  id: 'k8s-prestop',
  lesson: 5,
  severity: 'warning',
  status: 'warn',
  findings: [],
  ...over,
});

describe('splitWaived', () => {
  it('splits a complete list by waiver', () => {
    const split = splitWaived(
      check({ findings: [finding(1), finding(2, true), finding(3, true)] }),
    );
    expect(split.counted).toBe(1);
    expect(split.waived).toBe(2);
    expect(split.countedShown.map(f => f.line)).toEqual([1]);
    expect(split.waivedShown.map(f => f.line)).toEqual([2, 3]);
  });

  it("takes the waived total of a capped list from the analyzer's count", () => {
    const split = splitWaived(
      check({
        findings: [finding(1), finding(2, true)],
        totalFindings: 2_000,
        waivedFindings: 1_500,
      }),
    );
    expect(split).toMatchObject({ counted: 500, waived: 1_500 });
  });

  it('counts what it sees of a capped list without that count', () => {
    const split = splitWaived(
      check({ findings: [finding(1), finding(2, true)], totalFindings: 10 }),
    );
    expect(split).toMatchObject({ counted: 9, waived: 1 });
  });
});

describe('daysUntil and expiryNotice', () => {
  const now = Date.parse('2027-03-01T22:30:00Z');
  it('counts whole UTC days', () => {
    expect(daysUntil('2027-03-01', now)).toBe(0);
    expect(daysUntil('2027-03-31', now)).toBe(30);
    expect(daysUntil('2027-02-28', now)).toBe(-1);
    expect(daysUntil('soon', now)).toBeUndefined();
  });
  it('speaks only within 30 days, and of a waiver past its day', () => {
    expect(expiryNotice('2027-04-01', now)).toBeUndefined();
    expect(expiryNotice('2027-03-31', now)).toBe('expires in 30 days');
    expect(expiryNotice('2027-03-02', now)).toBe('expires in 1 day');
    expect(expiryNotice('2027-03-01', now)).toBe('expires at the end of today');
    expect(expiryNotice('2027-02-27', now)).toBe(
      'expired on 2027-02-27; counts again from the next scan',
    );
  });
});
