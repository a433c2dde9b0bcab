import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Finding } from '@internal/plugin-go-scorecard-common';
import { EntityGoScorecardCard } from './EntityGoScorecardCard';
import { renderWithScorecard } from '../../__testUtils__/renderWithScorecard';
import { entity, entityResult } from '../../__testUtils__/fixtures';
import { EntityResult } from '../../api/types';

const resultPath = 'GET /entities/component/default/notification-service';

/** What the backend sends for a 10,000-line Makefile of `go get`: the first 100 and the total. */
const findings: Finding[] = Array.from({ length: 100 }, (_, i) => ({
  path: 'Makefile',
  line: i + 2,
  message: `\`go get\` is used to install github.com/x/cmd/tool${i + 1}`,
  snippet: `go get github.com/x/cmd/tool${i + 1}`,
}));

const capped: EntityResult = {
  ...entityResult,
  checks: entityResult.checks.map(c =>
    c.id === 'go-get-install'
      ? { ...c, status: 'fail', findings, totalFindings: 10_000 }
      : { ...c, totalFindings: c.findings.length },
  ),
};

describe('CheckAccordion', () => {
  it('words a passing check as a rule: when it fails, and "About the rule", not "How to fix"', async () => {
    await renderWithScorecard(<EntityGoScorecardCard />, {
      routes: { [resultPath]: { body: entityResult } },
      entity,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /passing checks?/ }),
    );
    const check = await screen.findByRole('button', {
      name: /Passed Handles SIGTERM/,
    });
    await userEvent.click(check);
    const details = document.getElementById(
      check.getAttribute('aria-controls')!,
    )!;
    expect(within(details).getByText('Fails when:')).toBeInTheDocument();
    expect(
      within(details).getByRole('link', {
        name: 'About the rule: Handles SIGTERM',
      }),
    ).toBeInTheDocument();
    expect(
      within(details).queryByRole('link', { name: /How to fix/ }),
    ).not.toBeInTheDocument();
  }, 30_000);

  it('shows the true total and, below the capped list, how many more there are', async () => {
    await renderWithScorecard(<EntityGoScorecardCard />, {
      routes: { [resultPath]: { body: capped } },
      entity,
    });
    const check = await screen.findByRole('button', {
      name: /Tools installed with go install/,
    });
    expect(within(check).getByText('10,000 findings')).toBeInTheDocument();
    await userEvent.click(check);
    const list = await screen.findByRole('list', {
      name: 'Findings of Tools installed with go install',
    });
    expect(within(list).getAllByRole('listitem')).toHaveLength(100);
    expect(
      screen.getByText('and 9,900 more (showing the first 100)'),
    ).toBeInTheDocument();
    // A hundred Markdown messages take a while in jsdom on a shared machine.
  }, 30_000);

  it('says nothing more when every finding is shown', async () => {
    await renderWithScorecard(<EntityGoScorecardCard />, {
      routes: { [resultPath]: { body: capped } },
      entity,
    });
    const check = await screen.findByRole('button', {
      name: /HTTP server shut down gracefully/,
    });
    expect(within(check).getByText('1 finding')).toBeInTheDocument();
    await userEvent.click(check);
    await screen.findByText('srv.Close()');
    expect(screen.queryByText(/more \(showing the first/)).toBeNull();
  });

  it('marks a finding whose waiver expired: it counts, and says since when and why it was waived', async () => {
    const lapsed: EntityResult = {
      ...entityResult,
      checks: entityResult.checks.map(c =>
        c.id === 'shutdown-http-close'
          ? {
              ...c,
              findings: c.findings.map(f => ({
                ...f,
                expiredWaiver: {
                  reason: 'batch worker, serves no traffic',
                  expires: '2026-06-30',
                  source: '.go-scorecard.yaml:3',
                },
              })),
            }
          : c,
      ),
    };
    await renderWithScorecard(<EntityGoScorecardCard />, {
      routes: { [resultPath]: { body: lapsed } },
      entity,
    });
    const check = await screen.findByRole('button', {
      name: /HTTP server shut down gracefully/,
    });
    // Counted with the others, not folded under waived findings.
    expect(within(check).getByText('1 finding')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /waived finding/ })).toBeNull();
    await userEvent.click(check);
    const list = await screen.findByRole('list', {
      name: 'Findings of HTTP server shut down gracefully',
    });
    const item = within(list).getByRole('listitem');
    expect(item).toHaveTextContent(
      'Waiver expired 2026-06-30: this finding counts again',
    );
    expect(item).toHaveTextContent('Reason: batch worker, serves no traffic');
    expect(item).toHaveTextContent('waiver at .go-scorecard.yaml:3');
    expect(item).not.toHaveTextContent('waived until');
  });
});
