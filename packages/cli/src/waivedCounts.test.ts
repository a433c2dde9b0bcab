import { Finding } from '@internal/plugin-go-scorecard-common';
import { waivedCounts } from './waivedCounts';

const finding = (line: number, waived = false): Finding => ({
  path: 'deploy/api.yaml',
  line,
  message: 'm',
  snippet: 's',
  ...(waived
    ? {
        waiver: {
          reason: 'r',
          expires: '2027-03-31',
          source: '.go-scorecard.yaml:3',
        },
      }
    : {}),
});

describe('waivedCounts', () => {
  it('counts the findings with a waiver, per check that has any', () => {
    const check = (id: string, findings: Finding[]) => ({
      id,
      lesson: 5 as const,
      severity: 'warning' as const,
      status: 'pass' as const,
      findings,
    });
    expect(
      waivedCounts({
        checks: [
          check('k8s-prestop', [finding(1, true), finding(2), finding(3, true)]),
          check('k8s-grace-period', [finding(4)]),
          check('shutdown-grpc-stop', []),
        ],
      }),
    ).toEqual(new Map([['k8s-prestop', 2]]));
  });
});
