import { expect, Locator, Page } from '@playwright/test';
import { signInAsGuest } from './signIn';

/** The example service that fails checks of every lesson. */
export const failingService = 'notification-service';

/** The Go scorecard card on a service's page. */
export function scorecardCard(page: Page): Locator {
  return page
    .locator('.MuiCard-root')
    .filter({ has: page.getByRole('heading', { name: 'Go scorecard' }) });
}

/**
 * Signs in on `path` and waits for `ready` to be visible, reloading while it is not: a
 * freshly started portal syncs the catalog and scans the examples within a minute.
 */
async function openUntil(page: Page, path: string, ready: Locator) {
  await signInAsGuest(page, path);
  let first = true;
  await expect(async () => {
    if (!first) await page.reload();
    first = false;
    await expect(ready).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 90_000 });
}

/** Signs in on a service's page and waits for its Go scorecard card to show a result. */
export async function openScorecardCard(
  page: Page,
  name: string,
): Promise<Locator> {
  const card = scorecardCard(page);
  await openUntil(
    page,
    `/catalog/default/component/${name}`,
    card.getByText(/checks pass/),
  );
  return card;
}

/** Signs in on the report and waits for its table to show rows. */
export async function openReport(page: Page, path = '/go-scorecard') {
  const table = page.getByRole('table', { name: 'Go scorecard report' });
  await openUntil(
    page,
    path,
    table.locator('tbody tr[data-entity-ref]').first(),
  );
  return table;
}

/** Signs in on the home page and waits for the scorecard widget's content. */
export async function openHome(page: Page) {
  await signInAsGuest(page, '/');
  // A widget's title is its card header's text (not a heading element).
  const widget = (title: string) =>
    page.locator('.react-grid-item').filter({
      has: page.locator('.MuiCardHeader-title', {
        hasText: new RegExp(`^${title}$`),
      }),
    });
  const intro = widget('Go Service Scorecard');
  const scorecard = widget('Go Scorecard');
  await expect(intro).toBeVisible();
  await expect(
    scorecard.getByRole('link', { name: /Open the report|in the report/ }),
  ).toBeVisible();
  return { intro, scorecard };
}
