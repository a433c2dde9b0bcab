import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ReportPage } from './ReportPage';
import { renderWithScorecard } from '../../__testUtils__/renderWithScorecard';
import { report, reportRow } from '../../__testUtils__/fixtures';

// A full page with tooltips and menus: userEvent on two shared cores takes its time.
jest.setTimeout(30_000);

const rows = [
  reportRow('notification-service'),
  reportRow('order-service', { score: 73 }),
];
const catalogApi = catalogApiMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'fulfilment' },
    },
  ],
});

function renderReport(initialRoute = '/', routes = {}) {
  return renderWithScorecard(<ReportPage />, {
    routes: {
      'GET /report': { body: report(rows, 60) },
      'GET /history': {
        body: {
          days: 30,
          points: [
            { time: Date.UTC(2026, 4, 1), score: 70, counts: {} },
            { time: Date.UTC(2026, 4, 2), score: 77, counts: {} },
          ],
        },
      },
      ...routes,
    },
    apis: [[catalogApiRef, catalogApi]],
    initialRoute,
  });
}

const reportCalls = (fetch: jest.Mock) =>
  fetch.mock.calls
    .map(c => new URL(String(c[0])))
    .filter(u => u.pathname.endsWith('/report'));

describe('ReportPage', () => {
  it('shows the summary, the trend and a page of services with a status per lesson', async () => {
    await renderReport();
    const table = await screen.findByRole('table', {
      name: 'Go scorecard report',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('73%')).toBeInTheDocument();
    expect(within(table).getAllByRole('img', { name: 'Failed' })).toHaveLength(
      2,
    );
    expect(screen.getByText('77%')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /Score over time: 70% on .*, 77% on/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/of 60/)).toBeInTheDocument();
  });

  it('says when the filter choices could not be loaded, and still shows the report', async () => {
    const failingCatalog = catalogApiMock.mock({
      getEntities: jest.fn().mockRejectedValue(new Error('catalog is down')),
    });
    await renderWithScorecard(<ReportPage />, {
      routes: {
        'GET /report': { body: report(rows, 60) },
        'GET /history': { body: { days: 30, points: [] } },
      },
      apis: [[catalogApiRef, failingCatalog]],
    });
    expect(
      await screen.findByText(
        'Could not load the filter choices (systems: catalog is down; teams: catalog is down)',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Go scorecard report' }),
    ).toBeInTheDocument();
  });

  it('sends the filters of a shared URL to the backend', async () => {
    const { fetch } = await renderReport(
      '/?owner=group%3Adefault%2Ffulfilment-team&lesson=5&status=fail&orderBy=score&order=desc&page=1',
    );
    await screen.findByRole('table', { name: 'Go scorecard report' });
    const page = reportCalls(fetch).find(
      u => u.searchParams.get('limit') === '25',
    )!;
    expect(page.searchParams.getAll('owner')).toEqual([
      'group:default/fulfilment-team',
    ]);
    expect(page.searchParams.get('lesson')).toBe('5');
    expect(page.searchParams.getAll('status')).toEqual(['fail']);
    expect(page.searchParams.get('orderBy')).toBe('score');
    expect(page.searchParams.get('order')).toBe('desc');
    expect(page.searchParams.get('offset')).toBe('25');
  });

  it('sorts and pages on the server', async () => {
    const { fetch } = await renderReport();
    await screen.findByRole('table', { name: 'Go scorecard report' });
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(
        reportCalls(fetch).some(u => u.searchParams.get('orderBy') === 'score'),
      ).toBe(true),
    );
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() =>
      expect(
        reportCalls(fetch).some(u => u.searchParams.get('offset') === '25'),
      ).toBe(true),
    );
  });

  it("shows each service's impact and sorts by it on the server, most depended on first", async () => {
    const { fetch } = await renderReport('/', {
      'GET /report': {
        body: report(
          [
            reportRow('order-service', { impact: 3 }),
            reportRow('notification-service', { impact: 1 }),
          ],
          60,
        ),
      },
    });
    const table = await screen.findByRole('table', {
      name: 'Go scorecard report',
    });
    expect(
      within(table).getByLabelText('3 entities depend on it'),
    ).toHaveTextContent('3');
    expect(
      within(table).getByLabelText('1 entity depends on it'),
    ).toHaveTextContent('1');
    // The first click ranks the most depended-on first; the second flips it.
    const sortedBy = (order: string) =>
      reportCalls(fetch).some(
        u =>
          u.searchParams.get('orderBy') === 'impact' &&
          u.searchParams.get('order') === order,
      );
    await userEvent.click(screen.getByRole('button', { name: 'Impact' }));
    await waitFor(() => expect(sortedBy('desc')).toBe(true));
    expect(sortedBy('asc')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Impact' }));
    await waitFor(() => expect(sortedBy('asc')).toBe(true));
  });

  it('offers a department above the scanned teams in the owner filter, and filters by it', async () => {
    const group = (name: string, relations: [string, string][] = []) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace: 'default' },
      relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
    });
    const { fetch } = await renderWithScorecard(<ReportPage />, {
      routes: {
        'GET /report': { body: report(rows, 60) },
        'GET /history': { body: { days: 30, points: [] } },
      },
      apis: [
        [
          catalogApiRef,
          catalogApiMock({
            entities: [
              group('commerce-department', [
                ['parentOf', 'group:default/checkout-team'],
              ]),
              group('checkout-team', [
                ['childOf', 'group:default/commerce-department'],
              ]),
              // A department above no scanned team is not offered.
              group('empty-department', [['parentOf', 'group:default/nobody']]),
            ],
          }),
        ],
      ],
    });
    await screen.findByRole('table', { name: 'Go scorecard report' });
    await userEvent.click(screen.getByLabelText('Owner / team'));
    const option = await screen.findByRole('option', {
      name: 'commerce-department, department with its teams',
    });
    expect(
      screen.queryByRole('option', { name: /empty-department/ }),
    ).toBeNull();
    await userEvent.click(option);
    await waitFor(() =>
      expect(
        reportCalls(fetch).some(
          u =>
            u.searchParams.get('owner') === 'group:default/commerce-department',
        ),
      ).toBe(true),
    );
  });

  it('filters by text', async () => {
    const { fetch } = await renderReport();
    await screen.findByRole('table', { name: 'Go scorecard report' });
    fireEvent.change(screen.getByLabelText('Search'), {
      target: { value: 'order' },
    });
    await waitFor(() =>
      expect(
        reportCalls(fetch).some(u => u.searchParams.get('text') === 'order'),
      ).toBe(true),
    );
  });

  it('exports the filtered rows as CSV', async () => {
    const createObjectURL = jest.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const { fetch } = await renderReport('/?owner=team-a', {
      'GET /report.csv': { text: 'entityRef\ncomponent:default/a\n' },
    });
    await screen.findByRole('table', { name: 'Go scorecard report' });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const csvCall = fetch.mock.calls
      .map(c => String(c[0]))
      .find(u => u.includes('/report.csv'))!;
    expect(new URL(csvCall).searchParams.getAll('owner')).toEqual(['team-a']);
    expect(new URL(csvCall).searchParams.has('offset')).toBe(false);
  });

  it('shows the backend error', async () => {
    await renderReport('/', {
      'GET /report': {
        status: 400,
        body: { error: { name: 'InputError', message: "Unknown check 'x'" } },
      },
    });
    expect(
      (await screen.findAllByText(/Unknown check 'x'/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows an entity whose scan failed as failed, with the reason, and how many failed next to the score', async () => {
    const reason =
      "Source location 'dir:../secret' is outside the allowed goScorecard.localRoots";
    const failed = reportRow('secret-service', {
      state: 'failed',
      scannedAt: undefined,
      stale: false,
      error: reason,
      score: undefined,
      counts: { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 18 },
      checks: { 'shutdown-http-close': 'error' },
      lessons: {
        '1': 'error',
        '2': 'error',
        '3': 'error',
        '4': 'error',
        '5': 'error',
      },
    });
    const body = report([rows[0], failed], 2);
    body.aggregates.failedEntities = 1;
    await renderReport('/', { 'GET /report': { body } });
    const table = await screen.findByRole('table', {
      name: 'Go scorecard report',
    });
    const row = within(table).getByRole('row', { name: /secret-service/ });
    expect(within(row).getByText(/Scan failed/)).toBeInTheDocument();
    expect(within(row).getByText(reason)).toHaveAttribute('title', reason);
    expect(within(row).getAllByRole('img', { name: 'Error' })).toHaveLength(6);
    expect(within(row).queryByText(/Not yet/)).toBeNull();
    expect(
      screen.getByText(/1 service failed to scan, not in the score/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/of applicable checks pass, over 1 service$/),
    ).toBeInTheDocument();
  });

  it('shows why the results of a stale entity are old', async () => {
    const stale = reportRow('stale-service', {
      stale: true,
      error: 'HTTP 502 from github.com',
    });
    await renderReport('/', { 'GET /report': { body: report([stale], 1) } });
    const table = await screen.findByRole('table', {
      name: 'Go scorecard report',
    });
    expect(
      within(table).getByText('Last read failed: HTTP 502 from github.com'),
    ).toBeInTheDocument();
    expect(within(table).getByText(/\(stale\)/)).toBeInTheDocument();
    expect(screen.queryByText(/failed to scan/)).toBeNull();
  });

  it('offers the failed scans under the error status filter', async () => {
    const { fetch } = await renderReport();
    await screen.findByRole('table', { name: 'Go scorecard report' });
    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Error or scan failed' }),
    );
    await waitFor(() =>
      expect(
        reportCalls(fetch).some(u => u.searchParams.get('status') === 'error'),
      ).toBe(true),
    );
  });

  it('says when no service matches', async () => {
    await renderReport('/', { 'GET /report': { body: report([], 0) } });
    expect(
      await screen.findByText('No service matches these filters.'),
    ).toBeInTheDocument();
  });
  it('says what is scored, and what each figure counts, with a tooltip on how', async () => {
    await renderReport();
    expect(
      await screen.findByRole('heading', { name: 'Go service report' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/is scanned for 18 checks in 5 lessons/),
    ).toBeInTheDocument();
    const summary = await screen.findByRole('region', {
      name: 'Compliance summary',
    });
    expect(
      within(summary).getByText('of applicable checks pass, over 60 services'),
    ).toBeInTheDocument();
    expect(
      within(summary).getAllByText('of services pass the lesson'),
    ).toHaveLength(5);
    // Counts in words, never "0 warning" or "1 services".
    expect(
      within(summary).getByText('3 services fail, 3 services warn'),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText('1 service fails, 0 services warn'),
    ).toBeInTheDocument();
    expect(within(summary).queryByText(/\b0 warning\b/)).toBeNull();
    await userEvent.hover(
      within(summary).getByRole('button', {
        name: 'How is the score counted?',
      }),
    );
    expect(
      await screen.findByText(
        /passing checks ÷ \(passing \+ warning \+ failing checks\)/,
      ),
    ).toBeInTheDocument();
    await userEvent.hover(
      within(summary).getByRole('button', {
        name: 'How is the share of services passing L5 Graceful shutdown counted?',
      }),
    );
    expect(
      await screen.findByText(/^Share of services passing the lesson:/),
    ).toBeInTheDocument();
  });

  it('explains the status icons: a legend, and a tooltip on each icon of the table', async () => {
    await renderReport();
    const table = await screen.findByRole('table', {
      name: 'Go scorecard report',
    });
    const legend = screen.getByRole('list', { name: 'Status legend' });
    expect(within(legend).getByText('Not applicable')).toBeInTheDocument();
    const row = within(table).getByRole('row', { name: /order-service/ });
    await userEvent.hover(
      within(row).getAllByRole('img', { name: 'Failed' })[0].parentElement!
        .parentElement!,
    );
    expect(
      await screen.findByText(
        /^L5 Graceful shutdown: Failed\. The service breaks the rule/,
      ),
    ).toBeInTheDocument();
  });

  it('puts the table in a sideways-scrolling region the keyboard reaches', async () => {
    await renderReport();
    await screen.findByRole('table', { name: 'Go scorecard report' });
    const region = screen.getByRole('region', {
      name: 'Services table, scrolls sideways',
    });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(
      within(region).getByRole('table', { name: 'Go scorecard report' }),
    ).toBeInTheDocument();
  });

  it('draws the trend of the same filters as the table', async () => {
    const { fetch } = await renderReport(
      '/?owner=group%3Adefault%2Fteam-a&system=shop&lesson=4&check=context-cancel-discarded&status=fail&text=pay&orderBy=score&page=1',
    );
    await screen.findByRole('img', { name: /Score over time/ });
    const trend = fetch.mock.calls
      .map(c => new URL(String(c[0])))
      .find(u => u.pathname.endsWith('/history'))!;
    expect(Object.fromEntries(trend.searchParams)).toEqual({
      owner: 'group:default/team-a',
      system: 'shop',
      lesson: '4',
      check: 'context-cancel-discarded',
      status: 'fail',
      text: 'pay',
      days: '30',
    });
  });

  it('keeps the figures and rows on screen while a new filter loads', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>(resolve => {
      release = resolve;
    });
    await renderReport('/', {
      'GET /report': (url: URL) =>
        url.searchParams.get('text')
          ? { body: report([rows[1]], 1), delay: slow }
          : { body: report(rows, 60) },
    });
    await screen.findByRole('table', { name: 'Go scorecard report' });
    fireEvent.change(screen.getByLabelText('Search'), {
      target: { value: 'order' },
    });
    expect(
      await screen.findByRole('progressbar', { name: 'Updating the report' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Compliance summary' }),
    ).toBeInTheDocument();
    expect(screen.getByText('notification-service')).toBeInTheDocument();
    release();
    await waitFor(() =>
      expect(screen.queryByText('notification-service')).toBeNull(),
    );
  });

  it('shows placeholders of the figures until the first report arrives', async () => {
    await renderReport('/', {
      'GET /report': { body: report(rows, 60), delay: new Promise(() => {}) },
    });
    expect(
      await screen.findByRole('status', { name: 'Loading the figures' }),
    ).toHaveAttribute('aria-busy', 'true');
  });

  it('offers Retry when the report cannot be loaded', async () => {
    let calls = 0;
    await renderReport('/', {
      // The page's first request (the filter choices ask for one row) fails.
      'GET /report': (url: URL) =>
        url.searchParams.get('limit') === '25' && ++calls === 1
          ? {
              status: 500,
              body: { error: { name: 'Error', message: 'database is down' } },
            }
          : { body: report(rows, 60) },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Retry' }, { timeout: 10_000 }),
    );
    expect(
      await screen.findByRole('table', { name: 'Go scorecard report' }),
    ).toBeInTheDocument();
  });

  it('lists a non-Go service as "Not Go", without a score, under its own status filter', async () => {
    const web = reportRow('web-frontend', {
      goService: false,
      score: undefined,
    });
    const body = report([web], 1);
    body.aggregates.entities = 0;
    body.aggregates.notGoEntities = 1;
    const { fetch } = await renderReport('/', { 'GET /report': { body } });
    const table = await screen.findByRole('table', {
      name: 'Go scorecard report',
    });
    const row = within(table).getByRole('row', { name: /web-frontend/ });
    expect(within(row).getByText('Not Go')).toBeInTheDocument();
    // Its lessons show no status, only a dash that says why.
    expect(within(row).queryAllByRole('img')).toEqual([]);
    expect(
      within(row).getAllByTitle('Not a Go service: its checks are not scored'),
    ).toHaveLength(5);
    expect(
      screen.getByText('1 non-Go service listed, not scored'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Not a Go service (not scored)',
      }),
    );
    await waitFor(() =>
      expect(
        reportCalls(fetch).some(u => u.searchParams.get('status') === 'not_go'),
      ).toBe(true),
    );
  });

  it('shows each service\'s waived findings in a "Waived" column, explained by its tooltip', async () => {
    await renderReport('/', {
      'GET /report': {
        body: report(
          [
            reportRow('cart-service', { waived: 2 }),
            reportRow('order-service'),
            reportRow('new-service', {
              state: 'pending',
              scannedAt: undefined,
            }),
          ],
          3,
        ),
      },
    });
    const table = await screen.findByRole('table', {
      name: 'Go scorecard report',
    });
    const header = within(table).getByRole('columnheader', { name: 'Waived' });
    const cart = within(table).getByRole('row', { name: /cart-service/ });
    expect(within(cart).getByLabelText('2 waived findings')).toHaveTextContent(
      '2',
    );
    const order = within(table).getByRole('row', { name: /order-service/ });
    expect(within(order).getByLabelText('0 waived findings')).toHaveTextContent(
      '0',
    );
    const pending = within(table).getByRole('row', { name: /new-service/ });
    expect(within(pending).queryByLabelText(/waived finding/)).toBeNull();
    await userEvent.hover(within(header).getByText('Waived'));
    expect(
      await screen.findByRole('tooltip', {
        name: /^Findings waived in the service's \.go-scorecard\.yaml, with a reason and an expiry: they no longer count/,
      }),
    ).toBeInTheDocument();
  });

  it('filters the services with waived findings', async () => {
    const { fetch } = await renderReport();
    await screen.findByRole('table', { name: 'Go scorecard report' });
    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'With waived findings' }),
    );
    await waitFor(() =>
      expect(
        reportCalls(fetch).some(u => u.searchParams.get('status') === 'waived'),
      ).toBe(true),
    );
  });

  it('reads the waived status filter from a shared URL', async () => {
    const { fetch } = await renderReport('/?status=waived');
    await screen.findByRole('table', { name: 'Go scorecard report' });
    const page = reportCalls(fetch).find(
      u => u.searchParams.get('limit') === '25',
    )!;
    expect(page.searchParams.getAll('status')).toEqual(['waived']);
    expect(screen.getByRole('button', { name: /Status/ })).toHaveTextContent(
      'With waived findings',
    );
  });
});
