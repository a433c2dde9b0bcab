import { ResultStore } from '../database/ResultStore';
import { ScanQueueStore } from '../database/ScanQueueStore';

/**
 * The part of the store the scan loop uses: the lease queue of due entities (claim,
 * complete, fail, release, renew, request) and the scan state scan-now polls. Named
 * here, by its user, so the loop depends on these methods only: the composed
 * `ScorecardStore` satisfies it, and so would a queue store joined with a summary
 * lookup.
 */
export type ScanQueue = Pick<
  ScanQueueStore,
  | 'claimDue'
  | 'completeScans'
  | 'failScan'
  | 'releaseLease'
  | 'renewLeases'
  | 'leaseOf'
  | 'requestScan'
> &
  Pick<ResultStore, 'getSummary'>;
