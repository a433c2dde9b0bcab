import {
  ClaimedEntity,
  ClaimOptions,
  FailedScan,
  Lease,
  ScanOutcomeRecord,
  ScanRequest,
} from '../database/types';

export type { ClaimOptions, Lease, ScanRequest };

/**
 * The part of the store the scan loop uses: the lease queue of due entities, and the
 * scan state scan-now polls. Declared here, by its user, so that whichever store keeps
 * the queue satisfies it and the worker's tests can stand in for it.
 */
export interface ScanQueue {
  /** Atomically leases up to `limit` due entities no live lease holds. */
  claimDue(options: ClaimOptions): Promise<ClaimedEntity[]>;
  /** Stores outcomes of scans `owner` still holds; returns the refs stored. */
  completeScans(
    outcomes: ScanOutcomeRecord[],
    owner: string,
    scan: { now: number; nextScanAt: number },
  ): Promise<string[]>;
  /** Records a failed scan and releases its lease. */
  failScan(
    entityRef: string,
    owner: string,
    failure: FailedScan,
  ): Promise<unknown>;
  /** Gives a claimed entity back unscanned; it stays due. */
  releaseLease(entityRef: string, owner: string): Promise<void>;
  /** Extends the leases `owner` still holds; returns the refs renewed. */
  renewLeases(
    entityRefs: string[],
    owner: string,
    lease: { now: number; leaseMs: number },
  ): Promise<string[]>;
  leaseOf(entityRef: string): Promise<Lease | undefined>;
  /** Makes an entity due now, at most once per `cooldownMs`. */
  requestScan(
    entityRef: string,
    now: number,
    cooldownMs?: number,
  ): Promise<ScanRequest>;
  /** The scan state of one entity; undefined when it is not selected. */
  getSummary(
    entityRef: string,
  ): Promise<{ scanning: boolean; nextScanAt: number } | undefined>;
}
