import { LoggerService } from '@backstage/backend-plugin-api';
import { ScorecardConfig } from '../config/ScorecardConfig';
import { ClaimStage } from './ClaimStage';
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
