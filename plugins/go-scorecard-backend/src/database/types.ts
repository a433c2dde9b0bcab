import {
  CheckResult,
  CheckStatus,
  EntityScanState,
  HistoryPoint,
  ScanNote,
  ScanReport,
  ScorecardEntity,
  StatusCounts,
} from '@internal/plugin-go-scorecard-common';

export type { EntityScanState, HistoryPoint, StatusCounts };

/** An annotation and its value as the entity wrote it (what an error about a local read may name). */
export interface LocationOrigin {
  annotation: string;
  value: string;
}

/** Where the local locations of an entity come from, as written in the entity. */
export interface LocationOrigins {
  source?: LocationOrigin;
  manifests?: LocationOrigin;
}

/** A catalog entity selected for scanning, as the catalog sync writes it. */
export interface ScanTarget extends ScorecardEntity {
  /** Resolved source location (`url:…` or `local:…`). */
  source?: string;
  /** Resolved location of manifests kept elsewhere. */
  manifests?: string;
  /** Why the source location could not be resolved. */
  sourceError?: string;
  /** For local locations: the annotations they come from, as written. */
  origins?: LocationOrigins;
  /** Catalog entities that depend on it (see `impactOf`); 0 when not known. */
  impact?: number;
}

/** An entity a replica has claimed: everything needed to scan it. */
export interface ClaimedEntity {
  entityRef: string;
  source?: string;
  manifests?: string;
  sourceError?: string;
  origins?: LocationOrigins;
  etag?: string;
  /** Consecutive failed reads before this claim. */
  attempts: number;
}

/** The summary row of one entity: denormalized catalog fields, scan state and latest counts. */
export interface EntitySummary extends ScorecardEntity {
  source?: string;
  state: EntityScanState;
  /** Last analysis (epoch ms). */
  scannedAt?: number;
  /** Last successful read, changed or not (epoch ms). */
  checkedAt?: number;
  nextScanAt: number;
  etag?: string;
  stale: boolean;
  error?: string;
  /** True while a replica holds an unexpired lease on the entity. */
  scanning: boolean;
  counts: StatusCounts;
  /** 0–100, or undefined when no check applies. */
  score?: number;
  /** Status of every check of the latest scan, by check id. */
  checkStatuses: Record<string, CheckStatus>;
  /**
   * False when the latest scan found no Go (`isGoService`): listed, but left out of scores
   * and aggregates. Undefined before an analysis.
   */
  goService?: boolean;
  /** Findings of the latest scan covered by a waiver of `.go-scorecard.yaml`; 0 before a scan. */
  waived: number;
  /** Catalog entities that depend on it, as of the last catalog sync (see `impactOf`). */
  impact: number;
}

/** The stored latest result of one entity: its summary and every check. */
export interface StoredEntityResult {
  summary: EntitySummary;
  checks: CheckResult[];
  notes: ScanNote[];
}

/** What a claim asks for: up to `limit` due entities (or one named entity), leased to `owner`. */
export interface ClaimOptions {
  owner: string;
  now: number;
  limit: number;
  leaseMs: number;
  /** Claim this entity only, due or not (scan now). */
  entityRef?: string;
}

/** Who holds the lease on an entity and until when (epoch ms). */
export interface Lease {
  owner: string;
  expiresAt: number;
}

/**
 * The answer to a scan-now request: accepted, unknown entity, or within the cooldown
 * (`retryAt`, epoch ms, is when the next is allowed).
 */
export type ScanRequest =
  | { requested: true }
  | { requested: false; unknown: true }
  | { requested: false; unknown?: false; retryAt: number };

/**
 * What one scan of an entity gave: the source unchanged since the stored ETag, or a new
 * report with the source's ETag. The one shape from the scanner to the store.
 */
export type ScanOutcome =
  | { unchanged: true }
  | { unchanged: false; report: ScanReport; etag: string };

/** A scan's outcome for one entity, as the store writes it. */
export type ScanOutcomeRecord = { entityRef: string } & ScanOutcome;

/** What a failed scan writes. */
export interface FailedScan {
  error: string;
  now: number;
  nextScanAt: number;
  attempts: number;
}
