import { ScanReport } from '@internal/plugin-go-scorecard-common';
import { Analyzer } from '../analyze';
import { MemoryTree } from '../tree/MemoryTree';
import { OrgPolicy, defaultOrgPolicy } from './policyTypes';

/** A service that fails k8s-prestop twice (two Deployments) and context-cancel-discarded once. */
const service = {
  'go.mod': 'module example.com/svc\n\ngo 1.22\n',
  'main.go': `package main

import (
	"context"
	"net/http"
)

func main() {
	ctx, _ := context.WithCancel(context.Background())
	_ = ctx
	http.ListenAndServe(":8080", nil)
}
`,
  'deploy/api.yaml': deployment('api'),
  'deploy/batch/worker.yaml': deployment('worker'),
};

function deployment(name: string) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: ${name}
          image: example/${name}
          ports:
            - containerPort: 8080
`;
}

async function scan(
  policyFile: string | undefined,
  policy: OrgPolicy = defaultOrgPolicy,
): Promise<ScanReport> {
  const analyzer = await Analyzer.create({
    policy,
    now: () => new Date('2026-11-30T12:00:00Z'),
  });
  return analyzer.analyze(
    new MemoryTree(
      policyFile === undefined
        ? service
        : { ...service, '.go-scorecard.yaml': policyFile },
    ),
    '.',
  );
}

const check = (report: ScanReport, id: string) =>
  report.checks.find(c => c.id === id)!;
const policyNotes = (report: ScanReport) =>
  (report.notes ?? [])
    .filter(n => n.path === '.go-scorecard.yaml')
    .map(n => n.message);

describe('.go-scorecard.yaml', () => {
  it('fails as usual without a policy file', async () => {
    const report = await scan(undefined);
    expect(check(report, 'k8s-prestop').status).toBe('warn');
    expect(check(report, 'k8s-prestop').findings).toHaveLength(2);
    expect(check(report, 'context-cancel-discarded').status).toBe('fail');
  });

  it('keeps waived findings with their waiver, and counts only the others', async () => {
    const report = await scan(`waivers:
  - check: k8s-prestop
    path: deploy/batch
    reason: batch worker, serves no traffic
    expires: 2027-03-31
`);
    const prestop = check(report, 'k8s-prestop');
    expect(prestop.status).toBe('warn');
    const findings = prestop.findings;
    expect(findings.map(f => [f.path, f.waiver])).toEqual([
      ['deploy/api.yaml', undefined],
      [
        'deploy/batch/worker.yaml',
        {
          reason: 'batch worker, serves no traffic',
          expires: '2027-03-31',
          source: '.go-scorecard.yaml:2',
        },
      ],
    ]);
    expect(prestop.waivedFindings).toBe(1);
    expect(policyNotes(report)).toEqual([]);
  });

  it('passes a check whose findings are all waived, and says how many', async () => {
    const report = await scan(`waivers:
  - check: k8s-prestop
    reason: jobs only
    expires: 2026-12-31
`);
    const prestop = check(report, 'k8s-prestop');
    expect(prestop.status).toBe('pass');
    expect(prestop.findings).toHaveLength(2);
    expect(prestop.waivedFindings).toBe(2);
  });

  it('does not apply expired or too long waivers, and says why', async () => {
    const report = await scan(`waivers:
  - check: k8s-prestop
    reason: was fine last year
    expires: 2026-11-29
  - check: context-cancel-discarded
    reason: forever
    expires: 2030-01-01
`);
    expect(check(report, 'k8s-prestop').status).toBe('warn');
    expect(check(report, 'context-cancel-discarded').status).toBe('fail');
    expect(check(report, 'k8s-prestop').findings.some(f => f.waiver)).toBe(
      false,
    );
    // The expired waiver's findings count, and say since when and why they were waived;
    // the too-long waiver never held, so its findings carry no mark.
    const prestop = check(report, 'k8s-prestop');
    expect(prestop.waivedFindings).toBeUndefined();
    expect(prestop.findings.length).toBeGreaterThan(0);
    for (const f of prestop.findings)
      expect(f.expiredWaiver).toEqual({
        reason: 'was fine last year',
        expires: '2026-11-29',
        source: '.go-scorecard.yaml:2',
      });
    expect(
      check(report, 'context-cancel-discarded').findings.some(
        f => f.expiredWaiver || f.waiver,
      ),
    ).toBe(false);
    expect(policyNotes(report)).toEqual([
      'line 2: waiver for k8s-prestop expired on 2026-11-29; its findings count again',
      'line 5: waiver for context-cancel-discarded expires 2030-01-01, 1128 days ahead; the org policy allows at most 180 (goScorecard.policy.maxWaiverDays); not applied',
    ]);
  });

  it('holds a waiver through its last day', async () => {
    const report = await scan(`waivers:
  - check: context-cancel-discarded
    reason: fixed in the next release
    expires: 2026-11-30
`);
    expect(check(report, 'context-cancel-discarded').status).toBe('pass');
  });

  it('lists stale waivers that match no finding', async () => {
    const report = await scan(`waivers:
  - check: shutdown-grpc-stop
    reason: we had a gRPC server once
    expires: 2027-01-01
  - check: k8s-prestop
    path: deploy/old
    reason: removed service
    expires: 2027-01-01
`);
    expect(policyNotes(report)).toEqual([
      'line 2: stale waiver: shutdown-grpc-stop has no finding to waive; remove the waiver',
      'line 5: stale waiver: k8s-prestop has no finding under deploy/old to waive; remove the waiver',
    ]);
  });

  it('turns a check off where the org policy allows it', async () => {
    const report = await scan(
      `checks:
  k8s-prestop: off
  context-cancel-discarded: off
`,
      { ...defaultOrgPolicy, allowTurningOff: ['k8s-prestop'] },
    );
    expect(check(report, 'k8s-prestop')).toMatchObject({
      status: 'not_applicable',
      findings: [],
      message: 'turned off in .go-scorecard.yaml (line 2)',
    });
    expect(check(report, 'context-cancel-discarded').status).toBe('fail');
    expect(policyNotes(report)).toEqual([
      'line 3: the org policy does not let a repository turn off context-cancel-discarded (goScorecard.policy.allowTurningOff); the check runs',
    ]);
  });

  it("takes the org policy's severity for a check", async () => {
    const report = await scan(undefined, {
      ...defaultOrgPolicy,
      severityOverrides: { 'k8s-prestop': 'error' },
    });
    expect(check(report, 'k8s-prestop')).toMatchObject({
      severity: 'error',
      status: 'fail',
    });
  });

  it('reports problems of the file and applies the rest', async () => {
    const report = await scan(`waivers:
  - check: k8s-prestop
    expires: 2027-01-01
  - check: context-cancel-discarded
    reason: known
    expires: 2027-01-01
`);
    expect(check(report, 'k8s-prestop').status).toBe('warn');
    expect(check(report, 'context-cancel-discarded').status).toBe('pass');
    expect(policyNotes(report)).toEqual([
      'line 2: waiver for k8s-prestop has no reason; not applied (a reason is required)',
    ]);
  });

  it('reads the file only at the scanned root', async () => {
    const analyzer = await Analyzer.create({
      now: () => new Date('2026-11-30T12:00:00Z'),
    });
    const report = await analyzer.analyze(
      new MemoryTree({
        ...service,
        'deploy/.go-scorecard.yaml': `waivers:
  - check: context-cancel-discarded
    reason: nested
    expires: 2027-01-01
`,
      }),
      '.',
    );
    expect(check(report, 'context-cancel-discarded').status).toBe('fail');
  });
});
