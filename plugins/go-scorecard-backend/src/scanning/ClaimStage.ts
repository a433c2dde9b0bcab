import { LoggerService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { ScorecardConfig } from '../config/ScorecardConfig';
import { ClaimedEntity } from '../database/types';
import { HeldLeases } from './HeldLeases';

/**
 * The claim stage of one run: a queue of claimed entities, refilled one claim at a
 * time (shared by the slots that find it empty or running low). A failed claim ends
 * the run after it is logged.
 */
export class ClaimStage {
  private readonly queue: ClaimedEntity[] = [];
  private exhausted = false;
  private claiming?: Promise<void>;

  constructor(
    private readonly leases: HeldLeases,
    private readonly config: Pick<ScorecardConfig, 'batchSize' | 'concurrency'>,
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
