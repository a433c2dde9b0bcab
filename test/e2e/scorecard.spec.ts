import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { signInAsGuest } from './signIn';
import { exampleComponents } from './exampleCatalog';
import { failingService, openHome, openScorecardCard } from './scorecardPages';

test.describe('Go scorecard', () => {
  test('a failing service shows its failed checks with file:line', async ({
    page,
  }) => {
    const card = await openScorecardCard(page, failingService);
    // The failing checks come first, each named by its rule.
    const check = card.getByRole('button', {
      name: /HTTP server shut down gracefully/,
    });
    await expect(check.getByRole('img', { name: 'Failed' })).toBeVisible();
    await check.click();
    await expect(
      card.getByText(/^cmd\/notification\/main\.go:\d+$/).first(),
    ).toBeVisible();
    await expect(card.getByText('srv.Close()', { exact: true })).toBeVisible();
    await card.screenshot({ path: 'test-results/scorecard-card.png' });
  });

  test('"How to fix" opens the lesson page at the check', async ({ page }) => {
    const card = await openScorecardCard(page, failingService);
    await card
      .getByRole('button', { name: /gRPC server stopped gracefully/ })
      .click();
    await card
      .getByRole('link', {
        name: 'How to fix: gRPC server stopped gracefully',
      })
      .click();

    await expect(page).toHaveURL(
      /\/go-scorecard\/lessons\/shutdown#shutdown-grpc-stop$/,
    );
    const section = page.locator('section#shutdown-grpc-stop');
    await expect(
      section.getByRole('heading', { level: 2 }).first(),
    ).toBeVisible();
    await expect(section).toBeInViewport();
    // Code blocks are highlighted.
    await expect(page.locator('pre code span').first()).toBeVisible();
    // The services failing the lesson now include the one we came from.
    await expect(
      page
        .getByRole('list', { name: 'Services failing this lesson' })
        .getByRole('link', { name: failingService }),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/scorecard-fix-page.png' });
  });
});

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

test.describe('Go scorecard report', () => {
  test('filters by a team, keeps the filter in the URL, and exports exactly the filtered rows', async ({
    page,
  }) => {
    const team = 'fulfilment-team';
    const teamServices = exampleComponents()
      .filter(c => c.owner === team)
      .map(c => c.name)
      .sort();

    await signInAsGuest(page, '/go-scorecard');
    const table = page.getByRole('table', { name: 'Go scorecard report' });
    await expect(
      table.locator('tbody tr[data-entity-ref]').first(),
    ).toBeVisible();

    await page.getByLabel('Owner / team').click();
    await page.getByRole('option', { name: team, exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(
      new RegExp(`[?&]owner=group%3Adefault%2F${team}`),
    );

    const rows = table.locator('tbody tr[data-entity-ref]');
    await expect(rows).toHaveCount(teamServices.length);
    const tableRefs = (
      await rows.evaluateAll(trs =>
        trs.map(tr => tr.getAttribute('data-entity-ref')!),
      )
    ).sort();
    expect(tableRefs).toEqual(teamServices.map(n => `component:default/${n}`));

    // A shared link shows the same rows.
    await page.reload();
    await expect(rows).toHaveCount(teamServices.length);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const path = test.info().outputPath('report.csv');
    await download.saveAs(path);
    const [header, ...records] = parseCsv(readFileSync(path, 'utf8')).filter(
      r => r.join(''),
    );
    const refColumn = header.indexOf('entityRef');
    const ownerColumn = header.indexOf('owner');
    expect(records.map(r => r[refColumn]).sort()).toEqual(tableRefs);
    for (const record of records)
      expect(record[ownerColumn]).toBe(`group:default/${team}`);

    await page.screenshot({
      path: 'test-results/scorecard-report.png',
      fullPage: true,
    });
  });
});

test.describe('Go scorecard team view and home', () => {
  test("the team view links to a team's services", async ({ page }) => {
    await signInAsGuest(page, '/go-scorecard/teams');
    const row = page
      .getByRole('table', { name: 'Teams' })
      .locator('tr[data-owner="group:default/fulfilment-team"]');
    await row
      .getByRole('link', { name: /services of group:default\/fulfilment-team/ })
      .click();
    await expect(page).toHaveURL(
      /\/go-scorecard\?owner=group%3Adefault%2Ffulfilment-team/,
    );
    await expect(
      page
        .getByRole('table', { name: 'Go scorecard report' })
        .locator('tbody tr[data-entity-ref]'),
    ).toHaveCount(
      exampleComponents().filter(c => c.owner === 'fulfilment-team').length,
    );
    await page.goto('/go-scorecard/teams');
    await expect(row).toBeVisible();
    await page.screenshot({
      path: 'test-results/scorecard-teams.png',
      fullPage: true,
    });
  });

  test('the home page shows the scorecard widget beside the intro', async ({
    page,
  }) => {
    const { intro, scorecard } = await openHome(page);
    await expect(async () => {
      const [a, b] = [
        (await intro.boundingBox())!,
        (await scorecard.boundingBox())!,
      ];
      expect(Math.abs(a.y - b.y)).toBeLessThanOrEqual(1);
      expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
    }).toPass({ timeout: 10_000 });
    await scorecard.screenshot({
      path: 'test-results/scorecard-home-widget.png',
    });
    await page.screenshot({ path: 'test-results/scorecard-home.png' });
  });
});
