import { DEFAULT_MAX_FINDINGS_PER_CHECK } from '@internal/plugin-go-scorecard-common';
import type { OutputFormat } from './args';

/**
 * Findings the text format prints per check when `--max-findings` is not given: a screenful
 * for a person, where JSON keeps the contract's {@link DEFAULT_MAX_FINDINGS_PER_CHECK}.
 */
export const TEXT_MAX_FINDINGS = 10;

/**
 * The cap handed to `capFindings` for an output format: `--max-findings` when given (0 = no
 * cap, `Infinity`), else 10 for text and 100 for JSON. SARIF is never capped (code scanning
 * tools page through every result), so it gets `Infinity`.
 */
export function findingsCapFor(
  format: OutputFormat,
  maxFindings: number | undefined,
): number {
  if (format === 'sarif') return Infinity;
  const max =
    maxFindings ??
    (format === 'text' ? TEXT_MAX_FINDINGS : DEFAULT_MAX_FINDINGS_PER_CHECK);
  return max === 0 ? Infinity : max;
}
