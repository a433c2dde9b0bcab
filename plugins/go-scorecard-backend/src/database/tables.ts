/*
 * The plugin's tables, in one place: their names, the type of a row of each, and the
 * column lists more than one query uses. The schema itself is in `migrations/`; a column
 * added there is added to the row type here. Queries name their row type
 * (`knex<EntityRow>(ENTITIES)`), so a misspelt column does not compile.
 */

/** One row per selected catalog entity: scan state (leases) and latest summary. */
export const ENTITIES = 'go_scorecard_entities';
/** The latest result per entity and check. */
export const RESULTS = 'go_scorecard_check_results';
/** The bit of each check id in the status masks of {@link ENTITIES}. */
export const CHECK_BITS = 'go_scorecard_check_bits';
/** Sets of entity refs callers may read, by content hash (see ReadableSets). */
export const READABLE_SETS = 'go_scorecard_readable_sets';
/** The refs of each readable set. */
export const READABLE_REFS = 'go_scorecard_readable_refs';
/** One row per entity and UTC day: the counts of the day's last scan, for trends. */
export const HISTORY = 'go_scorecard_history';
/** Check status changes waiting for, or sent in, a notification digest (see StatusChangeStore). */
export const STATUS_CHANGES = 'go_scorecard_status_changes';
/** Every group below each group of the catalog (see GroupHierarchyStore). */
export const GROUP_DESCENDANTS = 'go_scorecard_group_descendants';

/** A number column as the drivers return it: PostgreSQL gives bigints (and sums) as strings. */
export type DbNumber = number | string;

/** A boolean column as the drivers return it: SQLite gives 0 or 1. */
export type DbBoolean = boolean | number;

/** A row of {@link ENTITIES}. Times are epoch milliseconds; JSON columns are text. */
export interface EntityRow {
  /** Lowercased entity ref (primary key). */
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  owner: string | null;
  system: string | null;
  /** `owner` lowercased (`toLocaleLowerCase('en-US')`): the owner filter and text search. */
  owner_key: string | null;
  /** `system` lowercased: the system filter and text search. */
  system_key: string | null;
  /** `title` lowercased: the text search. */
  title_key: string | null;
  /** `title`, or `name` without one, lowercased: the title sort key. */
  sort_title: string | null;
  /** The report CSV's cells of `entity_ref`, `title`, `owner`, `system` and `type`, comma-separated. */
  csv_cells: string | null;
  /** Resolved source location, `type:target`. */
  source: string | null;
  /** Resolved manifests location, `type:target`. */
  manifests: string | null;
  /** Why the source location could not be resolved. */
  source_error: string | null;
  /** JSON `LocationOrigins`: what the entity wrote for its local locations. */
  location_origins: string | null;
  /** Last catalog sync that wrote the entity's catalog columns: it was new, or they changed. */
  seen_at: DbNumber;
  next_scan_at: DbNumber;
  lease_owner: string | null;
  lease_expires_at: DbNumber | null;
  /** Last scan-now request that was accepted. */
  scan_requested_at: DbNumber | null;
  /** Consecutive failed reads. */
  attempts: DbNumber;
  etag: string | null;
  last_error: string | null;
  stale: DbBoolean;
  /** Last analysis. */
  scanned_at: DbNumber | null;
  /** Last successful read, changed or not. */
  checked_at: DbNumber | null;
  pass_count: DbNumber;
  warn_count: DbNumber;
  fail_count: DbNumber;
  na_count: DbNumber;
  error_count: DbNumber;
  /** 0–100, or null when no check applies. */
  score: DbNumber | null;
  /** JSON: check id to status. */
  check_statuses: string | null;
  /** The bits of the checks whose latest status is `pass` (the others likewise): `check_statuses` as masks. */
  pass_bits: DbMask;
  warn_bits: DbMask;
  fail_bits: DbMask;
  na_bits: DbMask;
  error_bits: DbMask;
  /**
   * The report CSV's cells from score to waived over every check, written with the
   * masks (see `csvStateOf`); null before an analysis.
   */
  csv_state: string | null;
  /** The catalog and format `csv_state` was written for (`CSV_STATE_KEY`). */
  csv_state_key: string | null;
  /**
   * The `scanned_at` `csv_state` was written for: not this row's after an analysis that
   * did not write it (an earlier version's), whose CSV then computes its cells.
   */
  csv_state_at: DbNumber | null;
  /** JSON: the scan's notes. */
  notes: string | null;
  /**
   * False when the last analysis found no Go (`isGoService` of the common package); null
   * before one. The report leaves non-Go services out of scores and aggregates.
   */
  go_service: DbBoolean | null;
  /** Findings of the last analysis covered by a waiver of `.go-scorecard.yaml` (sum over the checks). */
  waived_count: DbNumber;
  /** The earliest expiry (YYYY-MM-DD) of those waivers; null without any. */
  waiver_expires: string | null;
  /**
   * Catalog entities that depend on this one (`dependsOn` it, or `consumesApi` an API it
   * `providesApi`), distinct, not itself; written by the catalog sync (see `impactOf`).
   */
  impact: DbNumber;
}

