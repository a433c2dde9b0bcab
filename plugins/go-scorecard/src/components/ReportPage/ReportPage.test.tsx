import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ReportPage } from './ReportPage';
import { renderWithScorecard } from '../../__testUtils__/renderWithScorecard';
import { report, reportRow } from '../../__testUtils__/fixtures';

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
        'Could not load the filter choices (systems: catalog is down)',
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
      stale: true,
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
      screen.getByText(/1 failed to scan, not in the score/),
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
});
