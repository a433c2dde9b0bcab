import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { ScorecardConfig, leaseHeartbeatMs } from '../config/ScorecardConfig';
import { ScorecardStore } from '../database/ScorecardStore';
import { ClaimedEntity } from '../database/types';
import { EntityScanner } from './EntityScanner';
import { isTransientError } from './isTransientError';
import { ScanOutcomeBatch } from './ScanOutcomeBatch';

/** Longest time a finished scan's outcome waits in memory before it is written. */
const OUTCOME_BATCH_DELAY_MS = 1000;
/**
 * Most outcomes written per transaction. Larger than a claim batch: unchanged sources
 * finish in a few milliseconds each, and the delay bound keeps slow runs visible.
 */
const OUTCOME_BATCH_SIZE = 100;

/** How a requested scan ended within the wait bound. */
export type ScanNowState = 'completed' | 'running' | 'queued';

/**
 * A scan-now request refused because the entity was scanned on request less than the
 * cooldown ago; `retryAt` (epoch ms) is when the next is allowed.
 */
export interface ScanNowCooldown {
  retryAt: number;
}

type WorkerConfig = Pick<
  ScorecardConfig,
  | 'batchSize'
  | 'concurrency'
  | 'timeoutMs'
  | 'leaseMs'
  | 'scanIntervalMs'
  | 'maxRetries'
  | 'retryBackoffMs'
  | 'shutdownTimeoutMs'
  | 'scanNowTimeoutMs'
  | 'scanNowCooldownMs'
>;

/**
 * One replica's scanning loop. Each run claims batches of due entities (leases in the
 * shared database, so replicas never scan the same entity at once), scans them with a
 * concurrency limit and a per-entity timeout, stores the outcome, and reschedules:
 * after the scan interval, or sooner with exponential backoff after a transient
 * read error. While it holds leases (claimed or scanning) it renews them every quarter
 * of the lease (a heartbeat), so leases stay short and a replica that dies leaves its
 * entities to the others within one lease. `stop()` stops claiming, waits for running
 * scans within a bound, aborts the rest and releases their leases.
 */
export class ScanWorker {
  /** This replica's lease owner id. */
  readonly id: string;
  private stopping = false;
  private readonly hardStop = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private currentRun?: Promise<number>;
  private readonly leaseMs: number;
  private readonly now: () => number;
  /** Entities this replica holds a lease on: claimed and waiting, or being scanned. */
  private readonly held = new Set<string>();
  private heartbeat?: ReturnType<typeof setInterval>;

  constructor(
    private readonly options: {
      store: ScorecardStore;
      scanner: EntityScanner;
      logger: LoggerService;
      config: WorkerConfig;
      id?: string;
      now?: () => number;
    },
  ) {
    this.id = options.id ?? `go-scorecard-${randomUUID()}`;
    this.leaseMs = options.config.leaseMs;
    this.now = options.now ?? Date.now;
  }

  /**
   * Claims and scans due entities until none are left (or the worker stops). A call
   * while a run is going joins that run. Returns the number of entities scanned.
   */
  runOnce(): Promise<number> {
    if (this.stopping) return Promise.resolve(0);
    if (!this.currentRun) {
      this.currentRun = this.drain().finally(() => {
        this.currentRun = undefined;
      });
    }
    return this.currentRun;
  }

