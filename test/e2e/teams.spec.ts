import { test, expect } from '@playwright/test';
import { exampleComponents } from './exampleCatalog';
import { openReport } from './scorecardPages';
import { signInAsGuest } from './signIn';

/**
 * examples/org.yaml nests checkout-team and catalog-team in commerce-department, and
 * examples/entities.yaml gives catalog-service the most dependents (docs/teams-and-impact.md).
 */
const department = 'commerce-department';
const teams = ['checkout-team', 'catalog-team'];

test.describe('Departments and impact', () => {
  test('the team view rolls a department up to its teams, and ranks its failing services by impact', async ({
    page,
  }) => {
    await signInAsGuest(page, '/go-scorecard/teams');
    const table = page.getByRole('table', { name: 'Teams' });
    await expect(table.locator('tbody tr').first()).toBeVisible();

    await page.getByRole('textbox', { name: 'Team or department' }).click();
    await page
      .getByRole('option', {
        name: `Commerce (${department}), department with its teams`,
      })
      .click();
    await expect(page).toHaveURL(/owner=group%3Adefault%2Fcommerce-department/);

    // The department's row counts the services of both teams; a row per team follows.
    const services = exampleComponents().filter(c => teams.includes(c.owner));
    const departmentRow = table.locator(
      `tr[data-owner="group:default/${department}"]`,
    );
    await expect(
      departmentRow.getByRole('link', {
        name: `${services.length} services of group:default/${department}`,
      }),
    ).toBeVisible();
    for (const team of teams) {
      const row = table.locator(`tr[data-owner="group:default/${team}"]`);
      // Named as the rows' links name groups: by their display name.
      await expect(row).toContainText('Team of Commerce');
    }

    const fixFirst = page.getByRole('table', {
      name: 'Failing services by impact',
    });
    await expect(fixFirst.locator('tbody tr').first()).toContainText(
      'catalog-service',
    );
    await page.screenshot({
      path: 'test-results/scorecard-department.png',
      fullPage: true,
    });
  });

  test('the report sorts by impact, the most depended-on service first', async ({
    page,
  }) => {
    const table = await openReport(page);
    // One click: the most depended-on first.
    await table.getByRole('button', { name: /^Impact/ }).click();
    await expect(page).toHaveURL(/orderBy=impact/);
    await expect(page).toHaveURL(/order=desc/);
    await expect(
      table.locator('tbody tr[data-entity-ref]').first(),
    ).toHaveAttribute('data-entity-ref', 'component:default/catalog-service');
  });
});
