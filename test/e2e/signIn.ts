import { Page, expect } from '@playwright/test';

/**
 * Signs in through the guest provider's "Enter" button, as a newcomer would, on the page
 * at `path`: the app then shows that page without loading again (one load per test).
 */
export async function signInAsGuest(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
