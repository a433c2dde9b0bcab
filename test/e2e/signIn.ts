import { Page, expect } from '@playwright/test';

/**
 * Signs in through the guest provider's "Enter" button, as a newcomer would, on the page
 * at `path`: the app then shows that page without loading again (one load per test).
 * Tries again while the backend is (re)starting and refuses the sign-in.
 */
export async function signInAsGuest(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  const catalog = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true });
  await expect(async () => {
    if (await enter.isVisible()) await enter.click();
    await expect(catalog).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 90_000 });
}
