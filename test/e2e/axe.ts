import AxeBuilder from '@axe-core/playwright';
import { Page, TestInfo } from '@playwright/test';

/** An axe violation as the tests report it: rule, impact and the elements it found. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the part of the page matching `include`,
 * or on the whole page but the app's sidebar (the same on every page), attaches every
 * violation to the test's report, and returns the serious and critical ones.
 */
export async function seriousViolations(
  page: Page,
  testInfo: TestInfo,
  include?: string,
): Promise<Violation[]> {
  const axe = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
  ]);
  if (include) axe.include(include);
  else axe.exclude('nav[aria-label="sidebar nav"]');
  const results = await axe.analyze();
  const violations: Violation[] = results.violations.map(v => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ')),
  }));
  await testInfo.attach('axe-violations.json', {
    body: JSON.stringify(violations, null, 2),
    contentType: 'application/json',
  });
  return violations.filter(
    v => v.impact === 'serious' || v.impact === 'critical',
  );
}
