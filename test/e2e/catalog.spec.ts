import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';
import { exampleComponents } from './exampleCatalog';

const components = exampleComponents();

test('the catalog lists every example service with its owner', async ({
  page,
}) => {
  // Nine rows checked one by one: a while on a busy machine.
  test.slow();
  expect(components.length).toBeGreaterThanOrEqual(7);
  await signInAsGuest(
    page,
    '/catalog?filters[kind]=component&filters[user]=all',
  );
  const table = page.getByRole('table');
  for (const { name, owner } of components) {
    const row = table.getByRole('row').filter({
      has: page.getByRole('link', { name, exact: true }),
    });
    await expect(row).toHaveCount(1);
    // The owner column shows the group's display name and links to the group.
    await expect(
      row.locator(`a[href$="/catalog/default/group/${owner}"]`),
    ).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/catalog.png', fullPage: true });
});

test('a service page shows its owner and system', async ({ page }) => {
  const service = components.find(c => c.system)!;
  await signInAsGuest(page, `/catalog/default/component/${service.name}`);
  await expect(
    page.getByRole('heading', { name: service.name }).first(),
  ).toBeVisible();
  await expect(
    page.locator(`a[href$="/catalog/default/group/${service.owner}"]`).first(),
  ).toBeVisible();
  await expect(
    page
      .locator(`a[href$="/catalog/default/system/${service.system}"]`)
      .first(),
  ).toBeVisible();
});
