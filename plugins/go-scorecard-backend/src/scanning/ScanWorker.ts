import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ScorecardConfig, leaseHeartbeatMs } from '../config/ScorecardConfig';
import { EntityScanner } from './EntityScanner';
import { HeldLeases } from './HeldLeases';
import { ScanNow, ScanNowCooldown, ScanNowState } from './ScanNow';
import { ScanPipeline } from './ScanPipeline';
import { ScanProcessor } from './ScanProcessor';
import { ScanQueue } from './ScanQueue';

export type { ScanNowCooldown, ScanNowState } from './ScanNow';

/** How long a hard stop waits for aborted scans to give their leases back. */
const ABORT_GRACE_MS = 2000;

/** The settings the worker reads. */
export type WorkerConfig = Pick<
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
 * One replica's scanning: the scheduled {@link ScanPipeline} (claim, process, store),
 * scan-now requests ({@link ScanNow}), and shutdown. Both share the leases this replica
 * holds ({@link HeldLeases}, renewed by a heartbeat) and the {@link ScanProcessor}
 * (per-scan timeout, retry schedule). `stop()` stops claiming, waits for running scans
 * within a bound, aborts the rest and releases their leases.
 */
export class ScanWorker {
  /** This replica's lease owner id. */
  readonly id: string;
  private stopping = false;
  private readonly hardStop = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private currentRun?: Promise<number>;
  private readonly leases: HeldLeases;
  private readonly pipeline: ScanPipeline;
  private readonly scanNowRequests: ScanNow;

  constructor(
    private readonly options: {
      store: ScanQueue;
      scanner: EntityScanner;
      logger: LoggerService;
      config: WorkerConfig;
      id?: string;
      now?: () => number;
      /**
       * Runs after each scan run and each scan-now scan of this replica, once their
       * outcomes are stored (the regression notifier's flush). Must not reject.
       */
      afterScans?: () => Promise<unknown>;
    },
  ) {
    const { store: queue, scanner, logger, config } = options;
    const owner = options.id ?? `go-scorecard-${randomUUID()}`;
    const now = options.now ?? Date.now;
    const stopping = () => this.stopping;
    const track = (scan: Promise<void>) => this.track(scan);
    this.id = owner;
    this.leases = new HeldLeases({
      queue,
      owner,
      leaseMs: config.leaseMs,
      heartbeatMs: leaseHeartbeatMs(config),
      logger,
      now,
    });
    const processor = new ScanProcessor({
      queue,
      scanner,
      leases: this.leases,
      owner,
      config,
      logger,
      now,
      stopSignal: this.hardStop.signal,
    });
    this.pipeline = new ScanPipeline({
      queue,
      leases: this.leases,
      processor,
      owner,
      config,
      logger,
      now,
      stopping,
      track,
    });
    this.scanNowRequests = new ScanNow({
      queue,
      leases: this.leases,
      processor,
      config,
      now,
      stopping,
      track,
      afterScan: options.afterScans,
    });
  }

  /**
   * Claims and scans due entities until none are left (or the worker stops). A call
   * while a run is going joins that run. Returns the number of entities scanned.
   */
  runOnce(): Promise<number> {
    if (this.stopping) return Promise.resolve(0);
    if (!this.currentRun) {
      this.currentRun = this.pipeline
        .run()
        .then(async scanned => {
          await this.options.afterScans?.();
          return scanned;
        })
        .finally(() => {
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
  scanNow(
    entityRef: string,
  ): Promise<ScanNowState | ScanNowCooldown | undefined> {
    return this.scanNowRequests.request(entityRef);
  }

  /** Stops claiming, lets running scans finish within the shutdown bound, then aborts them and releases their leases. */
  async stop(): Promise<void> {
    const { config, logger } = this.options;
    this.stopping = true;
    const pending = Promise.all([this.currentRun, ...this.inFlight]).then(
      () => true,
    );
    const finished = await Promise.race([
      pending,
      delay(config.shutdownTimeoutMs, false, { ref: false }),
    ]);
    if (!finished) {
      logger.warn(
        `Stopping: aborting ${this.inFlight.size} running scans after ${config.shutdownTimeoutMs} ms`,
      );
      this.hardStop.abort(new Error('The backend is shutting down'));
      await Promise.race([
        pending,
        delay(ABORT_GRACE_MS, undefined, { ref: false }),
      ]);
    }
    this.leases.stop();
  }

  private track(scan: Promise<void>): Promise<void> {
    this.inFlight.add(scan);
    return scan.finally(() => this.inFlight.delete(scan));
  }
}
