import { ScorecardConfig } from '../config/ScorecardConfig';
import { isTransientError } from './isTransientError';

/** The settings the retry policy reads. */
export type RetryConfig = Pick<
  ScorecardConfig,
  'maxRetries' | 'retryBackoffMs' | 'scanIntervalMs'
>;

/**
 * How long after its `attempts`th consecutive failure (1 for the first) a scan is
 * retried: the backoff, doubled for each earlier attempt, never longer than the scan
 * interval.
 */
export function retryDelayMs(
  attempts: number,
  config: Pick<RetryConfig, 'retryBackoffMs' | 'scanIntervalMs'>,
): number {
  return Math.min(
    config.retryBackoffMs * 2 ** (attempts - 1),
    config.scanIntervalMs,
  );
}

/**
 * When a failed scan runs again: a transient failure within the retry budget after
 * {@link retryDelayMs}, anything else after the scan interval.
 */
export function retryAfterFailure(
  error: unknown,
  attempts: number,
  config: RetryConfig,
): { retry: boolean; delayMs: number } {
  const retry = isTransientError(error) && attempts <= config.maxRetries;
  return {
    retry,
    delayMs: retry ? retryDelayMs(attempts, config) : config.scanIntervalMs,
  };
}
