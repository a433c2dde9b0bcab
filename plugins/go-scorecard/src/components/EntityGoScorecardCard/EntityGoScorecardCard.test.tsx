import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import {
  EntityGoScorecardCard,
  FIRST_SCAN_POLL_MS,
} from './EntityGoScorecardCard';
import { renderWithScorecard } from '../../__testUtils__/renderWithScorecard';
import { MockRoutes } from '../../__testUtils__/mockScorecardFetch';
import { entity, entityResult } from '../../__testUtils__/fixtures';
import { EntityResult } from '../../api/types';

// The card renders a few dozen accordions and Markdown messages: slow in jsdom on a busy machine.
jest.setTimeout(20_000);

const resultPath = 'GET /entities/component/default/notification-service';
const scanPath = 'POST /entities/component/default/notification-service/scan';
const sha = entityResult.commit!;

function renderCard(
  routes: MockRoutes,
  options: { allowScan?: boolean; entity?: Entity } = {},
) {
  return renderWithScorecard(<EntityGoScorecardCard />, {
    routes,
    entity: options.entity ?? entity,
    allowScan: options.allowScan,
  });
}

describe('EntityGoScorecardCard', () => {
  it('shows a progress bar while loading', async () => {
    let release: () => void = () => {};
    const delay = new Promise<void>(resolve => {
      release = resolve;
    });
    await renderCard({ [resultPath]: { body: entityResult, delay } });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    release();
    expect(await screen.findByText('14/17')).toBeInTheDocument();
  });

  it('shows the score, overall status, last check and revision', async () => {
    await renderCard({ [resultPath]: { body: entityResult } });
    expect(await screen.findByText('14/17')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: '14 of 17 applicable checks pass' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/checks pass \(82%\)/)).toBeInTheDocument();
    expect(screen.getAllByText('Failed').length).toBeGreaterThan(0);
    expect(screen.getByText('2 failed, 1 warning')).toBeInTheDocument();
    expect(screen.getByText(/^Checked and analysed/)).toBeInTheDocument();
    expect(screen.getByText(sha.slice(0, 7))).toHaveAttribute('title', sha);
  });

  it('says when the source was last checked and when its content last changed', async () => {
    await renderCard({
      [resultPath]: {
        body: {
          ...entityResult,
          scannedAt: '2026-05-01T10:00:00.000Z',
          checkedAt: '2026-05-03T10:00:00.000Z',
        },
      },
    });
    const times = await screen.findByText(
      /^Checked .* content unchanged since/,
    );
    const [checked, changed] = [...times.querySelectorAll('time')];
    expect(checked).toHaveAttribute('dateTime', '2026-05-03T10:00:00.000Z');
    expect(changed).toHaveAttribute('dateTime', '2026-05-01T10:00:00.000Z');
  });

  it('counts error checks beside the failures, in the right number', async () => {
    await renderCard({
      [resultPath]: {
        body: {
          ...entityResult,
          counts: { ...entityResult.counts, warn: 2, error: 1 },
        },
      },
    });
    expect(
      await screen.findByText('2 failed, 2 warnings, 1 error'),
    ).toBeInTheDocument();
  });

  it('explains the statuses it shows in a legend', async () => {
    await renderCard({ [resultPath]: { body: entityResult } });
    const legend = await screen.findByRole('list', { name: 'Status legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['Failed', 'Warning', 'Passed', 'Not applicable']);
  });

  it('lists the checks that need attention first, worst first, each with an accessible status, and folds the rest under their count', async () => {
    await renderCard({ [resultPath]: { body: entityResult } });
    const attention = await screen.findByRole('region', {
      name: 'Needs attention: 3 checks',
    });
    const checks = within(attention).getAllByRole('button');
    expect(checks.map(b => b.textContent)).toEqual([
      'FailedHTTP server shut down gracefully1 finding',
      'FailedgRPC server stopped gracefully1 finding',
      'Warninggo install pins a version1 finding',
    ]);
    expect(
      within(checks[0]).getByRole('img', { name: 'Failed' }),
    ).toBeInTheDocument();
    expect(
      within(checks[2]).getByRole('img', { name: 'Warning' }),
    ).toBeInTheDocument();

    // Passing checks, folded under their count: a tick beside the rule it follows.
    const passing = screen.getByRole('button', { name: /14 passing checks/ });
    expect(passing).toHaveAttribute('aria-expanded', 'false');
    expect(
      screen.queryByRole('button', { name: /Handles SIGTERM/ }),
    ).not.toBeInTheDocument();
    await userEvent.click(passing);
    const sigterm = await screen.findByRole('button', {
      name: /Handles SIGTERM/,
    });
    expect(
      within(sigterm).getByRole('img', { name: 'Passed' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /1 check does not apply/ }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('says so when nothing needs attention', async () => {
    await renderCard({
      [resultPath]: {
        body: {
          ...entityResult,
          counts: { pass: 17, warn: 0, fail: 0, notApplicable: 1, error: 0 },
          checks: entityResult.checks.map(c =>
            c.status === 'not_applicable'
              ? c
              : { ...c, status: 'pass', findings: [], totalFindings: 0 },
          ),
        },
      },
    });
    expect(
      await screen.findByRole('heading', { name: 'Nothing needs attention' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /17 passing checks/ }),
    ).toBeInTheDocument();
  });

  it('unfolds the passing and not applicable checks when asked (the entity tab)', async () => {
    await renderWithScorecard(<EntityGoScorecardCard unfold />, {
      routes: { [resultPath]: { body: entityResult } },
      entity,
    });
    expect(
      await screen.findByRole('button', { name: /14 passing checks/ }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByRole('button', { name: /Handles SIGTERM/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Goroutine leak test with goleak/ }),
    ).toBeInTheDocument();
  });

  it('expands a check to its findings linked to the source at the scanned commit, and its fix', async () => {
    await renderCard({ [resultPath]: { body: entityResult } });
    await userEvent.click(
      await screen.findByRole('button', {
        name: /HTTP server shut down gracefully/,
      }),
    );
    const link = await screen.findByRole('link', {
      name: /cmd\/notification\/main.go:59/,
    });
    expect(link).toHaveAttribute(
      'href',
      `https://github.com/acme/notification-service/tree/${sha}/cmd/notification/main.go#L59`,
    );
    expect(screen.getByText('srv.Close()')).toBeInTheDocument();
    expect(
      screen.getByText(/srv.Close\(\) closes the http.Server at once/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'How to fix: HTTP server shut down gracefully',
      }),
    ).toHaveAttribute(
      'href',
      '/go-scorecard/lessons/shutdown#shutdown-http-close',
    );
  });

  it('shows the path of a finding in a local source', async () => {
    const local: EntityResult = {
      ...entityResult,
      root: 'local:/srv/examples/notification-service',
      commit: undefined,
      etag: 'sha256:b68af534d211ecf275b09b807edfd9f83f88dfc8',
    };
    await renderCard({ [resultPath]: { body: local } });
    await userEvent.click(
      await screen.findByRole('button', { name: /gRPC server stopped/ }),
    );
    const location = await screen.findByText('cmd/notification/main.go:60');
    expect(location.closest('a')).toBeNull();
    expect(location).toHaveAttribute(
      'title',
      '/srv/examples/notification-service/cmd/notification/main.go',
    );
    expect(screen.getByText('sha256:b68af534d211')).toBeInTheDocument();
  });

  it('shows why a check does not apply on its line, without expanding the check', async () => {
    await renderCard({ [resultPath]: { body: entityResult } });
    await userEvent.click(
      await screen.findByRole('button', { name: /1 check does not apply/ }),
    );
    const check = await screen.findByRole('button', {
      name: /Goroutine leak test with goleak/,
    });
    expect(check).toHaveAttribute('aria-expanded', 'false');
    expect(within(check).getByText('no test files')).toBeInTheDocument();
  });

  it('renders Markdown in finding and check messages, and never raw HTML', async () => {
    const marked: EntityResult = {
      ...entityResult,
      checks: entityResult.checks.map(c =>
        c.id === 'go-install-unpinned'
          ? {
              ...c,
              message: 'pin it: `go install tool@v1.2.3`',
              findings: [
                {
                  path: 'Dockerfile',
                  line: 4,
                  message:
                    '`go install` is not pinned <img src=x onerror="alert(1)"> [docs](javascript:alert(1)) [pinning](https://go.dev/ref/mod#go-install)',
                  snippet: 'go install tool@latest',
                },
              ],
            }
          : c,
      ),
    };
    const { container } = await renderCard({ [resultPath]: { body: marked } });
    const check = await screen.findByRole('button', {
      name: /go install pins a version/,
    });
    // The check's message, on its line: inline code, and no link inside the button.
    expect(within(check).getByText('go install tool@v1.2.3').tagName).toBe(
      'CODE',
    );
    await userEvent.click(check);
    const findings = await screen.findByRole('list', {
      name: /^Findings of go install pins a version/,
    });
    const code = within(findings).getByText('go install', { selector: 'code' });
    const message = code.closest('p')!;
    expect(message.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(container.querySelector('img')).toBeNull();
    // Only web links stay links; the script URL keeps its text only.
    expect(
      [...message.querySelectorAll('a')].map(a => a.getAttribute('href')),
    ).toEqual(['https://go.dev/ref/mod#go-install']);
    expect(message.textContent).toContain('docs');
  });

  it('warns when the results are stale, with the reason', async () => {
    await renderCard({
      [resultPath]: {
        body: {
          ...entityResult,
          stale: true,
          error: 'HTTP 502 from github.com',
        },
      },
    });
    expect(
      await screen.findByText(/may be out of date.*HTTP 502 from github.com/s),
    ).toBeInTheDocument();
    expect(screen.getByText('14/17')).toBeInTheDocument();
  });

  it('shows an error banner when the source was never read', async () => {
    const failed: EntityResult = {
      ...entityResult,
      state: 'failed',
      scannedAt: undefined,
      error: 'repository not found',
      counts: { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 18 },
      checks: entityResult.checks.map(c => ({
        ...c,
        status: 'error',
        findings: [],
        message: 'could not read the source: repository not found',
      })),
    };
    await renderCard({ [resultPath]: { body: failed } });
    expect(
      await screen.findByText(
        /could not be read, so no check ran: repository not found/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('img', { name: 'Error' }).length,
    ).toBeGreaterThan(0);
    // The reason is on each check's line, not only inside it.
    const first = screen.getByRole('button', {
      name: /Tools installed with go install/,
    });
    expect(first).toHaveAttribute('aria-expanded', 'false');
    expect(
      within(first).getByText(
        'could not read the source: repository not found',
      ),
    ).toBeInTheDocument();
  });

  it('says when the first scan is still queued', async () => {
    await renderCard({
      [resultPath]: {
        body: {
          ...entityResult,
          state: 'pending',
          scannedAt: undefined,
          checks: [],
        },
      },
    });
    expect(
      await screen.findByText(/Not scanned yet: the first scan is queued/),
    ).toBeInTheDocument();
  });

  it('explains how to add the source location annotation when the entity has none', async () => {
    const bare: Entity = {
      ...entity,
      metadata: { name: 'notification-service' },
    };
    await renderCard({}, { entity: bare });
    expect(await screen.findByText('No source location')).toBeInTheDocument();
    // The YAML example is a highlighted code block, which renders once its highlighter loads.
    expect(
      await screen.findByText(/backstage.io\/source-location: url:/),
    ).toBeInTheDocument();
  });

  it('says when the scorecard does not scan the entity, and does not look again', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const { fetch } = await renderCard({});
      expect(
        await screen.findByText('Not scanned by the Go scorecard'),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/This entity is not selected/),
      ).toBeInTheDocument();
      expect(screen.queryByText(/not picked this entity up/)).toBeNull();
      jest.advanceTimersByTime(FIRST_SCAN_POLL_MS * 2);
      expect(fetch).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when a selected entity is not synced yet, and looks again until its first scan', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const unsynced: EntityResult = {
        ...entityResult,
        state: 'unsynced',
        syncIntervalSeconds: 30,
        scannedAt: undefined,
        checkedAt: undefined,
        etag: undefined,
        commit: undefined,
        counts: { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 0 },
        score: undefined,
        checks: [],
        notes: [],
      };
      let calls = 0;
      await renderCard({
        [resultPath]: () =>
          ++calls === 1 ? { body: unsynced } : { body: entityResult },
      });
      expect(
        await screen.findByText(
          /Not scanned yet: the scorecard has not picked this entity up \(it does within 30 seconds of start/,
        ),
      ).toBeInTheDocument();
      expect(
        screen.queryByText('Not scanned by the Go scorecard'),
      ).not.toBeInTheDocument();
      jest.advanceTimersByTime(FIRST_SCAN_POLL_MS);
      expect(
        await screen.findByText('Needs attention: 3 checks'),
      ).toBeInTheDocument();
      expect(calls).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it("folds the scan's notes under their count and lists them when expanded", async () => {
    const noted: EntityResult = {
      ...entityResult,
      notes: [
        { path: 'assets/logo.go', message: 'skipped: binary file' },
        {
          path: 'deploy/values.yaml',
          message: 'YAML could not be read: too deeply nested',
        },
      ],
    };
    await renderCard({ [resultPath]: { body: noted } });
    const toggle = await screen.findByRole('button', { name: /2 scan notes/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/skipped: binary file/)).toBeNull();
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const list = await screen.findByRole('list', { name: 'Scan notes' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(li => li.textContent)).toEqual([
      'assets/logo.go — skipped: binary file',
      'deploy/values.yaml — YAML could not be read: too deeply nested',
    ]);
  });

  it('shows no notes section when the scan has none', async () => {
    await renderCard({
      [resultPath]: { body: { ...entityResult, notes: [] } },
    });
    expect(await screen.findByText('14/17')).toBeInTheDocument();
    expect(screen.queryByText(/scan notes?/)).toBeNull();
  });

  it('shows the notes of a service that looks like no Go service', async () => {
    const skipped: EntityResult = {
      ...entityResult,
      notes: [{ path: 'go.mod', message: 'skipped: not valid UTF-8' }],
      checks: entityResult.checks.map(c =>
        c.lesson === 2 || c.lesson === 4
          ? {
              ...c,
              status: 'not_applicable',
              findings: [],
              message: 'no go.mod',
            }
          : c,
      ),
    };
    await renderCard({ [resultPath]: { body: skipped } });
    expect(await screen.findByText('Not a Go service')).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: /1 scan note\b/ }),
    );
    expect(
      await screen.findByText(/skipped: not valid UTF-8/),
    ).toBeInTheDocument();
  });

  it('says when the service is not written in Go', async () => {
    const node: EntityResult = {
      ...entityResult,
      checks: entityResult.checks.map(c =>
        c.lesson === 2 || c.lesson === 4
          ? {
              ...c,
              status: 'not_applicable',
              findings: [],
              message: c.lesson === 2 ? 'no go.mod' : 'no Go files',
            }
          : c,
      ),
    };
    await renderCard({ [resultPath]: { body: node } });
    expect(await screen.findByText('Not a Go service')).toBeInTheDocument();
  });

  it('shows the error and retries', async () => {
    let calls = 0;
    await renderCard({
      [resultPath]: () =>
        ++calls === 1
          ? {
              status: 500,
              body: { error: { name: 'Error', message: 'database is down' } },
            }
          : { body: entityResult },
    });
    expect(
      (await screen.findAllByText(/database is down/)).length,
    ).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('14/17')).toBeInTheDocument();
  });

  it('scans now when permitted, says the source was analysed again, and shows the new result', async () => {
    const { fetch } = await renderCard({
      [resultPath]: { body: entityResult },
      [scanPath]: {
        body: {
          ...entityResult,
          scannedAt: '2026-05-02T10:00:00.000Z',
          checkedAt: '2026-05-02T10:00:00.000Z',
          counts: { ...entityResult.counts, pass: 16, fail: 0 },
          scan: { state: 'completed' },
        },
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scan now' }),
    );
    expect(
      await screen.findByText(
        'Scan completed: the source was analysed again (revision 0123456); now 16/17, was 14/17 checks pass.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('16/17')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      expect.stringMatching(/\/scan$/),
      expect.objectContaining({ method: 'POST' }),
    );
  });

  it('says when scan-now found the source unchanged, and moves only the check time', async () => {
    await renderCard({
      [resultPath]: { body: entityResult },
      [scanPath]: {
        body: {
          ...entityResult,
          checkedAt: '2026-05-01T10:07:00.000Z',
          scan: { state: 'completed' },
        },
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scan now' }),
    );
    expect(
      await screen.findByText(
        'Scan completed: the source is unchanged since the last analysis (revision 0123456), so the results are the same.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^Checked .* content unchanged since/),
    ).toBeInTheDocument();
  });

  it('says when a scan is still running', async () => {
    await renderCard({
      [resultPath]: { body: entityResult },
      [scanPath]: {
        status: 202,
        body: { ...entityResult, scan: { state: 'running' } },
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scan now' }),
    );
    expect(
      await screen.findByText(/Scan running; these are the previous results/),
    ).toBeInTheDocument();
  });

  it('reports a scan that fails', async () => {
    await renderCard({
      [resultPath]: { body: entityResult },
      [scanPath]: {
        status: 403,
        body: {
          error: { name: 'NotAllowedError', message: 'Not allowed to scan' },
        },
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scan now' }),
    );
    expect(
      await screen.findByText('Scan failed: Not allowed to scan'),
    ).toBeInTheDocument();
  });

  it('says when the next scan-now is allowed, as information, within the cooldown', async () => {
    await renderCard({
      [resultPath]: { body: entityResult },
      [scanPath]: {
        status: 429,
        body: {
          error: {
            name: 'TooManyRequestsError',
            message:
              'Scanned on request less than 60 s ago: Scan now is allowed again in 42 s',
          },
          nextScanAllowedAt: '2026-05-01T10:01:00.000Z',
        },
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scan now' }),
    );
    expect(
      await screen.findByText(/Scan now is allowed again in 42 s/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Scan failed/)).not.toBeInTheDocument();
  });

  it('hides "Scan now" without the permission', async () => {
    // The permission hook caches decisions per resource, so this test uses another entity.
    const other: Entity = {
      ...entity,
      metadata: { ...entity.metadata, name: 'other-service' },
    };
    await renderCard(
      {
        'GET /entities/component/default/other-service': { body: entityResult },
      },
      { allowScan: false, entity: other },
    );
    expect(await screen.findByText('14/17')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Scan now' }),
      ).not.toBeInTheDocument(),
    );
  });
});