  /**
   * Scans one entity now: makes it due and, unless another replica already holds it,
   * claims and scans it here. Waits at most the scan-now bound. Returns undefined for
   * an entity the store does not know, and a {@link ScanNowCooldown} within the
   * cooldown of the last accepted request.
   */
  async scanNow(
    entityRef: string,
  ): Promise<ScanNowState | ScanNowCooldown | undefined> {
    const { store, config } = this.options;
    const requestedAt = this.now();
    const request = await store.requestScan(
      entityRef,
      requestedAt,
      config.scanNowCooldownMs,
    );
    if (!request.requested) {
      return request.unknown ? undefined : { retryAt: request.retryAt };
    }
    const deadline = requestedAt + config.scanNowTimeoutMs;
    const scanHere = async (): Promise<ScanNowState | undefined> => {
      if (this.stopping) return undefined;
      const [claim] = await this.claim({
        owner: this.id,
        now: this.now(),
        limit: 1,
        leaseMs: this.leaseMs,
        entityRef,
      });
      if (!claim) return undefined;
      const done = this.track(this.scanClaimed(claim));
      const finished = await Promise.race([
        done.then(() => true),
        sleep(Math.max(0, deadline - this.now())).then(() => false),
      ]);
      return finished ? 'completed' : 'running';
    };
    const here = await scanHere();
    if (here) return here;
    // Another replica holds the entity: wait for it to finish. A live holder renews its
    // lease every heartbeat; one that does not is gone, and its lease is taken over here
    // as soon as it runs out.
    const firstLease = await store.leaseOf(entityRef);
    let holderAlive = false;
    while (this.now() < deadline) {
      const summary = await store.getSummary(entityRef);
      if (!summary) return undefined;
      if (!summary.scanning && summary.nextScanAt > requestedAt)
        return 'completed';
      const lease = await store.leaseOf(entityRef);
      if (
        lease &&
        firstLease &&
        lease.owner === firstLease.owner &&
        lease.expiresAt > firstLease.expiresAt
      )
        holderAlive = true;
      if (!lease || lease.expiresAt < this.now()) {
        const taken = await scanHere();
        if (taken) return taken;
      }
      await sleep(Math.min(250, Math.max(0, deadline - this.now())));
    }
    const summary = await store.getSummary(entityRef);
    // Never "running" for a holder that showed no sign of life while we waited.
    return summary?.scanning && holderAlive ? 'running' : 'queued';
  }

  /** Stops claiming, lets running scans finish within the shutdown bound, then aborts them and releases their leases. */
  async stop(): Promise<void> {
    this.stopping = true;
    const pending = Promise.all([this.currentRun, ...this.inFlight]).then(
      () => true,
    );
    const finished = await Promise.race([
      pending,
      sleep(this.options.config.shutdownTimeoutMs).then(() => false),
    ]);
    if (!finished) {
      this.options.logger.warn(
        `Stopping: aborting ${this.inFlight.size} running scans after ${this.options.config.shutdownTimeoutMs} ms`,
      );
      this.hardStop.abort(new Error('The backend is shutting down'));
      await Promise.race([pending, sleep(2000)]);
    }
    this.stopHeartbeat();
  }

  /** Claims through the store and holds what was claimed (renewed by the heartbeat). */
  private async claim(
    options: Parameters<ScorecardStore['claimDue']>[0],
  ): Promise<ClaimedEntity[]> {
    const claimed = await this.options.store.claimDue(options);
    for (const c of claimed) this.held.add(c.entityRef);
    if (this.held.size && !this.heartbeat) {
      this.heartbeat = setInterval(
        () => void this.renewHeld(),
        leaseHeartbeatMs(this.options.config),
      );
      this.heartbeat.unref?.();
    }
    return claimed;
  }

  /** Lets go of an entity whose outcome is stored or whose lease was released. */
  private unhold(entityRef: string) {
    this.held.delete(entityRef);
    if (!this.held.size) this.stopHeartbeat();
  }

