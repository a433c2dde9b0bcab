import { setTimeout as delay } from 'node:timers/promises';
import { ScorecardConfig } from '../config/ScorecardConfig';
import { HeldLeases } from './HeldLeases';
import { ScanProcessor } from './ScanProcessor';
import { ScanQueue } from './ScanQueue';

/** How a requested scan ended within the wait bound. */
export type ScanNowState = 'completed' | 'running' | 'queued';

/**
 * A scan-now request refused because the entity was scanned on request less than the
 * cooldown ago; `retryAt` (epoch ms) is when the next is allowed.
 */
export interface ScanNowCooldown {
  retryAt: number;
}

/** How often scan-now looks at an entity another replica holds. */
const POLL_MS = 250;

/**
 * Scan-now: makes one entity due and, unless another replica already holds it, claims
 * and scans it here. When another replica holds it, polls until that scan is stored,
 * taking the lease over as soon as a holder that stopped renewing it lets it run out.
 * Waits at most `scanNowTimeoutMs`.
 */
export class ScanNow {
  constructor(
    private readonly options: {
      queue: ScanQueue;
      leases: HeldLeases;
      processor: ScanProcessor;
      config: Pick<ScorecardConfig, 'scanNowTimeoutMs' | 'scanNowCooldownMs'>;
      now: () => number;
      /** True once the worker stops: nothing more is claimed. */
      stopping: () => boolean;
      /** Registers a running scan, so a stopping worker can wait for it. */
      track: (scan: Promise<void>) => Promise<void>;
      /** Runs once a scan made here is stored (the regression notifier's flush); must not reject. */
      afterScan?: () => Promise<unknown>;
    },
  ) {}

  /**
   * Requests a scan of `entityRef` and waits for it within the bound. Returns undefined
   * for an entity the queue does not know, and a {@link ScanNowCooldown} within the
   * cooldown of the last accepted request.
   */
  async request(
    entityRef: string,
  ): Promise<ScanNowState | ScanNowCooldown | undefined> {
    const { queue, config, now } = this.options;
    const requestedAt = now();
    const request = await queue.requestScan(
      entityRef,
      requestedAt,
      config.scanNowCooldownMs,
    );
    if (!request.requested) {
      return request.unknown ? undefined : { retryAt: request.retryAt };
    }
    const deadline = requestedAt + config.scanNowTimeoutMs;
    const here = await this.scanHere(entityRef, deadline);
    if (here) return here;
    return this.waitForHolder(entityRef, requestedAt, deadline);
  }

  /** Claims and scans the entity here; undefined when another replica holds it. */
  private async scanHere(
    entityRef: string,
    deadline: number,
  ): Promise<ScanNowState | undefined> {
    const { leases, processor, now, stopping, track, afterScan } = this.options;
    if (stopping()) return undefined;
    const [claim] = await leases.claim({ limit: 1, entityRef });
    if (!claim) return undefined;
    const done = track(
      processor.process(claim).then(async () => {
        await afterScan?.();
      }),
    );
    const finished = await Promise.race([
      done.then(() => true),
      delay(Math.max(0, deadline - now()), false, { ref: false }),
    ]);
    return finished ? 'completed' : 'running';
  }

  /**
   * Another replica holds the entity: waits for it to finish. A live holder renews its
   * lease every heartbeat; one that does not is gone, and its lease is taken over here
   * as soon as it runs out. Never "running" for a holder that showed no sign of life.
   */
  private async waitForHolder(
    entityRef: string,
    requestedAt: number,
    deadline: number,
  ): Promise<ScanNowState | undefined> {
    const { queue, now } = this.options;
    const firstLease = await queue.leaseOf(entityRef);
    let holderAlive = false;
    while (now() < deadline) {
      const summary = await queue.getSummary(entityRef);
      if (!summary) return undefined;
      if (!summary.scanning && summary.nextScanAt > requestedAt)
        return 'completed';
      const lease = await queue.leaseOf(entityRef);
      if (
        lease &&
        firstLease &&
        lease.owner === firstLease.owner &&
        lease.expiresAt > firstLease.expiresAt
      )
        holderAlive = true;
      if (!lease || lease.expiresAt < now()) {
        const taken = await this.scanHere(entityRef, deadline);
        if (taken) return taken;
      }
      await delay(Math.min(POLL_MS, Math.max(0, deadline - now())), undefined, {
        ref: false,
      });
    }
    const summary = await queue.getSummary(entityRef);
    return summary?.scanning && holderAlive ? 'running' : 'queued';
  }
}
