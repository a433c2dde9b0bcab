import { orgPolicyFrom, InvalidOrgPolicyError } from './orgPolicy';
import { defaultOrgPolicy } from './policyTypes';

describe('orgPolicyFrom', () => {
  it('takes the defaults for what is not given', () => {
    expect(orgPolicyFrom(undefined, 'goScorecard.policy')).toBe(
      defaultOrgPolicy,
    );
    expect(orgPolicyFrom({ maxWaiverDays: 90 }, 'p')).toEqual({
      maxWaiverDays: 90,
      allowTurningOff: 'all',
      severityOverrides: {},
    });
  });

  it('reads every key', () => {
    expect(
      orgPolicyFrom(
        {
          maxWaiverDays: 30,
          allowTurningOff: ['grpc-deprecated-dial'],
          severityOverrides: { 'k8s-prestop': 'error' },
        },
        'p',
      ),
    ).toEqual({
      maxWaiverDays: 30,
      allowTurningOff: ['grpc-deprecated-dial'],
      severityOverrides: { 'k8s-prestop': 'error' },
    });
    expect(orgPolicyFrom({ allowTurningOff: [] }, 'p').allowTurningOff).toEqual(
      [],
    );
  });

  it.each([
    [
      { maxWaiverDays: 0 },
      'p.maxWaiverDays: expected a whole number of days from 1, got 0',
    ],
    [
      { maxWaiverDays: '90' },
      'p.maxWaiverDays: expected a whole number of days from 1, got "90"',
    ],
    [
      { maxWaiverDay: 90 },
      'p: unknown key "maxWaiverDay" (expected maxWaiverDays, allowTurningOff, severityOverrides)',
    ],
    [
      { allowTurningOff: 'some' },
      'p.allowTurningOff: expected "all" or a list of check ids',
    ],
    [
      { allowTurningOff: ['nope'] },
      /^p\.allowTurningOff\[0\]: unknown check "nope" \(known: go-get-install, /,
    ],
    [
      { severityOverrides: { 'k8s-prestop': 'fatal' } },
      'p.severityOverrides.k8s-prestop: expected error, warning or info, got "fatal"',
    ],
    [[], 'p: expected a mapping'],
  ])('refuses %j', (value, message) => {
    expect(() => orgPolicyFrom(value, 'p')).toThrow(InvalidOrgPolicyError);
    expect(() => orgPolicyFrom(value, 'p')).toThrow(message);
  });
});