/** A row of {@link GROUP_DESCENDANTS}: `descendant_ref` is somewhere below `ancestor_ref`. */
export interface GroupDescendantRow {
  /** Lowercased group ref. */
  ancestor_ref: string;
  /** Lowercased group ref, never `ancestor_ref`. */
  descendant_ref: string;
}

/** A row of {@link RESULTS}. */
export interface CheckResultRow {
  entity_ref: string;
  check_id: string;
  lesson: DbNumber;
  severity: string;
  status: string;
  message: string | null;
  /** Every finding of the check; `findings` may hold fewer (capped). */
  finding_count: DbNumber;
  /** JSON array of findings. */
  findings: string;
  /** Findings covered by a waiver (the true number, also when `findings` is capped). */
  waived_count: DbNumber;
  /** The earliest expiry (YYYY-MM-DD) of the listed waived findings; null without any. */
  waiver_expires: string | null;
}

/** A row of {@link CHECK_BITS}: a check id's bit, assigned once and never reused. */
export interface CheckBitRow {
  check_id: string;
  /** 0–62. */
  bit: DbNumber;
}

/**
 * A bit mask over check bits ({@link CHECK_BITS}); PostgreSQL gives it as a string. Written
 * as a number, or a bigint above 2^53.
 */
export type DbMask = number | string | bigint;

/** A row of {@link READABLE_SETS}. */
export interface ReadableSetRow {
  /** SHA-256 (hex) of the sorted refs, newline-separated. */
  set_id: string;
  /** Last use (epoch ms): sets unused for long are deleted. */
  used_at: DbNumber;
}

/** A row of {@link READABLE_REFS}. */
export interface ReadableRefRow {
  set_id: string;
  entity_ref: string;
}

/** A row of {@link HISTORY}. */
export interface HistoryRow {
  /** Generated. */
  id?: DbNumber;
  entity_ref: string;
  scanned_at: DbNumber;
  /** Days since the epoch (UTC) of `scanned_at`. */
  day: DbNumber;
  /** True when a scan of the day analyzed new content. */
  changed: DbBoolean;
  pass_count: DbNumber;
  warn_count: DbNumber;
  fail_count: DbNumber;
  na_count: DbNumber;
  error_count: DbNumber;
  score: DbNumber | null;
  /**
   * The scan's status masks (as the entity row's); null for rows written before they
   * were kept and not known since (a trend scoped to a lesson or check leaves them out).
   */
  pass_bits?: DbMask | null;
  warn_bits?: DbMask | null;
  fail_bits?: DbMask | null;
  na_bits?: DbMask | null;
  error_bits?: DbMask | null;
  /** The scan's waived findings; null for rows written before they were kept and not known since. */
  waived_count?: DbNumber | null;
}

