/*
 * Row ↔ object conversion for every table, in one place: what the stores write is built
 * here, and what they read is turned back into the plugin's types here. Numbers come
 * back from PostgreSQL as strings and booleans from SQLite as 0/1; both are normalized.
 */
import {
  CheckResult,
  HistoryPoint,
  ScanNote,
  ScanReport,
  StatusCounts,
  countStatuses,
  isGoService,
  scoreOf,
} from '@internal/plugin-go-scorecard-common';
import { csvCell } from '../report/reportCsv';
import { CSV_STATE_KEY, csvStateOf } from './csvState';
import {
  CheckResultRow,
  ClaimRow,
  CountColumns,
  DbNumber,
  DbMask,
  EntityRow,
  HistoryRow,
  MASK_COLUMNS,
  SummaryRow,
} from './tables';
import {
  ClaimedEntity,
  EntityScanState,
  EntitySummary,
  LocationOrigins,
  ScanTarget,
} from './types';
import { waivedOf, waivedOfScan } from './waived';

/** A day in milliseconds: history is kept per UTC day. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since the epoch (UTC) of an epoch-ms time: the `day` column of the history. */
export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

/** A nullable number column as a number, or undefined. */
export function optionalNumber(value: DbNumber | null | undefined) {
  return value === null || value === undefined ? undefined : Number(value);
}

/** The entity row of a catalog target seen (and due) at `now`. */
export function targetRow(t: ScanTarget, now: number) {
  return {
    entity_ref: t.entityRef,
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    title: t.title ?? null,
    type: t.type ?? null,
    owner: t.owner ?? null,
    system: t.system ?? null,
    owner_key: lowerOrNull(t.owner),
    system_key: lowerOrNull(t.system),
    title_key: lowerOrNull(t.title),
    sort_title: lowerOrNull(t.title ?? t.name),
    csv_cells: [t.entityRef, t.title ?? t.name, t.owner, t.system, t.type]
      .map(csvCell)
      .join(','),
    source: t.source ?? null,
    manifests: t.manifests ?? null,
    source_error: t.sourceError ?? null,
    location_origins: t.origins ? JSON.stringify(t.origins) : null,
    impact: t.impact ?? 0,
    seen_at: now,
    next_scan_at: now,
  } satisfies Partial<EntityRow>;
}

/** Lowercased as the report compares text (`toLocaleLowerCase('en-US')`); null for none. */
function lowerOrNull(value: string | undefined): string | null {
  return value === undefined ? null : value.toLocaleLowerCase('en-US');
}

/** A claimed entity row as what a scan needs. */
export function claimOf(row: ClaimRow): ClaimedEntity {
  return {
    entityRef: row.entity_ref,
    source: row.source ?? undefined,
    manifests: row.manifests ?? undefined,
    sourceError: row.source_error ?? undefined,
    origins: row.location_origins
      ? (JSON.parse(row.location_origins) as LocationOrigins)
      : undefined,
    etag: row.etag ?? undefined,
    attempts: Number(row.attempts),
  };
}

/** The count columns of status counts. */
export function countColumns(c: StatusCounts) {
  return {
    pass_count: c.pass,
    warn_count: c.warn,
    fail_count: c.fail,
    na_count: c.notApplicable,
    error_count: c.error,
  } satisfies CountColumns;
}

/** Status counts from count columns (absent ones are 0). */
export function countsOf(row: CountColumns): StatusCounts {
  return {
    pass: Number(row.pass_count ?? 0),
    warn: Number(row.warn_count ?? 0),
    fail: Number(row.fail_count ?? 0),
    notApplicable: Number(row.na_count ?? 0),
    error: Number(row.error_count ?? 0),
  };
}

/**
 * The status masks of check statuses: per status, the bits (`bits`, by check id) of the
 * checks with it. Numbers while they are exact, bigints above 2^53.
 */
export function statusMasks(
  statuses: Iterable<[string, string]>,
  bits: ReadonlyMap<string, number>,
): Record<(typeof MASK_COLUMNS)[keyof typeof MASK_COLUMNS], DbMask> {
  const masks = { pass: 0n, warn: 0n, fail: 0n, not_applicable: 0n, error: 0n };
  for (const [id, status] of statuses) {
    const bit = bits.get(id);
    if (bit === undefined || !(status in masks)) continue;
    masks[status as keyof typeof masks] |= 1n << BigInt(bit);
  }
  const value = (mask: bigint): DbMask =>
    mask <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(mask) : mask;
  return {
    pass_bits: value(masks.pass),
    warn_bits: value(masks.warn),
    fail_bits: value(masks.fail),
    na_bits: value(masks.not_applicable),
    error_bits: value(masks.error),
  };
}

/** The status masks of an entity or history row, by column. */
export type StatusMasks = ReturnType<typeof statusMasks>;

/**
 * The entity columns an analyzed report writes (counts, score, check statuses and their
 * masks over `bits`, the CSV's state cells (see `csvStateOf`), whether it is a Go service, notes, ETag, time of analysis), with the
 * counts, score and masks for the history row.
 */
