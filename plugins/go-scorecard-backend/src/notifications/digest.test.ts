import { StatusChange } from '../database/statusChanges';
import { digestOf, notificationOf } from './digest';
import { scorecardTabPath } from '../portal/scorecardTabPath';

const OWNER = 'group:default/team-a';
const settings = {
  severities: ['fail', 'warn'] as ('fail' | 'warn')[],
  includeImprovements: true,
};

function change(extra: Partial<StatusChange>): StatusChange {
  return {
    entityRef: 'component:default/orders',
    checkId: 'shutdown-no-sigterm',
    owner: OWNER,
    kind: 'regression',
    from: 'pass',
    to: 'fail',
    waiverExpired: false,
    detectedAt: 1000,
    ...extra,
  };
}

describe('digestOf', () => {
  it('nets several changes of one check: a regression fixed within the cycle is not sent', () => {
    const fixed = digestOf(
      OWNER,
      [
        change({
          detectedAt: 2000,
          kind: 'improvement',
          from: 'fail',
          to: 'pass',
        }),
        change({ detectedAt: 1000 }),
      ],
      settings,
    );
    expect(fixed.regressions).toEqual([]);
    expect(fixed.improvements).toEqual([]);

    const worse = digestOf(
      OWNER,
      [
        change({ from: 'not_applicable', to: 'warn' }),
        change({
          detectedAt: 2000,
          kind: 'improvement',
          from: 'warn',
          to: 'pass',
        }),
        change({ detectedAt: 3000, from: 'pass', to: 'fail' }),
      ],
      settings,
    );
    expect(worse.regressions).toMatchObject([
      { from: 'not_applicable', to: 'fail' },
    ]);
  });

  it('filters by severity and improvements, and sorts by service and catalog order', () => {
    const digest = digestOf(
      OWNER,
      [
        change({ entityRef: 'component:default/payments', to: 'warn' }),
        change({ checkId: 'shutdown-grpc-stop' }),
        change({ checkId: 'k8s-ndots' }),
        change({
          checkId: 'go-mod-untidy',
          kind: 'improvement',
          from: 'fail',
          to: 'pass',
        }),
      ],
      { severities: ['fail'], includeImprovements: false },
    );
    expect(digest.regressions.map(e => e.checkId)).toEqual([
      'k8s-ndots',
      'shutdown-grpc-stop',
    ]);
    expect(digest.improvements).toEqual([]);
  });
});

describe('notificationOf', () => {
  it('links the one service tab, scopes by digest, and marks improvements low', () => {
    const payload = notificationOf(
      digestOf(
        OWNER,
        [change({ kind: 'improvement', from: 'warn', to: 'pass' })],
        settings,
      ),
      'd-1',
    );
    expect(payload).toMatchObject({
      title: 'Go Scorecard: 1 improvement in 1 service',
      link: '/catalog/default/component/orders/go-scorecard',
      scope: 'go-scorecard:digest:d-1',
      topic: 'Go Scorecard',
      severity: 'low',
    });
  });

  it('builds the entity tab path from a ref', () => {
    expect(scorecardTabPath('component:prod/billing-api')).toBe(
      '/catalog/prod/component/billing-api/go-scorecard',
    );
  });
});