  private stopHeartbeat() {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** One heartbeat: renews every lease held; a failed renewal is logged and retried next beat. */
  private async renewHeld(): Promise<void> {
    if (!this.held.size) return;
    const refs = [...this.held];
    try {
      const renewed = await this.options.store.renewLeases(refs, this.id, {
        now: this.now(),
        leaseMs: this.leaseMs,
      });
      if (renewed.length < refs.length) {
        this.options.logger.warn(
          `Lost the lease on ${
            refs.length - renewed.length
          } entities to another replica; their results will not be stored here`,
        );
      }
    } catch (error) {
      this.options.logger.warn(`Could not renew leases: ${error}`);
    }
  }

  private async drain(): Promise<number> {
    const { store, config, logger } = this.options;
    const queue: ClaimedEntity[] = [];
    let exhausted = false;
    let claiming: Promise<void> | undefined;
    let scanned = 0;
    const outcomes = new ScanOutcomeBatch({
      store,
      owner: this.id,
      size: OUTCOME_BATCH_SIZE,
      maxDelayMs: OUTCOME_BATCH_DELAY_MS,
      scanIntervalMs: config.scanIntervalMs,
      logger,
      now: this.now,
    });

    // One claim at a time, shared by the slots that find the queue empty or running low.
    const claimMore = (): Promise<void> => {
      if (!claiming) {
        claiming = this.claim({
          owner: this.id,
          now: this.now(),
          limit: config.batchSize,
          leaseMs: this.leaseMs,
        })
          .then(
            claimed => {
              if (!claimed.length) exhausted = true;
              queue.push(...claimed);
            },
            error => {
              logger.error(`Could not claim entities to scan: ${error}`);
              exhausted = true;
            },
          )
          .finally(() => {
            claiming = undefined;
          });
      }
      return claiming;
    };
    const next = async (): Promise<ClaimedEntity | undefined> => {
      for (;;) {
        if (this.stopping) return undefined;
        const item = queue.shift();
        if (item) {
          // Claim the next batch while two rounds of this one are left, so slots never
          // idle waiting for a claim round trip, even when sources are unchanged and a
          // round takes a millisecond.
          if (queue.length < 2 * config.concurrency && !exhausted)
            void claimMore();
          return item;
        }
        if (exhausted) return undefined;
        await claimMore();
      }
    };

    const slot = async () => {
      for (let claim = await next(); claim; claim = await next()) {
        await this.track(this.scanClaimed(claim, outcomes));
        scanned++;
      }
    };
    await Promise.all(Array.from({ length: config.concurrency }, slot));
    await outcomes.flush();
    // Claimed but not started because the worker is stopping: give them back (after any
    // claim still in flight has landed in the queue).
    await claiming;
    for (const claim of queue.splice(0)) {
      await store
        .releaseLease(claim.entityRef, this.id)
        .catch(e =>
          logger.warn(
            `Could not release the lease on ${claim.entityRef} (it runs out by itself): ${e}`,
          ),
        );
      this.unhold(claim.entityRef);
    }
    return scanned;
  }

  private track(scan: Promise<void>): Promise<void> {
    this.inFlight.add(scan);
    return scan.finally(() => this.inFlight.delete(scan));
  }

  /**
   * Scans one claimed entity and stores the outcome: through `outcomes` when given
   * (batched writes during a run), else at once (scan now).
   */
  private async scanClaimed(
    claim: ClaimedEntity,
    outcomes?: ScanOutcomeBatch,
  ): Promise<void> {
    const { store, scanner, config, logger } = this.options;
    const controller = new AbortController();
    const timeout = setTimeout(
      () => controller.abort(timeoutError(config.timeoutMs)),
      config.timeoutMs,
    );
    const onStop = () => controller.abort(this.hardStop.signal.reason);
    this.hardStop.signal.addEventListener('abort', onStop);
    try {
      const outcome = await abortable(
        scanner.scan(claim, controller.signal),
        controller.signal,
      );
      const record = outcome.unchanged
        ? { entityRef: claim.entityRef }
        : {
            entityRef: claim.entityRef,
            report: outcome.report,
            etag: outcome.etag,
          };
      if (outcomes) {
        await outcomes.add(record);
        return;
      }
      const now = this.now();
      const stored = await store.completeScans([record], this.id, {
        now,
        nextScanAt: now + config.scanIntervalMs,
      });
      if (!stored.length) {
        logger.warn(
          `Lease on ${claim.entityRef} was lost before its result was stored`,
        );
      }
    } catch (error) {
      if (this.hardStop.signal.aborted) {
        await store
          .releaseLease(claim.entityRef, this.id)
          .catch(e =>
            logger.warn(
              `Could not release the lease on ${claim.entityRef} (it runs out by itself): ${e}`,
            ),
          );
        return;
      }
      const reason = controller.signal.aborted
        ? controller.signal.reason
        : error;
      const message = reason instanceof Error ? reason.message : String(reason);
      const attempts = claim.attempts + 1;
      const retry = isTransientError(reason) && attempts <= config.maxRetries;
      const now = this.now();
      const delay = retry
        ? Math.min(
            config.retryBackoffMs * 2 ** (attempts - 1),
            config.scanIntervalMs,
          )
        : config.scanIntervalMs;
      logger.warn(
        `Scan of ${claim.entityRef} failed${
          retry
            ? `, retry ${attempts} of ${config.maxRetries} in ${delay} ms`
            : ''
        }: ${message}`,
      );
      await store
        .failScan(claim.entityRef, this.id, {
          error: message,
          now,
          nextScanAt: now + delay,
          attempts,
        })
        .catch(e =>
          logger.error(
            `Could not record the failed scan of ${claim.entityRef}: ${e}`,
          ),
        );
    } finally {
      clearTimeout(timeout);
      this.hardStop.signal.removeEventListener('abort', onStop);
      this.unhold(claim.entityRef);
    }
  }
}

function timeoutError(ms: number): Error {
  const error = new Error(`Scan timed out after ${ms} ms`);
  error.name = 'TimeoutError';
  return error;
}

/** Settles with the abort reason as soon as `signal` aborts, even if `promise` ignores it. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => {
    const t = setTimeout(resolve, ms);
    t.unref?.();
  });
}
