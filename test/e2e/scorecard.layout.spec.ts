import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from './signIn';
import { seriousViolations } from './axe';
import {
  failingService,
  openHome,
  openReport,
  openScorecardCard,
} from './scorecardPages';

/**
 * Layout facts and accessibility at a laptop's and a desktop's width (the chromium-1280 and
 * chromium-1920 projects of playwright.config.ts): no hole in the home grid, the card above
 * the fold, no word of a service name split across lines, and no serious or critical axe
 * violation on any page of the plugin.
 */

interface Box {
  title: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The home grid's widgets as boxes, with the title of each. */
async function widgetBoxes(page: Page): Promise<Box[]> {
  return page.locator('.react-grid-item').evaluateAll(items =>
    items.map(el => {
      const r = el.getBoundingClientRect();
      const title = el.querySelector('.MuiCardHeader-title');
      return {
        title: title?.textContent?.trim() ?? '',
        left: Math.round(r.left),
        right: Math.round(r.right),
        top: Math.round(r.top),
        bottom: Math.round(r.bottom),
      };
    }),
  );
}

/**
 * For each widget, the empty height above it: to the nearest widget above that shares
 * some of its columns, or to the top of the grid.
 */
function gapsAbove(boxes: Box[]): { title: string; gap: number }[] {
  const gridTop = Math.min(...boxes.map(b => b.top));
  return boxes.map(b => {
    const above = boxes.filter(
      a =>
        a !== b &&
        a.bottom <= b.top + 1 &&
        a.left < b.right &&
        a.right > b.left,
    );
    const floor = above.length
      ? Math.max(...above.map(a => a.bottom))
      : gridTop;
    return { title: b.title, gap: b.top - floor };
  });
}

/**
 * Where a text breaks inside a word: the characters of each text node of `cells` measured
 * one by one; a new line that does not follow a space, a hyphen or a slash splits a word.
 */
async function midWordBreaks(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll(cells => {
    const found: string[] = [];
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        let lineTop: number | undefined;
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0) continue;
          if (lineTop !== undefined && rect.top > lineTop + rect.height / 2) {
            if (!/[\s\-/]/.test(text[i - 1] ?? ' ')) {
              found.push(`${text.slice(0, i)}|${text.slice(i)}`);
            }
          }
          lineTop = rect.top;
        }
      }
    }
    return found;
  });
}

// Each test loads its page once, checks its layout facts, then runs axe on it. axe walks
// every element of a page: on a busy machine a report page takes it a while.
test.describe('Go scorecard layout and accessibility (axe, WCAG 2 A and AA)', () => {
  test.slow();

  test('home: the widgets tile without a hole; the widget passes axe', async ({
    page,
  }, testInfo) => {
    const { scorecard } = await openHome(page);
    // The grid animates items into place: the facts must hold once it settles.
    await expect(async () => {
      const boxes = await widgetBoxes(page);
      const intro = boxes.find(b => b.title === 'Go Service Scorecard')!;
      const widget = boxes.find(b => b.title === 'Go Scorecard')!;
      expect(intro, JSON.stringify(boxes)).toBeTruthy();
      expect(widget, JSON.stringify(boxes)).toBeTruthy();
      // Side by side in one row: the scorecard widget starts at the top of the intro's row.
      expect(Math.abs(widget.top - intro.top)).toBeLessThanOrEqual(1);
      expect(widget.left).toBeGreaterThanOrEqual(intro.right);
      expect(widget.right).toBeLessThanOrEqual(page.viewportSize()!.width);
      // No widget has more than the grid's 10 px margin of empty space above it.
      for (const { title, gap } of gapsAbove(boxes)) {
        expect(gap, `empty space above "${title}"`).toBeLessThanOrEqual(12);
      }
    }).toPass({ timeout: 10_000 });
    await scorecard.evaluate(el => el.setAttribute('data-axe-target', 'home'));
    expect(
      await seriousViolations(page, testInfo, '[data-axe-target="home"]'),
    ).toEqual([]);
  });

  test('card: in view without scrolling on a failing service; passes axe with a failing check open', async ({
    page,
  }, testInfo) => {
    const card = await openScorecardCard(page, failingService);
    await page.evaluate(() => window.scrollTo(0, 0));
    const heading = card.getByRole('heading', { name: 'Go scorecard' });
    const box = (await heading.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);

    const check = card
      .getByRole('button', { name: /HTTP server shut down gracefully/ })
      .first();
    if ((await check.getAttribute('aria-expanded')) !== 'true') {
      await check.click();
    }
    await expect(
      card.getByText(/^cmd\/notification\/main\.go:\d+$/).first(),
    ).toBeVisible();
    await card.evaluate(el => el.setAttribute('data-axe-target', 'card'));
    expect(
      await seriousViolations(page, testInfo, '[data-axe-target="card"]'),
    ).toEqual([]);
  });

  test('report: service names break only between words; passes axe', async ({
    page,
  }, testInfo) => {
    await openReport(page);
    const cells =
      'table[aria-label="Go scorecard report"] tbody tr[data-entity-ref] th';
    expect(await midWordBreaks(page, cells)).toEqual([]);
    // Every column in view: the table is no wider than its scrolling box.
    const widths = await page
      .getByRole('region', { name: 'Services table, scrolls sideways' })
      .evaluate(box => ({
        box: box.clientWidth,
        table: box.querySelector('table')!.scrollWidth,
      }));
    expect(widths.table).toBeLessThanOrEqual(widths.box);
    expect(await seriousViolations(page, testInfo)).toEqual([]);
  });

  test('team view: headers break only between words; passes axe', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/go-scorecard/teams');
    await expect(
      page.getByRole('table', { name: 'Teams' }).locator('tbody tr').first(),
    ).toBeVisible();
    expect(
      await midWordBreaks(page, 'table[aria-label="Teams"] thead th'),
    ).toEqual([]);
    expect(await seriousViolations(page, testInfo)).toEqual([]);
  });

  test('lesson page: code blocks focusable; passes axe', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/go-scorecard/lessons/shutdown');
    const code = page.getByRole('region', { name: 'Code example 1 (Go)' });
    await expect(code).toBeVisible();
    await code.focus();
    await expect(code).toBeFocused();
    await expect(
      page.getByRole('heading', { name: 'Warnings', exact: true }),
    ).toBeVisible();
    expect(await seriousViolations(page, testInfo)).toEqual([]);
  });

  test('unknown lesson: links the five lessons; passes axe', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/go-scorecard/lessons/no-such-lesson');
    await expect(
      page.getByRole('list', { name: 'The lessons' }).getByRole('link'),
    ).toHaveCount(5);
    expect(await seriousViolations(page, testInfo)).toEqual([]);
  });
});
