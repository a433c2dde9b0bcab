import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TeamView } from './TeamView';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderWithScorecard } from '../../__testUtils__/renderWithScorecard';
import { report, reportRow } from '../../__testUtils__/fixtures';
import { OwnerAggregate } from '../../api/types';

const group = (name: string, relations: [string, string][] = []) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
});

/** commerce-department above checkout-team and catalog-team. */
const commerce = catalogApiMock({
  entities: [
    group('commerce-department', [
      ['parentOf', 'group:default/checkout-team'],
      ['parentOf', 'group:default/catalog-team'],
    ]),
    group('checkout-team', [['childOf', 'group:default/commerce-department']]),
    group('catalog-team', [['childOf', 'group:default/commerce-department']]),
  ],
});

/** The backend's report for one owner filter: its services, sums per direct owner. */
function ownerReport(owner: string | null) {
  const body = report([], 5);
  const checkout = { ...body.aggregates.byOwner[1] };
  const catalog = {
    ...body.aggregates.byOwner[1],
    owner: 'group:default/catalog-team',
    entities: 3,
    failingEntities: 2,
    score: 60,
  };
  const byOwner: Record<string, OwnerAggregate[]> = {
    'group:default/commerce-department': [catalog, checkout],
    'group:default/checkout-team': [checkout],
    'group:default/catalog-team': [catalog],
    // A team without a scanned Go service (web-team owns only a web front end).
    'group:default/web-team': [],
  };
  const owners =
    (owner ? byOwner[owner] : undefined) ?? body.aggregates.byOwner;
  body.aggregates.byOwner = owners;
  body.aggregates.entities = owners.reduce((n, o) => n + o.entities, 0);
  body.aggregates.score = owners.length === 1 ? owners[0].score : 70;
  return body;
}

jest.setTimeout(30_000);

