import { LoggerService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { ScorecardConfig } from '../config/ScorecardConfig';
import { ClaimedEntity, ScanOutcomeRecord } from '../database/types';
import { EntityScanner } from './EntityScanner';
import { HeldLeases } from './HeldLeases';
import { retryAfterFailure } from './retryPolicy';
import { ScanOutcomeBatch } from './ScanOutcomeBatch';
import { ScanQueue } from './ScanQueue';

/** The settings one scan reads. */
export type ScanProcessorConfig = Pick<
  ScorecardConfig,
  'timeoutMs' | 'scanIntervalMs' | 'maxRetries' | 'retryBackoffMs'
>;

/**
 * Scans one claimed entity and stores the outcome. The scan gets a signal that aborts
 * after the per-scan timeout or when the worker stops hard (`stopSignal`), whichever
 * comes first; a scanner that ignores its signal is left behind at that moment. A
 * failure is recorded with its retry schedule ({@link retryAfterFailure}); a scan
 * cut short by a hard stop gives its lease back instead, so another replica takes it.
 */
export class ScanProcessor {
  constructor(
    private readonly options: {
      queue: ScanQueue;
      scanner: EntityScanner;
      leases: HeldLeases;
      owner: string;
      config: ScanProcessorConfig;
      logger: LoggerService;
      now: () => number;
      stopSignal: AbortSignal;
    },
  ) {}

  /**
   * Scans `claim` and stores the outcome: through `outcomes` when given (batched writes
   * during a run), else at once (scan now).
   */
  async process(
    claim: ClaimedEntity,
    outcomes?: ScanOutcomeBatch,
  ): Promise<void> {
    const { scanner, config, leases, stopSignal } = this.options;
    const signal = AbortSignal.any([
      AbortSignal.timeout(config.timeoutMs),
      stopSignal,
    ]);
    try {
      const outcome = await untilAborted(scanner.scan(claim, signal), signal);
      const record: ScanOutcomeRecord = {
        entityRef: claim.entityRef,
        ...outcome,
      };
      if (outcomes) await outcomes.add(record);
      else await this.store(record);
    } catch (error) {
      if (stopSignal.aborted) {
        await leases.release(claim.entityRef);
        return;
      }
      // Aborted and not stopping: the timeout fired.
      await this.fail(
        claim,
        signal.aborted ? timeoutError(config.timeoutMs) : error,
      );
    } finally {
      leases.forget(claim.entityRef);
    }
  }

  /** Stores one outcome in a transaction of its own. */
  private async store(record: ScanOutcomeRecord): Promise<void> {
    const { queue, owner, config, logger, now } = this.options;
    const at = now();
    const stored = await queue.completeScans([record], owner, {
      now: at,
      nextScanAt: at + config.scanIntervalMs,
    });
    if (!stored.length) {
      logger.warn(
        `Lease on ${record.entityRef} was lost before its result was stored`,
      );
    }
  }

  /** Records a failed scan, due again after the retry delay or the scan interval. */
  private async fail(claim: ClaimedEntity, reason: unknown): Promise<void> {
    const { queue, owner, config, logger, now } = this.options;
    const message = reason instanceof Error ? reason.message : String(reason);
    const attempts = claim.attempts + 1;
    const { retry, delayMs } = retryAfterFailure(reason, attempts, config);
    logger.warn(
      `Scan of ${claim.entityRef} failed${
        retry
          ? `, retry ${attempts} of ${config.maxRetries} in ${delayMs} ms`
          : ''
      }`,
      toError(reason),
    );
    const at = now();
    try {
      await queue.failScan(claim.entityRef, owner, {
        error: message,
        now: at,
        nextScanAt: at + delayMs,
        attempts,
      });
    } catch (writeError) {
      logger.error(
        `Could not record the failed scan of ${claim.entityRef}`,
        toError(writeError),
      );
    }
  }
}

/** The error a scan that outlived `goScorecard.schedule.timeout` fails with. */
function timeoutError(ms: number): Error {
  const error = new Error(`Scan timed out after ${ms} ms`);
  error.name = 'TimeoutError';
  return error;
}

/** Settles with the abort reason as soon as `signal` aborts, even if `promise` ignores it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise
      .finally(() => signal.removeEventListener('abort', onAbort))
      .then(resolve, reject);
  });
}
