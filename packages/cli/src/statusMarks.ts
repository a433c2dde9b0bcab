import { CheckStatus } from '@internal/plugin-go-scorecard-common';

/** The mark of each check status in the text output. */
export const statusMarks: Record<CheckStatus, string> = {
  fail: '✗',
  warn: '!',
  pass: '✓',
  not_applicable: '–',
  error: '?',
};

/**
 * What each mark says about the check's rule (a check's title states the rule that passes,
 * e.g. "Handles SIGTERM"), in the order the legend lists them.
 */
export const statusMarkMeanings: readonly [CheckStatus, string][] = [
  ['fail', 'rule broken'],
  ['warn', 'warning'],
  ['pass', 'rule holds'],
  ['not_applicable', 'not applicable'],
  ['error', 'could not check'],
];

/** The ANSI colour of each status's mark. */
export const statusColours: Record<CheckStatus, number> = {
  pass: 32,
  fail: 31,
  warn: 33,
  not_applicable: 90,
  error: 35,
};

/**
 * The one-line status legend of the text output:
 * `Legend: ✗ rule broken  ! warning  ✓ rule holds  – not applicable  ? could not check`.
 *
 * @param paint - colours a mark (identity when colour is off)
 */
export function legendLine(
  paint: (status: CheckStatus, mark: string) => string = (_, m) => m,
): string {
  return `Legend: ${statusMarkMeanings
    .map(
      ([status, meaning]) => `${paint(status, statusMarks[status])} ${meaning}`,
    )
    .join('  ')}`;
}
