import { test, expect } from '@playwright/test';
import { openScorecardCard } from './scorecardPages';

/**
 * cart-service's `.go-scorecard.yaml` waives its k8s-grace-period finding until 2036-06-30
 * (the portal's policy allows waivers that long, as examples/policy.yaml does), holds an
 * expired waiver of grpc-deprecated-dial and a stale one of shutdown-grpc-stop
 * (examples/services/cart-service/README.md, "Expected waivers").
 */
const waivedService = 'cart-service';

test.describe('Waivers', () => {
  test('a waived finding stays on the card, folded under its check with reason, expiry and its policy line', async ({
    page,
  }) => {
    const card = await openScorecardCard(page, waivedService);

    // The waived check passes, marked so that nobody forgets it.
    const passing = card.getByRole('button', { name: /passing checks?/ });
    await passing.click();
    const check = card.getByRole('button', {
      name: /Grace period covers the shutdown/,
    });
    await expect(check).toContainText('passes with 1 waived');
    await expect(check.getByRole('img', { name: 'Passed' })).toBeVisible();
    await check.click();

    await card.getByRole('button', { name: '1 waived finding' }).click();
    const waived = card.getByRole('list', {
      name: 'Waived findings of Grace period covers the shutdown',
    });
    // The example catalog reads local files: places are shown as text, not linked.
    await expect(waived.getByText('deploy/cart-service.yaml:8')).toBeVisible();
    await expect(waived.getByText(/streams drain within 15 s/)).toBeVisible();
    await expect(waived.getByText(/waived until 2036-06-30/)).toBeVisible();
    await expect(
      waived.getByText(/waiver at \.go-scorecard\.yaml:3/),
    ).toBeVisible();

    // The expired waiver's check still fails, its findings say the waiver expired, and
    // the notes say why.
    const dial = card.getByRole('button', { name: /grpc\.NewClient/ });
    await expect(dial.getByRole('img', { name: 'Warning' })).toBeVisible();
    await dial.click();
    await expect(
      card
        .getByText('Waiver expired 2025-06-30: this finding counts again')
        .first(),
    ).toBeVisible();
    await card.getByRole('button', { name: /scan notes?/ }).click();
    const notes = card.getByRole('list', { name: 'Scan notes' });
    await expect(
      notes.getByText(/waiver for grpc-deprecated-dial expired on 2025-06-30/),
    ).toBeVisible();
    await expect(
      notes.getByText(/stale waiver: shutdown-grpc-stop/),
    ).toBeVisible();

    await check.scrollIntoViewIfNeeded();
    await card.screenshot({ path: 'test-results/scorecard-waiver.png' });
  });
});
