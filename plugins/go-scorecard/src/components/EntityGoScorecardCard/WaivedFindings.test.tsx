import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CheckResult, Finding } from '@internal/plugin-go-scorecard-common';
import { EntityGoScorecardCard } from './EntityGoScorecardCard';
import { renderWithScorecard } from '../../__testUtils__/renderWithScorecard';
import { entity, entityResult } from '../../__testUtils__/fixtures';
import { EntityResult } from '../../api/types';

jest.setTimeout(20_000);

const resultPath = 'GET /entities/component/default/notification-service';
const sha = entityResult.commit!;
const blob = `https://github.com/acme/notification-service/tree/${sha}`;
const title = 'preStop hook on serving containers';

/** A day `days` from today (UTC), as the policy file writes it. */
const dayIn = (days: number) =>
  new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

const finding = (path: string, line: number, waiver?: Finding['waiver']) => ({
  path,
  line,
  message: 'container `app` has no preStop hook',
  snippet: '- name: app',
  ...(waiver ? { waiver } : {}),
});
const batchWaiver = {
  reason: 'batch worker, serves no traffic',
  expires: '2099-03-31',
  source: '.go-scorecard.yaml:4',
};

function withPrestop(over: Partial<CheckResult>): EntityResult {
  return {
    ...entityResult,
    checks: entityResult.checks.map(c =>
      c.id === 'k8s-prestop'
        ? { ...c, ...over, totalFindings: over.findings?.length ?? 0 }
        : c,
    ),
  };
}

function renderCard(body: EntityResult) {
  return renderWithScorecard(<EntityGoScorecardCard />, {
    routes: { [resultPath]: { body } },
    entity,
  });
}

