import {
  CheckStatus,
  EntityScanState,
  HistoryPoint,
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
}
