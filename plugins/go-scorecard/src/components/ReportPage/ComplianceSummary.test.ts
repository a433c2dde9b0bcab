import { compliance } from './ComplianceSummary';

describe('compliance', () => {
  it('is the share of judged entities passing: error entities are left out, as from the score', () => {
    expect(
      compliance({ pass: 3, warn: 1, fail: 0, notApplicable: 4, error: 2 }),
    ).toBe(75);
    expect(
      compliance({ pass: 0, warn: 0, fail: 0, notApplicable: 1, error: 2 }),
    ).toBeUndefined();
  });
});