describe('waived findings on the card', () => {
  it('counts a partly waived check by its unwaived findings, and folds the waived ones with their waiver', async () => {
    await renderCard(
      withPrestop({
        status: 'warn',
        message: '2 findings waived in .go-scorecard.yaml',
        findings: [
          finding('deploy/api.yaml', 20),
          finding('deploy/worker.yaml', 12, batchWaiver),
          finding('deploy/worker.yaml', 40, batchWaiver),
        ],
      }),
    );
    const attention = await screen.findByRole('region', {
      name: /Needs attention/,
    });
    expect(
      screen.getByText('2 failed, 1 warning, 2 findings waived'),
    ).toBeInTheDocument();
    const check = within(attention).getByRole('button', {
      name: new RegExp(title),
    });
    expect(within(check).getByText('1 finding')).toBeInTheDocument();
    expect(within(check).getByText('2 waived')).toBeInTheDocument();
    await userEvent.click(check);

    const counted = await screen.findByRole('list', {
      name: `Findings of ${title}`,
    });
    expect(within(counted).getAllByRole('listitem')).toHaveLength(1);
    expect(
      within(counted).getByRole('link', { name: /deploy\/api.yaml:20/ }),
    ).toBeInTheDocument();

    const fold = screen.getByRole('button', { name: '2 waived findings' });
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/batch worker/)).toBeNull();
    await userEvent.click(fold);
    const waived = await screen.findByRole('list', {
      name: `Waived findings of ${title}`,
    });
    const items = within(waived).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(
      within(items[0]).getByRole('link', { name: /deploy\/worker.yaml:12/ }),
    ).toHaveAttribute('href', `${blob}/deploy/worker.yaml#L12`);
    expect(
      within(items[0]).getByText('Reason: batch worker, serves no traffic'),
    ).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('waived until 2099-03-31');
    // Far off: no countdown.
    expect(items[0]).not.toHaveTextContent(/expires in/);
  });

  it('keeps a check that passes only by its waivers with the passing checks, marked so', async () => {
    await renderCard(
      withPrestop({
        status: 'pass',
        message: '2 findings waived in .go-scorecard.yaml',
        findings: [
          finding('deploy/worker.yaml', 12, batchWaiver),
          finding('deploy/worker.yaml', 40, batchWaiver),
        ],
      }),
    );
    const attention = await screen.findByRole('region', {
      name: 'Needs attention: 3 checks',
    });
    expect(
      within(attention).queryByRole('button', { name: new RegExp(title) }),
    ).toBeNull();
    const passing = screen.getByRole('button', {
      name: /14 passing checks, 1 with waived findings/,
    });
    await userEvent.click(passing);
    const checks = within(
      document.getElementById('go-scorecard-passing-details')!,
    ).getAllByRole('button');
    // First in the fold, with its status and the mark.
    expect(checks[0]).toHaveAccessibleName(new RegExp(title));
    expect(
      within(checks[0]).getByRole('img', { name: 'Passed' }),
    ).toBeInTheDocument();
    expect(
      within(checks[0]).getByText('passes with 2 waived'),
    ).toBeInTheDocument();
    expect(within(checks[0]).queryByText(/^\d+ findings?$/)).toBeNull();
    await userEvent.click(checks[0]);
    expect(
      screen.queryByRole('list', { name: `Findings of ${title}` }),
    ).toBeNull();
    expect(
      await screen.findByRole('button', { name: '2 waived findings' }),
    ).toBeInTheDocument();
  });

  it('says how soon a waiver expires within 30 days', async () => {
    const soon = dayIn(12);
    await renderCard(
      withPrestop({
        status: 'pass',
        findings: [
          finding('deploy/worker.yaml', 12, { ...batchWaiver, expires: soon }),
        ],
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /14 passing checks/ }),
    );
    const check = await screen.findByRole('button', {
      name: new RegExp(title),
    });
    expect(within(check).getByText('passes with 1 waived')).toBeInTheDocument();
    await userEvent.click(check);
    await userEvent.click(
      await screen.findByRole('button', { name: '1 waived finding' }),
    );
    const [item] = within(
      await screen.findByRole('list', { name: `Waived findings of ${title}` }),
    ).getAllByRole('listitem');
    expect(item).toHaveTextContent(`waived until ${soon} · expires in 12 days`);
  });

  it('links each waiver to its line of .go-scorecard.yaml at the scanned revision', async () => {
    await renderCard(
      withPrestop({
        status: 'warn',
        findings: [
          finding('deploy/api.yaml', 20),
          finding('deploy/worker.yaml', 12, batchWaiver),
        ],
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: new RegExp(title) }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: '1 waived finding' }),
    );
    const policy = await screen.findByRole('link', {
      name: /\.go-scorecard\.yaml:4/,
    });
    expect(policy).toHaveAttribute('href', `${blob}/.go-scorecard.yaml#L4`);
    expect(policy.closest('li')).toHaveTextContent(
      /waived until 2099-03-31 · waiver at \.go-scorecard\.yaml:4/,
    );
  });

  it('lists the notes on .go-scorecard.yaml first, each at its line, linked', async () => {
    await renderCard({
      ...entityResult,
      notes: [
        { path: 'assets/logo.go', message: 'skipped: binary file' },
        {
          path: '.go-scorecard.yaml',
          message:
            'line 7: waiver for k8s-prestop expired on 2026-10-01; its findings count again',
        },
        {
          path: '.go-scorecard.yaml',
          message:
            'line 12: stale waiver: k8s-ndots has no finding under deploy/old to waive; remove the waiver',
        },
      ],
    });
    const toggle = await screen.findByRole('button', {
      name: /3 scan notes problems in \.go-scorecard\.yaml, and files the scan skipped/,
    });
    await userEvent.click(toggle);
    const items = within(
      await screen.findByRole('list', { name: 'Scan notes' }),
    ).getAllByRole('listitem');
    expect(items.map(li => li.textContent)).toEqual([
      expect.stringMatching(
        /^\.go-scorecard\.yaml:7.* — waiver for k8s-prestop expired on 2026-10-01; its findings count again$/,
      ),
      expect.stringMatching(
        /^\.go-scorecard\.yaml:12.* — stale waiver: k8s-ndots has no finding under deploy\/old to waive; remove the waiver$/,
      ),
      'assets/logo.go — skipped: binary file',
    ]);
    expect(
      within(items[0]).getByRole('link', { name: /\.go-scorecard\.yaml:7/ }),
    ).toHaveAttribute('href', `${blob}/.go-scorecard.yaml#L7`);
  });
});
