import { LoggerService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { ScorecardConfig } from '../config/ScorecardConfig';
import { ClaimedEntity } from '../database/types';
import { HeldLeases } from './HeldLeases';
import { ScanOutcomeBatch } from './ScanOutcomeBatch';
import { ScanProcessor } from './ScanProcessor';
import { ScanQueue } from './ScanQueue';

/** Longest time a finished scan's outcome waits in memory before it is written. */
const OUTCOME_BATCH_DELAY_MS = 1000;
/**
 * Most outcomes written per transaction. Larger than a claim batch: unchanged sources
 * finish in a few milliseconds each, and the delay bound keeps slow runs visible.
 */
const OUTCOME_BATCH_SIZE = 100;

/** The settings a run reads. */
export type ScanPipelineConfig = Pick<
  ScorecardConfig,
  'batchSize' | 'concurrency' | 'scanIntervalMs'
>;

/**
 * One replica's scan loop, in three stages: claim (batches of due entities, leased in
 * the shared database so replicas never scan the same entity at once, prefetched while
 * two rounds of the current batch are left), process (`concurrency` slots, each taking
 * the next claim and scanning it through the {@link ScanProcessor}), and store (outcomes
 * written a batch per transaction by a {@link ScanOutcomeBatch}). A run goes on until
 * nothing is due or the worker stops; claims not started by then are given back.
 */
export class ScanPipeline {
  constructor(
    private readonly options: {
      queue: ScanQueue;
      leases: HeldLeases;
      processor: ScanProcessor;
      owner: string;
      config: ScanPipelineConfig;
      logger: LoggerService;
      now: () => number;
      /** True once the worker stops: no slot takes another claim. */
      stopping: () => boolean;
      /** Registers a running scan, so a stopping worker can wait for it. */
      track: (scan: Promise<void>) => Promise<void>;
    },
  ) {}

  /** Claims and scans due entities until none are left or the worker stops. Returns how many were scanned. */
  async run(): Promise<number> {
    const { queue, leases, processor, owner, config, logger, now, track } =
      this.options;
    const claims = new ClaimStage(
      leases,
      config,
      logger,
      this.options.stopping,
    );
    const outcomes = new ScanOutcomeBatch({
      store: queue,
      owner,
      size: OUTCOME_BATCH_SIZE,
      maxDelayMs: OUTCOME_BATCH_DELAY_MS,
      scanIntervalMs: config.scanIntervalMs,
      logger,
      now,
    });
    let scanned = 0;
    const slot = async () => {
      for (
        let claim = await claims.next();
        claim;
        claim = await claims.next()
      ) {
        await track(processor.process(claim, outcomes));
        scanned++;
      }
    };
    await Promise.all(Array.from({ length: config.concurrency }, slot));
    await outcomes.flush();
    // Claimed but not started because the worker is stopping: give them back.
    for (const claim of await claims.unstarted()) {
      await leases.release(claim.entityRef);
    }
    return scanned;
  }
}

/**
 * The claim stage of one run: a queue of claimed entities, refilled one claim at a
 * time (shared by the slots that find it empty or running low). A failed claim ends
 * the run after it is logged.
 */
class ClaimStage {
  private readonly queue: ClaimedEntity[] = [];
  private exhausted = false;
  private claiming?: Promise<void>;

  constructor(
    private readonly leases: HeldLeases,
    private readonly config: Pick<
      ScanPipelineConfig,
      'batchSize' | 'concurrency'
    >,
    private readonly logger: LoggerService,
    private readonly stopping: () => boolean,
  ) {}

  /** The next claim to scan; undefined when nothing is due any more or the worker stops. */
  async next(): Promise<ClaimedEntity | undefined> {
    for (;;) {
      if (this.stopping()) return undefined;
      const item = this.queue.shift();
      if (item) {
        // The low watermark: claim the next batch while two rounds of this one are
        // left, so slots never idle waiting for a claim round trip, even when sources
        // are unchanged and a round takes a millisecond.
        if (this.queue.length < 2 * this.config.concurrency && !this.exhausted)
          void this.claimMore();
        return item;
      }
      if (this.exhausted) return undefined;
      await this.claimMore();
    }
  }

  /** What was claimed and not handed out, once any claim in flight has landed. */
  async unstarted(): Promise<ClaimedEntity[]> {
    await this.claiming;
    return this.queue.splice(0);
  }

  private claimMore(): Promise<void> {
    if (!this.claiming) {
      this.claiming = this.leases
        .claim({ limit: this.config.batchSize })
        .then(
          claimed => {
            if (!claimed.length) this.exhausted = true;
            this.queue.push(...claimed);
          },
          error => {
            this.logger.error(
              'Could not claim entities to scan',
              toError(error),
            );
            this.exhausted = true;
          },
        )
        .finally(() => {
          this.claiming = undefined;
        });
    }
    return this.claiming;
  }
}
