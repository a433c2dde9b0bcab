import { screen } from '@testing-library/react';
import { mockApis } from '@backstage/frontend-test-utils';
import { GoScorecardHomeWidget } from './GoScorecardHomeWidget';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderWithScorecard } from '../../__testUtils__/renderWithScorecard';
import { report, reportRow } from '../../__testUtils__/fixtures';

/** The signed-in guest, a member of `groups`. */
const guest = (...groups: string[]) =>
  mockApis.identity({
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest', ...groups],
  });

describe('GoScorecardHomeWidget', () => {
  it("lists the user's teams' failing services", async () => {
    const { fetch } = await renderWithScorecard(<GoScorecardHomeWidget />, {
      routes: {
        'GET /report': { body: report([reportRow('shipping-service')]) },
      },
      apis: [guest('group:default/fulfilment-team')],
    });
    expect(
      await screen.findByText('Your teams have 1 service failing checks.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /shipping-service/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2 failed checks, 1 warning · score 82%'),
    ).toBeInTheDocument();
    const url = new URL(String(fetch.mock.calls[0][0]));
    expect(url.searchParams.getAll('owner')).toEqual([
      'group:default/fulfilment-team',
    ]);
  });

  it("counts the user's teams and their sub-teams, whose services the report rolls up", async () => {
    const group = (name: string, relations: [string, string][] = []) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace: 'default' },
      relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
    });
    const { fetch } = await renderWithScorecard(<GoScorecardHomeWidget />, {
      routes: {
        'GET /report': {
          body: report([reportRow('shipping-service'), reportRow('returns')]),
        },
      },
      apis: [
        guest('group:default/fulfilment-team'),
        [
          catalogApiRef,
          catalogApiMock({
            entities: [
              group('fulfilment-team', [
                ['parentOf', 'group:default/shipping-squad'],
              ]),
              group('shipping-squad', [
                ['parentOf', 'group:default/returns-squad'],
              ]),
              group('returns-squad'),
            ],
          }),
        ],
      ],
    });
    expect(
      await screen.findByText(
        'Your 1 team and its 2 sub-teams have 2 services failing checks.',
      ),
    ).toBeInTheDocument();
    const url = new URL(String(fetch.mock.calls[0][0]));
    expect(url.searchParams.getAll('owner')).toEqual([
      'group:default/fulfilment-team',
    ]);
  });

  it('shows the org summary to a user without a team', async () => {
    await renderWithScorecard(<GoScorecardHomeWidget />, {
      routes: { 'GET /report': { body: report([], 8) } },
      apis: [guest()],
    });
    expect(
      await screen.findByText(/77% of applicable checks pass over 8 services/),
    ).toBeInTheDocument();
    expect(screen.getByText('Lesson 5: Graceful shutdown')).toBeInTheDocument();
  });

  it('says how many services failed to scan and are not in the org score', async () => {
    const body = report([], 8);
    body.aggregates.failedEntities = 2;
    await renderWithScorecard(<GoScorecardHomeWidget />, {
      routes: { 'GET /report': { body } },
      apis: [guest()],
    });
    expect(
      await screen.findByText(
        /77% of applicable checks pass over 6 services \(2 more services failed to scan and are not counted\)\./,
      ),
    ).toBeInTheDocument();
  });

  it('pluralises its counts: one service, one failing', async () => {
    const body = report([], 2);
    body.aggregates.failedEntities = 1;
    body.aggregates.byLesson[0].entities.fail = 1;
    await renderWithScorecard(<GoScorecardHomeWidget />, {
      routes: { 'GET /report': { body } },
      apis: [guest()],
    });
    expect(
      await screen.findByText(
        /pass over 1 service \(1 more service failed to scan and is not counted\)\./,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('71% of services pass, 1 service fails'),
    ).toBeInTheDocument();
  });

  it('says when no service has been scanned yet', async () => {
    const body = report([], 0);
    body.aggregates.score = undefined;
    await renderWithScorecard(<GoScorecardHomeWidget />, {
      routes: { 'GET /report': { body } },
      apis: [guest()],
    });
    expect(
      await screen.findByText('No service has been scanned yet.'),
    ).toBeInTheDocument();
  });

  it("says how many of the user's teams' services failed to scan, beside their failing ones", async () => {
    const failedToScan = report([], 5);
    failedToScan.aggregates.failedEntities = 2;
    const { fetch } = await renderWithScorecard(<GoScorecardHomeWidget />, {
      routes: {
        'GET /report': url =>
          url.searchParams.get('status') === 'fail'
            ? { body: report([reportRow('shipping-service')]) }
            : { body: failedToScan },
      },
      apis: [guest('group:default/fulfilment-team')],
    });
    expect(
      await screen.findByText(
        /2 of your teams' services have not been scanned: the scan failed, so their checks are unknown\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See why' })).toHaveAttribute(
      'href',
      expect.stringContaining(
        'owner=group%3Adefault%2Ffulfilment-team&status=error',
      ),
    );
    const teamsAggregates = fetch.mock.calls
      .map(c => new URL(String(c[0])))
      .find(u => !u.searchParams.has('status'))!;
    expect(teamsAggregates.searchParams.getAll('owner')).toEqual([
      'group:default/fulfilment-team',
    ]);
  });

  it('does not say none of the teams fails when some of their services failed to scan', async () => {
    const teams = report([], 3);
    teams.aggregates.failedEntities = 1;
    await renderWithScorecard(<GoScorecardHomeWidget />, {
      routes: {
        'GET /report': url =>
          url.searchParams.get('status') === 'fail'
            ? { body: report([], 0) }
            : { body: url.searchParams.has('owner') ? teams : report([], 8) },
      },
      apis: [guest('group:default/fulfilment-team')],
    });
    expect(
      await screen.findByText(
        /None of your teams' scanned services fails a check\./,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /1 of your teams' services has not been scanned: the scan failed, so its checks are unknown\./,
      ),
    ).toBeInTheDocument();
  });
});
