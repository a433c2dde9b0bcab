import { CheckStatus } from '@internal/plugin-go-scorecard-common';
import { CheckState, checkStatusChange } from './statusChanges';

function state(status: CheckStatus, findings = 0, waived = 0): CheckState {
  return { status, findings, waived };
}

describe('checkStatusChange', () => {
  it('calls pass or not_applicable to fail or warn a regression', () => {
    expect(checkStatusChange(state('pass'), state('fail', 1))).toEqual({
      kind: 'regression',
      from: 'pass',
      to: 'fail',
      waiverExpired: false,
    });
    expect(
      checkStatusChange(state('not_applicable'), state('warn', 2)),
    ).toEqual({
      kind: 'regression',
      from: 'not_applicable',
      to: 'warn',
      waiverExpired: false,
    });
  });

  it('has no change without a baseline, for an unchanged status, or around error', () => {
    expect(checkStatusChange(undefined, state('fail', 1))).toBeUndefined();
    expect(
      checkStatusChange(state('fail', 1), state('fail', 3)),
    ).toBeUndefined();
    expect(
      checkStatusChange(state('warn', 1), state('fail', 1)),
    ).toBeUndefined();
    expect(checkStatusChange(state('pass'), state('pass'))).toBeUndefined();
    expect(checkStatusChange(state('error'), state('fail', 1))).toBeUndefined();
    expect(checkStatusChange(state('fail', 1), state('error'))).toBeUndefined();
    expect(
      checkStatusChange(state('fail', 1), state('not_applicable')),
    ).toBeUndefined();
  });

  it('calls a waiver that ran out a regression, also while the check keeps failing', () => {
    // All findings waived (pass), then the waiver expires: pass -> fail.
    expect(checkStatusChange(state('pass', 2, 2), state('fail', 2, 0))).toEqual(
      { kind: 'regression', from: 'pass', to: 'fail', waiverExpired: true },
    );
    // Failing with one of three findings waived; the waiver expires.
    expect(checkStatusChange(state('fail', 3, 1), state('fail', 3, 0))).toEqual(
      { kind: 'regression', from: 'fail', to: 'fail', waiverExpired: true },
    );
    // A waived finding fixed (fewer findings, none more counting): no regression.
    expect(
      checkStatusChange(state('fail', 3, 1), state('fail', 2, 0)),
    ).toBeUndefined();
  });

  it('calls fail or warn to pass an improvement', () => {
    expect(checkStatusChange(state('fail', 1), state('pass'))).toEqual({
      kind: 'improvement',
      from: 'fail',
      to: 'pass',
      waiverExpired: false,
    });
    expect(checkStatusChange(state('warn', 1), state('pass'))?.kind).toBe(
      'improvement',
    );
  });
});