describe('TeamView', () => {
  it('shows one row per team with services, score and worst checks, linking to its services', async () => {
    await renderWithScorecard(<TeamView />, {
      routes: { 'GET /report': { body: report([], 5) } },
    });
    const table = await screen.findByRole('table', { name: 'Teams' });
    expect(
      within(table).getByRole('columnheader', { name: 'Score' }),
    ).toBeInTheDocument();
    expect(within(table).queryByText('Pass rate')).toBeNull();
    const row = within(table).getByRole('row', { name: /fulfilment-team/ });
    expect(within(row).getByText('74%')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', {
        name: 'HTTP server shut down gracefully (3 services fail)',
      }),
    ).toHaveAttribute(
      'href',
      '/go-scorecard/lessons/shutdown#shutdown-http-close',
    );
    expect(
      within(row).getByRole('link', {
        name: 'ndots lowered where short names are dialled (2 services warn)',
      }),
    ).toBeInTheDocument();
    expect(
      within(row).getByRole('link', {
        name: '3 services of group:default/fulfilment-team',
      }),
    ).toHaveAttribute(
      'href',
      '/go-scorecard?owner=group%3Adefault%2Ffulfilment-team',
    );
    expect(within(row).queryByText(/failed to scan/)).toBeNull();
  });

  it('links back to the report, with its filters', async () => {
    await renderWithScorecard(<TeamView />, {
      routes: { 'GET /report': { body: report([], 5) } },
      initialRoute: '/go-scorecard/teams?lesson=5',
    });
    expect(
      await screen.findByRole('link', { name: 'Back to the report' }),
    ).toHaveAttribute('href', '/go-scorecard?lesson=5');
  });

  it("says how many of a team's services failed to scan, next to its score", async () => {
    const body = report([], 5);
    body.aggregates.byOwner[1].failedEntities = 1;
    await renderWithScorecard(<TeamView />, {
      routes: { 'GET /report': { body } },
    });
    const table = await screen.findByRole('table', { name: 'Teams' });
    const row = within(table).getByRole('row', { name: /checkout-team/ });
    expect(
      within(row).getByText('1 service failed to scan, not in the score'),
    ).toBeInTheDocument();
  });

  it('shows a team none of whose services is scanned yet, with a word', async () => {
    const body = report([], 5);
    Object.assign(body.aggregates.byOwner[1], {
      pendingEntities: 2,
      score: undefined,
      counts: { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 0 },
    });
    await renderWithScorecard(<TeamView />, {
      routes: { 'GET /report': { body } },
    });
    const table = await screen.findByRole('table', { name: 'Teams' });
    const row = within(table).getByRole('row', { name: /checkout-team/ });
    expect(
      within(row).getByText('no scanned services yet'),
    ).toBeInTheDocument();
  });

  it('offers Retry when the teams cannot be loaded', async () => {
    let calls = 0;
    await renderWithScorecard(<TeamView />, {
      routes: {
        'GET /report': () =>
          ++calls === 1
            ? {
                status: 400,
                body: { error: { name: 'InputError', message: 'bad filter' } },
              }
            : { body: report([], 5) },
        'GET /waivers/expiring': {
          body: { days: 30, until: '2026-12-31', items: [], totalItems: 0 },
        },
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Retry' }, { timeout: 10_000 }),
    );
    expect(
      await screen.findByRole('table', { name: 'Teams' }),
    ).toBeInTheDocument();
  });

  describe('waivers expiring within 30 days', () => {
    const day = (fromToday: number) =>
      new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);
    const waiver = {
      entityRef: 'component:default/cart-service',
      title: 'Cart service',
      owner: 'group:default/checkout-team',
      checkId: 'k8s-grace-period',
      path: 'deploy/k8s/deployment.yaml',
      line: 21,
      reason: 'drains in 5s behind the mesh',
      expires: day(12),
      source: '.go-scorecard.yaml:4',
    };

    it("lists the teams' waivers expiring soon: team, service, check, finding, reason and expiry", async () => {
      const { fetch } = await renderWithScorecard(<TeamView />, {
        routes: {
          'GET /report': { body: report([], 5) },
          'GET /waivers/expiring': {
            body: { days: 30, until: day(30), items: [waiver], totalItems: 1 },
          },
        },
      });
      const table = await screen.findByRole('table', {
        name: 'Waivers expiring within 30 days',
      });
      expect(
        screen.getByRole('heading', {
          name: 'Waivers expiring within 30 days',
        }),
      ).toBeInTheDocument();
      const row = within(table).getByRole('row', { name: /Cart service/ });
      expect(
        within(row).getByRole('link', { name: 'Cart service' }),
      ).toBeInTheDocument();
      expect(within(row).getByText(/checkout-team/)).toBeInTheDocument();
      expect(
        within(row).getByText('deploy/k8s/deployment.yaml:21'),
      ).toBeInTheDocument();
      expect(within(row).getByText('.go-scorecard.yaml:4')).toBeInTheDocument();
      expect(
        within(row).getByText('drains in 5s behind the mesh'),
      ).toBeInTheDocument();
      expect(within(row).getByText(waiver.expires)).toBeInTheDocument();
      expect(within(row).getByText('expires in 12 days')).toBeInTheDocument();
      const url = fetch.mock.calls
        .map(c => new URL(String(c[0])))
        .find(u => u.pathname.endsWith('/waivers/expiring'))!;
      expect(url.searchParams.get('days')).toBe('30');
      expect(url.searchParams.get('owner')).toBeNull();
    });

    it("asks for the report's owners only, and says none when no waiver expires soon", async () => {
      const { fetch } = await renderWithScorecard(<TeamView />, {
        routes: {
          'GET /report': { body: report([], 5) },
          'GET /waivers/expiring': {
            body: { days: 30, until: day(30), items: [], totalItems: 0 },
          },
        },
        initialRoute: '/go-scorecard/teams?owner=group:default/checkout-team',
      });
      expect(
        await screen.findByText(
          'None: no waiver of these teams expires within 30 days.',
        ),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('table', {
          name: 'Waivers expiring within 30 days',
        }),
      ).toBeNull();
      const url = fetch.mock.calls
        .map(c => new URL(String(c[0])))
        .find(u => u.pathname.endsWith('/waivers/expiring'))!;
      expect(url.searchParams.get('owner')).toBe('group:default/checkout-team');
    });
  });

  it('offers its own Retry when the expiring waivers cannot be loaded', async () => {
    let calls = 0;
    await renderWithScorecard(<TeamView />, {
      routes: {
        'GET /report': { body: report([], 5) },
        'GET /waivers/expiring': () =>
          ++calls === 1
            ? {
                status: 500,
                body: { error: { name: 'Error', message: 'database down' } },
              }
            : {
                body: {
                  days: 30,
                  until: '2026-12-31',
                  items: [],
                  totalItems: 0,
                },
              },
      },
    });
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Retry loading the expiring waivers' },
        { timeout: 10_000 },
      ),
    );
    expect(
      await screen.findByText(
        'None: no waiver of any team expires within 30 days.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a department rolled up, then one row per team below it, and its failing services by impact', async () => {
    const { fetch } = await renderWithScorecard(<TeamView />, {
      routes: {
        'GET /report': url =>
          url.searchParams.get('orderBy') === 'impact'
            ? {
                body: report([
                  reportRow('catalog-service', {
                    owner: 'group:default/catalog-team',
                    impact: 4,
                  }),
                  reportRow('cart-service', {
                    owner: 'group:default/checkout-team',
                    impact: 2,
                  }),
                ]),
              }
            : { body: ownerReport(url.searchParams.get('owner')) },
        'GET /waivers/expiring': {
          body: { days: 30, until: '2026-06-01', items: [], totalItems: 0 },
        },
      },
      apis: [[catalogApiRef, commerce]],
      initialRoute:
        '/go-scorecard/teams?owner=group:default/commerce-department',
    });
    const table = await screen.findByRole('table', { name: 'Teams' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.getAttribute('data-owner'))).toEqual([
      'group:default/commerce-department',
      'group:default/catalog-team',
      'group:default/checkout-team',
    ]);
    expect(
      within(rows[0]).getByText(
        'Department: counts every service of its 2 groups',
      ),
    ).toBeInTheDocument();
    // 3 + 2 services, 2 + 1 failing.
    expect(
      within(rows[0]).getByRole('link', {
        name: '5 services of group:default/commerce-department',
      }),
    ).toHaveAttribute(
      'href',
      '/go-scorecard?owner=group%3Adefault%2Fcommerce-department',
    );
    // Services and failing services (the team cell comes first).
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .slice(1, 3)
        .map(c => c.textContent),
    ).toEqual(['5', '3']);
    expect(
      within(rows[1]).getByText('Team of commerce-department'),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('60%')).toBeInTheDocument();
    expect(within(rows[2]).getByText('78%')).toBeInTheDocument();
    expect(screen.getByLabelText('Team or department')).toHaveValue(
      'commerce-department',
    );

    const fixFirst = await screen.findByRole('table', {
      name: 'Failing services by impact',
    });
    expect(
      within(fixFirst)
        .getAllByRole('row')
        .slice(1)
        .map(r => r.getAttribute('data-entity-ref')),
    ).toEqual([
      'component:default/catalog-service',
      'component:default/cart-service',
    ]);
    const impactCall = fetch.mock.calls
      .map(c => new URL(String(c[0])))
      .find(u => u.searchParams.get('orderBy') === 'impact')!;
    expect(impactCall.searchParams.get('owner')).toBe(
      'group:default/commerce-department',
    );
    expect(impactCall.searchParams.getAll('status')).toEqual(['fail']);
    expect(impactCall.searchParams.get('order')).toBe('desc');
  });

  it('picks a department in its picker', async () => {
    await renderWithScorecard(<TeamView />, {
      routes: {
        'GET /report': url => ({
          body: ownerReport(url.searchParams.get('owner')),
        }),
        'GET /waivers/expiring': {
          body: { days: 30, until: '2026-06-01', items: [], totalItems: 0 },
        },
      },
      apis: [[catalogApiRef, commerce]],
      initialRoute: '/go-scorecard/teams',
    });
    const table = await screen.findByRole('table', { name: 'Teams' });
    // Every owning team, as before.
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(r => r.getAttribute('data-owner')),
    ).toEqual(['group:default/fulfilment-team', 'group:default/checkout-team']);
    await userEvent.click(screen.getByLabelText('Team or department'));
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'commerce-department, department with its teams',
      }),
    );
    expect(
      await screen.findByText(
        'Department: counts every service of its 2 groups',
      ),
    ).toBeInTheDocument();
  });

  it("leaves out a department's group without a scanned Go service, says so, and marks a nested department", async () => {
    const nested = catalogApiMock({
      entities: [
        group('commerce-department', [
          ['parentOf', 'group:default/checkout-team'],
          ['parentOf', 'group:default/catalog-team'],
          ['parentOf', 'group:default/web-team'],
        ]),
        group('checkout-team', [
          ['childOf', 'group:default/commerce-department'],
        ]),
        group('catalog-team', [
          ['childOf', 'group:default/commerce-department'],
          ['parentOf', 'group:default/search-team'],
        ]),
        group('search-team', [['childOf', 'group:default/catalog-team']]),
        group('web-team', [['childOf', 'group:default/commerce-department']]),
      ],
    });
    await renderWithScorecard(<TeamView />, {
      routes: {
        'GET /report': url => ({
          body: ownerReport(url.searchParams.get('owner')),
        }),
        'GET /waivers/expiring': {
          body: { days: 30, until: '2026-06-01', items: [], totalItems: 0 },
        },
      },
      apis: [[catalogApiRef, nested]],
      initialRoute:
        '/go-scorecard/teams?owner=group:default/commerce-department',
    });
    const table = await screen.findByRole('table', { name: 'Teams' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.getAttribute('data-owner'))).toEqual([
      'group:default/commerce-department',
      'group:default/catalog-team',
      'group:default/checkout-team',
    ]);
    expect(
      within(rows[0]).getByText(
        'Department: counts every service of its 3 groups (1 group without a scanned Go service not listed)',
      ),
    ).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('Department in commerce-department'),
    ).toBeInTheDocument();
    expect(
      within(rows[2]).getByText('Team of commerce-department'),
    ).toBeInTheDocument();
  });

  it('names groups by their display name in the picker and under a department, with the ref beside it', async () => {
    const named = catalogApiMock({
      entities: [
        {
          ...group('commerce-department', [
            ['parentOf', 'group:default/checkout-team'],
            ['parentOf', 'group:default/catalog-team'],
          ]),
          spec: { type: 'department', profile: { displayName: 'Commerce' } },
        },
        group('checkout-team', [
          ['childOf', 'group:default/commerce-department'],
        ]),
        group('catalog-team', [
          ['childOf', 'group:default/commerce-department'],
        ]),
      ],
    });
    const getEntities = jest.spyOn(named, 'getEntities');
    await renderWithScorecard(<TeamView />, {
      routes: {
        'GET /report': url => ({
          body: ownerReport(url.searchParams.get('owner')),
        }),
        'GET /waivers/expiring': {
          body: { days: 30, until: '2026-06-01', items: [], totalItems: 0 },
        },
      },
      apis: [[catalogApiRef, named]],
      initialRoute: '/go-scorecard/teams',
    });
    await screen.findByRole('table', { name: 'Teams' });
    await userEvent.click(screen.getByLabelText('Team or department'));
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Commerce (commerce-department), department with its teams',
      }),
    );
    expect(screen.getByLabelText('Team or department')).toHaveValue(
      'Commerce (commerce-department)',
    );
    expect((await screen.findAllByText('Team of Commerce')).length).toBe(2);
    // The picker's departments and the rows' names come from one read of the groups.
    expect(
      getEntities.mock.calls.filter(
        ([request]) =>
          (request?.filter as { kind?: string } | undefined)?.kind === 'group',
      ),
    ).toHaveLength(1);
  });
});