/** A row of {@link STATUS_CHANGES}. Times are epoch milliseconds. */
export interface StatusChangeRow {
  /** Generated. */
  id?: DbNumber;
  entity_ref: string;
  check_id: string;
  /** The entity's owner ref when the change was seen; null for an entity without one. */
  owner: string | null;
  kind: 'regression' | 'improvement';
  from_status: string;
  to_status: string;
  /** Waived findings of the check dropped while it fails or warns. */
  waiver_expired: DbBoolean;
  /** Time of the scan that changed the status (unique with the entity and check). */
  detected_at: DbNumber;
  /** The new result's first finding no waiver covers, `path:line`; null without one. */
  finding?: string | null;
  /** The digest that claimed the change; kept when a send fails, so a retry reuses it. */
  digest_id: string | null;
  /** A sending replica's claim on the change. */
  claimed_until: DbNumber | null;
  /** When the digest listing it was sent (or dropped: nobody to send it to). */
  notified_at: DbNumber | null;
}

/** The status count columns, of an entity row, a history row or a sum of them. */
export const COUNT_COLUMNS = [
  'pass_count',
  'warn_count',
  'fail_count',
  'na_count',
  'error_count',
] as const;

/** The status mask columns of an entity row, by check status. */
export const MASK_COLUMNS = {
  pass: 'pass_bits',
  warn: 'warn_bits',
  fail: 'fail_bits',
  not_applicable: 'na_bits',
  error: 'error_bits',
} as const satisfies Record<string, keyof EntityRow>;

/** Status count columns (possibly absent, as in a sum over no rows). */
export type CountColumns = Partial<
  Pick<EntityRow, (typeof COUNT_COLUMNS)[number]>
>;

/** The entity columns that come from the catalog, refreshed by a sync that finds them changed, but `source` and `manifests`. */
export const CATALOG_COLUMNS = [
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'owner',
  'system',
  'owner_key',
  'system_key',
  'title_key',
  'sort_title',
  'csv_cells',
  'source_error',
  'location_origins',
  'seen_at',
] as const satisfies readonly (keyof EntityRow)[];

/** Every entity column that comes from the catalog: what an upsert of one target writes. */
export const TARGET_COLUMNS = [
  ...CATALOG_COLUMNS,
  'source',
  'manifests',
] as const satisfies readonly (keyof EntityRow)[];

/** The entity columns a claim returns: everything needed to scan the entity. */
export const CLAIM_COLUMNS = [
  'entity_ref',
  'source',
  'manifests',
  'source_error',
  'location_origins',
  'etag',
  'attempts',
  'next_scan_at',
] as const satisfies readonly (keyof EntityRow)[];

/** The entity columns a completed scan writes. */
export const SCAN_COLUMNS = [
  'checked_at',
  'next_scan_at',
  'attempts',
  'last_error',
  'stale',
  'lease_owner',
  'lease_expires_at',
  ...COUNT_COLUMNS,
  'score',
  'check_statuses',
  ...Object.values(MASK_COLUMNS),
  'csv_state',
  'csv_state_key',
  'csv_state_at',
  'go_service',
  'waived_count',
  'waiver_expires',
  'notes',
  'etag',
  'scanned_at',
] as const satisfies readonly (keyof EntityRow)[];

/** The entity columns of a summary (all but the scan internals and the notes). */
export const SUMMARY_COLUMNS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'owner',
  'system',
  'source',
  'scanned_at',
  'checked_at',
  'next_scan_at',
  'etag',
  'stale',
  'last_error',
  'lease_expires_at',
  ...COUNT_COLUMNS,
  'score',
  'check_statuses',
  'go_service',
  'waived_count',
  'impact',
] as const satisfies readonly (keyof EntityRow)[];

/** An entity row as read for a summary. */
export type SummaryRow = Pick<EntityRow, (typeof SUMMARY_COLUMNS)[number]>;

/** An entity row as a claim returns it. */
export type ClaimRow = Pick<EntityRow, (typeof CLAIM_COLUMNS)[number]>;
