import { waivedOf, waivedOfScan } from './waived';
import { waivedFinding } from '../__testUtils__/reportWorld';

const plain = { path: 'main.go', line: 1, message: 'm', snippet: 's' };

describe('waivedOf', () => {
  it('counts the waived findings and keeps the earliest expiry', () => {
    expect(
      waivedOf({
        findings: [
          plain,
          waivedFinding('2027-03-01'),
          waivedFinding('2026-12-31', 1),
        ],
      }),
    ).toEqual({ count: 2, earliestExpiry: '2026-12-31' });
    expect(waivedOf({ findings: [plain] })).toEqual({ count: 0 });
  });

  it("takes a capped list's waived total from the analyzer's count", () => {
    const findings = [waivedFinding('2027-01-01'), plain];
    expect(waivedOf({ findings, waivedFindings: 1200 })).toEqual({
      count: 1200,
      earliestExpiry: '2027-01-01',
    });
    // Without the count, the listed ones are all that is known.
    expect(waivedOf({ findings }).count).toBe(1);
  });

  it('sums a scan and keeps its earliest expiry', () => {
    expect(
      waivedOfScan([
        { findings: [waivedFinding('2027-05-01')] },
        { findings: [plain] },
        {
          findings: [waivedFinding('2027-02-01'), waivedFinding('2027-09-01')],
        },
      ]),
    ).toEqual({ count: 3, earliestExpiry: '2027-02-01' });
    expect(waivedOfScan([])).toEqual({ count: 0 });
  });
});
