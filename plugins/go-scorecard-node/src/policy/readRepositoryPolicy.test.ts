import { readRepositoryPolicy } from './readRepositoryPolicy';

describe('readRepositoryPolicy', () => {
  it('reads waivers and check settings with their lines', () => {
    const policy = readRepositoryPolicy(`# accepted risks
waivers:
  - check: k8s-prestop
    path: ./deploy/batch-worker.yaml
    reason: batch worker, serves no traffic
    expires: 2027-03-31
  - check: goleak-missing
    reason: no goroutines of our own
    expires: "2027-01-15"
checks:
  grpc-deprecated-dial: off
  k8s-ndots: on
`);
    expect(policy.problems).toEqual([]);
    expect(policy.waivers).toEqual([
      {
        check: 'k8s-prestop',
        path: 'deploy/batch-worker.yaml',
        reason: 'batch worker, serves no traffic',
        expires: '2027-03-31',
        line: 3,
      },
      {
        check: 'goleak-missing',
        reason: 'no goroutines of our own',
        expires: '2027-01-15',
        line: 7,
      },
    ]);
    expect(policy.checks).toEqual([
      { check: 'grpc-deprecated-dial', enabled: false, line: 11 },
      { check: 'k8s-ndots', enabled: true, line: 12 },
    ]);
  });

  it('drops only the entries that are wrong, naming their lines', () => {
    const policy = readRepositoryPolicy(`waivers:
  - check: k8s-prestop
    reason: fine
    expires: 2027-02-30
  - check: k8s-prestop
    expires: 2027-01-01
  - check: no-such-check
    reason: typo
    expires: 2027-01-01
  - check: k8s-grace-period
    reason: ok
    expires: 2027-01-01
    owner: team-a
  - check: k8s-grace-period
    path: ../elsewhere
    reason: ok
    expires: 2027-01-01
  - just a string
  - check: k8s-grace-period
    reason: long drain
    expires: 2027-01-01
checks:
  shutdown-no-sigterm: maybe
  not-a-check: off
waiverz: []
`);
    expect(policy.waivers.map(w => w.line)).toEqual([19]);
    expect(policy.checks).toEqual([]);
    expect(policy.problems).toEqual([
      'line 2: waiver for k8s-prestop expires "2027-02-30", not a date (YYYY-MM-DD); not applied',
      'line 5: waiver for k8s-prestop has no reason; not applied (a reason is required)',
      'line 7: unknown check "no-such-check" in a waiver; not applied',
      'line 13: unknown key "owner" in a waiver (expected check, path, reason, expires); waiver not applied',
      'line 14: waiver for k8s-grace-period has path "../elsewhere", which is not a relative path inside the repository; not applied',
      'line 18: a waiver must be a mapping with check, reason and expires; not applied',
      'line 23: checks.shutdown-no-sigterm is "maybe"; expected off or on; ignored',
      'line 24: unknown check "not-a-check" under checks; ignored',
      'line 25: unknown key "waiverz" (expected waivers or checks); ignored',
    ]);
  });

  it('says when the file does not parse, and applies nothing', () => {
    const policy = readRepositoryPolicy('waivers:\n  - check: [unclosed\n');
    expect(policy.waivers).toEqual([]);
    expect(policy.problems).toHaveLength(1);
    expect(policy.problems[0]).toMatch(/^not read: line \d+: /);
  });

  it('takes an empty file or empty sections as no policy', () => {
    expect(readRepositoryPolicy('')).toEqual({
      waivers: [],
      checks: [],
      problems: [],
    });
    expect(readRepositoryPolicy('waivers:\nchecks:\n').problems).toEqual([]);
  });

  it('refuses a top level that is not a mapping', () => {
    expect(readRepositoryPolicy('- check: k8s-prestop\n').problems).toEqual([
      'line 1: expected a mapping with "waivers" and "checks"; nothing applied',
    ]);
  });
});
