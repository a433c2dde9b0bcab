import { test, expect, APIRequestContext } from '@playwright/test';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openScorecardCard } from './scorecardPages';

/**
 * A simulated regression, as docs/notifications.md tells a newcomer to make one: a script
 * that installs a tool with `go get` turns order-service's go-get-install from pass to fail.
 * order-service belongs to fulfilment-team, and the portal's guest is a member of it
 * (examples/org.yaml), so the guest gets the team's digest after "Scan now".
 */
const service = 'order-service';
const scriptDir = join(
  __dirname,
  '..',
  '..',
  'examples',
  'services',
  service,
  'scripts',
);
const script = join(scriptDir, 'install-tools.sh');

const backend = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

/**
 * Scans order-service again through the API as the guest, waiting out the scan-now
 * cooldown (`goScorecard.schedule.scanNowCooldown`, 60 s) the test's own scan started.
 */
async function rescan(request: APIRequestContext) {
  const auth = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const token = (await auth.json()).backstageIdentity.token;
  await expect(async () => {
    const scan = await request.post(
      `${backend}/api/go-scorecard/entities/component/default/${service}/scan`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(scan.status()).toBe(200);
  }).toPass({ intervals: [5_000], timeout: 90_000 });
}

test.describe('Regression notifications', () => {
  test.setTimeout(300_000);

  test.afterEach(async ({ request }) => {
    // Leave the example as it was, and its result too: the other tests read it.
    rmSync(scriptDir, { recursive: true, force: true });
    await rescan(request);
  });

  test('a check that breaks notifies the owning team, with a link to the service', async ({
    page,
  }) => {
    // A result to compare with first: the first scan of a service has no baseline.
    const card = await openScorecardCard(page, service);
    const check = card.getByRole('button', {
      name: /Tools installed with go install/,
    });
    mkdirSync(scriptDir, { recursive: true });
    writeFileSync(
      script,
      '#!/bin/sh\n# Installs the code generators.\ngo get github.com/golang/mock/mockgen@v1.6.0\n',
    );
    // A retry may land within the previous scan-now's cooldown: the card then says when
    // the next is allowed, and the click is repeated.
    await expect(async () => {
      await card.getByRole('button', { name: 'Scan now' }).click();
      await expect(check.getByRole('img', { name: 'Failed' })).toBeVisible({
        timeout: 15_000,
      });
    }).toPass({ intervals: [10_000], timeout: 120_000 });

    // The bell in the sidebar counts the unread digest.
    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    const bell = nav.getByRole('link', { name: /Notifications/ });
    await expect(bell).toBeVisible();
    await bell.click();
    await expect(page).toHaveURL(/\/notifications/);

    const digest = page
      .getByRole('row')
      .filter({ hasText: /Go Scorecard: 1 regression in 1 service/ })
      .first();
    await expect(digest).toBeVisible();
    await expect(digest).toContainText(service);
    await expect(digest).toContainText('Tools installed with go install');
    await page.screenshot({ path: 'test-results/scorecard-notification.png' });
  });
});
