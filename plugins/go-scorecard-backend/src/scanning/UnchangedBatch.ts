import { LoggerService } from '@backstage/backend-plugin-api';
import { ScorecardStore } from '../database/ScorecardStore';

/**
 * Collects entities whose sources were unchanged and records them in one transaction
 * per batch: an unchanged source costs one small request and, amortized, a fraction of
 * a database round trip, so a cycle over unchanged repositories is dominated by the
 * ETag checks alone.
 */
export class UnchangedBatch {
  private pending: string[] = [];

  constructor(
    private readonly store: ScorecardStore,
    private readonly owner: string,
    private readonly size: number,
    private readonly scanIntervalMs: number,
    private readonly logger: LoggerService,
    private readonly now: () => number,
  ) {}

  /** Adds an entity; records the batch once it is full. */
  async add(entityRef: string): Promise<void> {
    this.pending.push(entityRef);
    if (this.pending.length >= this.size) await this.flush();
  }

  /** Records what was added and not yet recorded. */
  async flush(): Promise<void> {
    const refs = this.pending;
    this.pending = [];
    if (!refs.length) return;
    const now = this.now();
    const stored = new Set(
      await this.store.completeUnchanged(refs, this.owner, {
        now,
        nextScanAt: now + this.scanIntervalMs,
      }),
    );
    for (const ref of refs.filter(r => !stored.has(r))) {
      this.logger.warn(`Lease on ${ref} was lost before its result was stored`);
    }
  }
}
