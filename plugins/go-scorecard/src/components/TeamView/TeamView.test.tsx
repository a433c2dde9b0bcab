import { screen, within } from '@testing-library/react';
import { TeamView } from './TeamView';
import { renderWithScorecard } from '../../__testUtils__/renderWithScorecard';
import { report } from '../../__testUtils__/fixtures';

describe('TeamView', () => {
  it('shows one row per team with services, pass rate and worst checks, linking to its services', async () => {
    await renderWithScorecard(<TeamView />, {
      routes: { 'GET /report': { body: report([], 5) } },
    });
    const table = await screen.findByRole('table', { name: 'Teams' });
    const row = within(table).getByRole('row', { name: /fulfilment-team/ });
    expect(within(row).getByText('74%')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', {
        name: /HTTP server shut down gracefully \(3 failing/,
      }),
    ).toHaveAttribute(
      'href',
      '/go-scorecard/lessons/shutdown#shutdown-http-close',
    );
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

  it("says how many of a team's services failed to scan, next to its pass rate", async () => {
    const body = report([], 5);
    body.aggregates.byOwner[1].failedEntities = 1;
    await renderWithScorecard(<TeamView />, {
      routes: { 'GET /report': { body } },
    });
    const table = await screen.findByRole('table', { name: 'Teams' });
    const row = within(table).getByRole('row', { name: /checkout-team/ });
    expect(
      within(row).getByText('1 failed to scan, not in the rate'),
    ).toBeInTheDocument();
  });
});