export function analyzedColumns(
  report: ScanReport,
  etag: string | undefined,
  now: number,
  bits: ReadonlyMap<string, number>,
) {
  const counts = countStatuses(report.checks);
  const score = scoreOf(counts);
  const statuses = Object.fromEntries(report.checks.map(c => [c.id, c.status]));
  const masks = statusMasks(Object.entries(statuses), bits);
  const waived = waivedOfScan(report.checks);
  const goService = isGoService(report.checks);
  const columns = {
    ...countColumns(counts),
    score: score ?? null,
    check_statuses: JSON.stringify(statuses),
    ...masks,
    csv_state: csvStateOf({
      counts,
      score,
      goService,
      statuses,
      waived: waived.count,
    }),
    csv_state_key: CSV_STATE_KEY,
    csv_state_at: now,
    go_service: goService,
    waived_count: waived.count,
    waiver_expires: waived.earliestExpiry ?? null,
    notes: report.notes?.length ? JSON.stringify(report.notes) : null,
    etag: etag ?? null,
    scanned_at: now,
  } satisfies Partial<EntityRow>;
  return { columns, counts, score, masks, waived: waived.count };
}

/**
 * The CSV state columns of an analyzed entity row as stored (see `csvStateOf`): for a
 * row whose stored state is not this code's, from the columns it was written from.
 */
export function csvStateColumns(
  row: CountColumns &
    Pick<
      EntityRow,
      'score' | 'go_service' | 'check_statuses' | 'waived_count' | 'scanned_at'
    >,
) {
  return {
    csv_state: csvStateOf({
      counts: countsOf(row),
      score: optionalNumber(row.score),
      // As the report reads it: only a known `false` is not a Go service.
      goService: row.go_service === null || Boolean(row.go_service),
      statuses: row.check_statuses ? JSON.parse(row.check_statuses) : {},
      waived: Number(row.waived_count ?? 0),
    }),
    csv_state_key: CSV_STATE_KEY,
    csv_state_at: row.scanned_at,
  } satisfies Partial<EntityRow>;
}

/** The summary of an entity row at `now` (a lease alive at `now` means scanning). */
export function summaryOf(row: SummaryRow, now: number): EntitySummary {
  const scannedAt = optionalNumber(row.scanned_at);
  const error = row.last_error ?? undefined;
  let state: EntityScanState = 'pending';
  if (scannedAt !== undefined) state = 'scanned';
  else if (error) state = 'failed';
  const leaseExpiresAt = optionalNumber(row.lease_expires_at);
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: row.title ?? undefined,
    type: row.type ?? undefined,
    owner: row.owner ?? undefined,
    system: row.system ?? undefined,
    source: row.source ?? undefined,
    state,
    scannedAt,
    checkedAt: optionalNumber(row.checked_at),
    nextScanAt: Number(row.next_scan_at),
    etag: row.etag ?? undefined,
    stale: Boolean(row.stale),
    error,
    scanning: leaseExpiresAt !== undefined && leaseExpiresAt >= now,
    counts: countsOf(row),
    score: optionalNumber(row.score),
    checkStatuses: row.check_statuses ? JSON.parse(row.check_statuses) : {},
    goService: row.go_service === null ? undefined : Boolean(row.go_service),
    waived: Number(row.waived_count ?? 0),
    impact: Number(row.impact ?? 0),
  };
}

/** The scan notes of an entity row. */
export function notesOf(row: Pick<EntityRow, 'notes'>): ScanNote[] {
  return row.notes ? JSON.parse(row.notes) : [];
}

/** The result row of one check of an entity. */
export function resultRow(entityRef: string, c: CheckResult): CheckResultRow {
  const waived = waivedOf(c);
  return {
    entity_ref: entityRef,
    check_id: c.id,
    lesson: c.lesson,
    severity: c.severity,
    status: c.status,
    message: c.message ?? null,
    finding_count: c.totalFindings ?? c.findings.length,
    findings: JSON.stringify(c.findings),
    waived_count: waived.count,
    waiver_expires: waived.earliestExpiry ?? null,
  };
}

/** A stored check result. */
export function checkResultOf(r: CheckResultRow): CheckResult {
  return {
    id: r.check_id,
    lesson: Number(r.lesson),
    severity: r.severity,
    status: r.status,
    findings: JSON.parse(r.findings),
    totalFindings: Number(r.finding_count),
    ...(r.message ? { message: r.message } : {}),
  } as CheckResult;
}

/** The history row of a scan of `entityRef` at `now`, with the scan's status masks and waived count. */
export function historyRow(
  entityRef: string,
  now: number,
  changed: boolean,
  counts: StatusCounts,
  score: number | undefined,
  masks: Partial<StatusMasks>,
  waived: DbNumber | null | undefined,
): HistoryRow {
  return {
    entity_ref: entityRef,
    scanned_at: now,
    day: dayOf(now),
    changed,
    ...countColumns(counts),
    score: score ?? null,
    pass_bits: masks.pass_bits ?? null,
    warn_bits: masks.warn_bits ?? null,
    fail_bits: masks.fail_bits ?? null,
    na_bits: masks.na_bits ?? null,
    error_bits: masks.error_bits ?? null,
    waived_count: waived ?? null,
  };
}

/** One entity's history row as a point of its trend. */
export function historyPointOf(r: HistoryRow): HistoryPoint {
  return {
    time: Number(r.scanned_at),
    counts: countsOf(r),
    score: optionalNumber(r.score),
    changed: Boolean(r.changed),
    ...(r.waived_count === null || r.waived_count === undefined
      ? {}
      : { waived: Number(r.waived_count) }),
  };
}

/** A day's sums over entities as a point of the org-wide trend (score of the sums). */
export function dailyPointOf(
  r: CountColumns & {
    day: DbNumber;
    entities: DbNumber;
    waived_count?: DbNumber | null;
  },
): HistoryPoint {
  const counts = countsOf(r);
  return {
    time: Number(r.day) * DAY_MS,
    counts,
    score: scoreOf(counts),
    entities: Number(r.entities),
    ...(r.waived_count === null || r.waived_count === undefined
      ? {}
      : { waived: Number(r.waived_count) }),
  };
}
