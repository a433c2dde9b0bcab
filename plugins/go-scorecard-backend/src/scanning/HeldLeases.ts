import { LoggerService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { ClaimedEntity, ClaimOptions } from '../database/types';
import { ScanQueue } from './ScanQueue';

/**
 * The leases one replica holds (claimed and waiting, or being scanned), kept alive by a
 * heartbeat: while any are held they are renewed every `heartbeatMs` (a quarter of the
 * lease), so leases stay short and a replica that dies leaves its entities to the
 * others within one lease.
 */
export class HeldLeases {
  private readonly held = new Set<string>();
  private heartbeat?: ReturnType<typeof setInterval>;

  constructor(
    private readonly options: {
      queue: ScanQueue;
      owner: string;
      leaseMs: number;
      heartbeatMs: number;
      logger: LoggerService;
      now: () => number;
    },
  ) {}

  /** Claims through the queue and holds what was claimed. */
  async claim(
    request: Pick<ClaimOptions, 'limit' | 'entityRef'>,
  ): Promise<ClaimedEntity[]> {
    const { queue, owner, leaseMs, heartbeatMs, now } = this.options;
    const claimed = await queue.claimDue({
      ...request,
      owner,
      now: now(),
      leaseMs,
    });
    for (const c of claimed) this.held.add(c.entityRef);
    if (this.held.size && !this.heartbeat) {
      this.heartbeat = setInterval(() => void this.renew(), heartbeatMs);
      this.heartbeat.unref?.();
    }
    return claimed;
  }

  /** Lets go of an entity whose outcome is stored or whose lease was released. */
  forget(entityRef: string): void {
    this.held.delete(entityRef);
    if (!this.held.size) this.stop();
  }

  /** Gives an entity back unscanned; a failed release is logged (the lease runs out by itself). */
  async release(entityRef: string): Promise<void> {
    const { queue, owner, logger } = this.options;
    try {
      await queue.releaseLease(entityRef, owner);
    } catch (error) {
      logger.warn(
        `Could not release the lease on ${entityRef} (it runs out by itself)`,
        toError(error),
      );
    }
    this.forget(entityRef);
  }

  /** Stops the heartbeat. */
  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** One heartbeat: renews every lease held; a failed renewal is logged and retried next beat. */
  private async renew(): Promise<void> {
    if (!this.held.size) return;
    const { queue, owner, leaseMs, logger, now } = this.options;
    const refs = [...this.held];
    try {
      const renewed = await queue.renewLeases(refs, owner, {
        now: now(),
        leaseMs,
      });
      if (renewed.length < refs.length) {
        logger.warn(
          `Lost the lease on ${
            refs.length - renewed.length
          } entities to another replica; their results will not be stored here`,
        );
      }
    } catch (error) {
      logger.warn('Could not renew leases', toError(error));
    }
  }
}
