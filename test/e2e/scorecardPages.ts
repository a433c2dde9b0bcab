import { expect, Locator, Page } from '@playwright/test';

/** The example service that fails checks of every lesson. */
export const failingService = 'notification-service';

/** The Go scorecard card on a service's page. */
export function scorecardCard(page: Page): Locator {
  return page
    .locator('.MuiCard-root')
    .filter({ has: page.getByRole('heading', { name: 'Go scorecard' }) });
}

/** Opens a service's page and waits for its Go scorecard card to show a result. */
export async function openScorecardCard(
  page: Page,
  name: string,
): Promise<Locator> {
  const card = scorecardCard(page);
  // A freshly started portal syncs the catalog and scans the examples within seconds.
  await expect(async () => {
    await page.goto(`/catalog/default/component/${name}`);
    await expect(card.getByText(/checks pass/)).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 90_000 });
  return card;
}

/** The report's table once it shows rows. */
export async function openReport(page: Page): Promise<Locator> {
  const table = page.getByRole('table', { name: 'Go scorecard report' });
  await expect(async () => {
    await page.goto('/go-scorecard');
    await expect(
      table.locator('tbody tr[data-entity-ref]').first(),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  return table;
}

/** The home page's grid widgets, once the scorecard widget has loaded its content. */
export async function openHome(page: Page) {
  await page.goto('/');
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
