import { LoggerService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { ScanOutcomeRecord } from '../database/types';
import { ScanQueue } from './ScanQueue';

/**
 * Collects the outcomes of a run's scans and writes them a batch per transaction: one
 * commit per batch instead of one per entity keeps the database's share of a cycle small
 * (most of all on PostgreSQL, where each commit waits for the WAL), so a replica's time
 * goes to reading and analyzing. A batch is written when it is full, when its oldest
 * outcome has waited `maxDelayMs`, and when the run ends.
 */
export class ScanOutcomeBatch {
  private pending: ScanOutcomeRecord[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private writing: Promise<void> = Promise.resolve();
  private queuedWrites = 0;

  constructor(
    private readonly options: {
      store: Pick<ScanQueue, 'completeScans'>;
      owner: string;
      size: number;
      maxDelayMs: number;
      scanIntervalMs: number;
      logger: LoggerService;
      now: () => number;
    },
  ) {}

  /**
   * Adds an outcome; a full batch is written in the background while scanning goes on.
   * Waits only when the database falls behind: a batch is being written and another is
   * already waiting for it.
   */
  async add(outcome: ScanOutcomeRecord): Promise<void> {
    this.pending.push(outcome);
    if (this.pending.length >= this.options.size) {
      const written = this.flush();
      if (this.queuedWrites > 1) await written;
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.maxDelayMs);
      this.timer.unref?.();
    }
  }

  /** Writes what was added and not yet written; resolves once every earlier batch is written too. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length) {
      this.queuedWrites++;
      this.writing = this.writing
        .then(() => this.write(batch))
        .finally(() => {
          this.queuedWrites--;
        });
    }
    return this.writing;
  }

  private async write(batch: ScanOutcomeRecord[]): Promise<void> {
    const { store, owner, scanIntervalMs, logger, now } = this.options;
    const at = now();
    try {
      const stored = new Set(
        await store.completeScans(batch, owner, {
          now: at,
          nextScanAt: at + scanIntervalMs,
        }),
      );
      for (const { entityRef } of batch.filter(o => !stored.has(o.entityRef))) {
        logger.warn(
          `Lease on ${entityRef} was lost before its result was stored`,
        );
      }
    } catch (error) {
      // The leases stay and expire, so these entities are scanned again.
      logger.error(
        `Could not store the results of ${batch.length} scans`,
        toError(error),
      );
    }
  }
}
