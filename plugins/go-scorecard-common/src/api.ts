import { CheckDefinition, LessonDefinition } from './catalog';
import { CappedCheckResult, CheckStatus, LessonId, ScanNote } from './types';

/*
 * The REST API's wire types (plugins/go-scorecard-backend/src/schema/openapi.yaml):
 * the backend produces them, the frontend reads them.
 */

/** What the scorecard keeps of a catalog entity: its ref and the fields the report filters on. */
export interface ScorecardEntity {
  /** Lowercased `kind:namespace/name`. */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** `spec.type`. */
  type?: string;
  /** Owner entity ref. */
  owner?: string;
  /** System entity ref. */
  system?: string;
}

/** How many checks (or entities) are in each status. */
export interface StatusCounts {
  pass: number;
  warn: number;
  fail: number;
  notApplicable: number;
  error: number;
}

/**
 * Where an entity's scanning stands: `pending` = not scanned yet; `failed` = the scan failed
 * and there is no earlier result (the source could not be read or was refused: `error` says
 * why, and every check reports `error`).
 */
export type EntityScanState = 'pending' | 'scanned' | 'failed';

/**
 * Where one entity stands for `GET /entities/…`: a scan state, or `unsynced` = the
 * configuration selects the entity but the scorecard has not copied it from the catalog
 * yet (the catalog sync does within `syncIntervalSeconds`, at start and then periodically).
 */
export type EntityResultState = EntityScanState | 'unsynced';

/** The latest stored result of one entity (`GET /entities/:kind/:namespace/:name`). */
export interface EntityResult extends ScorecardEntity {
  schemaVersion: 1;
  /** The resolved source location, e.g. `url:https://github.com/o/r/tree/main/` or `local:/srv/x`. */
  root?: string;
  state: EntityResultState;
  /** With state `unsynced`: how often (seconds) the scorecard copies the selected entities from the catalog. */
  syncIntervalSeconds?: number;
  scanning: boolean;
  scannedAt?: string;
  checkedAt?: string;
  nextScanAt?: string;
  etag?: string;
  /** The scanned revision when it is a commit SHA. */
  commit?: string;
  /** The last read failed; the results are from an earlier scan. */
  stale: boolean;
  /** Why the last read failed. */
  error?: string;
  counts: StatusCounts;
  /** 0–100: passed / (passed + warned + failed); absent when no check applies. */
  score?: number;
  checks: CappedCheckResult[];
  /** Problems with input files that did not stop the scan: skipped binary, huge or non-UTF-8 files, unreadable YAML, refused symlinks. */
  notes?: ScanNote[];
}

/** The answer to "Scan now": the entity's result and whether the scan finished in time. */
export interface ScanNowResult extends EntityResult {
  scan: {
    state: 'completed' | 'running' | 'queued';
    /** When the next scan-now of this entity is allowed (ISO 8601; `goScorecard.schedule.scanNowCooldown`). */
    nextScanAllowedAt: string;
  };
}

/** A lesson as served by `GET /checks`, with the portal path of its fix page. */
export interface LessonEntry extends LessonDefinition {
  docFile?: string;
  docPath: string;
}

/** A check as served by `GET /checks`, with the portal path of its fix (lesson page anchor). */
export interface CheckEntry extends CheckDefinition {
  docPath: string;
}

/** The check catalog (`GET /checks`). */
export interface CheckCatalog {
  lessons: LessonEntry[];
  checks: CheckEntry[];
}

/**
 * Statuses the report can filter on: the check statuses, plus stale and pending entities.
 * `error` also finds entities whose scan failed (state `failed`: every check is `error`).
 */
export const reportStatusFilters = [
  'pass',
  'warn',
  'fail',
  'not_applicable',
  'error',
  'stale',
  'pending',
] as const;

/** A status the report can filter on. */
export type ReportStatusFilter = (typeof reportStatusFilters)[number];

/** Columns the report can be sorted by. */
export const reportSortFields = [
  'entity',
  'title',
  'owner',
  'system',
  'type',
  'score',
  'pass',
  'warn',
  'fail',
  'error',
  'scannedAt',
] as const;

/** A column the report can be sorted by. */
export type ReportSortField = (typeof reportSortFields)[number];

/** One entity of the report. */
export interface ReportRow extends ScorecardEntity {
  /** `failed`: the scan failed with no earlier result; every check in scope is `error`. */
  state: EntityScanState;
  scannedAt?: string;
  stale: boolean;
  /** Why the last scan failed (state `failed`, or `stale` results). */
  error?: string;
  /** Counts over the checks in scope. */
  counts: StatusCounts;
  score?: number;
  /** Status of each check in scope, by check id. */
  checks: Record<string, CheckStatus>;
  /** Worst status per lesson, by lesson number. */
  lessons: Record<string, CheckStatus>;
}

/** Entities per worst status, for one lesson. */
export interface LessonAggregate {
  lesson: LessonId;
  slug: string;
  title: string;
  entities: StatusCounts;
}

/** Totals for one owning team. */
export interface OwnerAggregate {
  owner: string;
  entities: number;
  /** Entities with at least one failing check in scope. */
  failingEntities: number;
  /** Entities whose scan failed (state `failed`): no result, so not in the score. */
  failedEntities: number;
  counts: StatusCounts;
  score?: number;
}

/** Statuses of one check across the entities. */
export interface CheckAggregate {
  id: string;
  counts: StatusCounts;
}

/** One page of rows, the total, and aggregates over every matching entity (`GET /report`). */
export interface Report {
  items: ReportRow[];
  totalItems: number;
  offset: number;
  limit: number;
  aggregates: {
    entities: number;
    /**
     * Of `entities`, those whose scan failed (state `failed`). Their checks count as
     * `error` in `counts`; the score (pass / (pass + warn + fail)) leaves them out, so this
     * figure is shown next to it.
     */
    failedEntities: number;
    counts: StatusCounts;
    score?: number;
    byLesson: LessonAggregate[];
    byOwner: OwnerAggregate[];
    byCheck: CheckAggregate[];
  };
}

/** One point of a trend: per scan of an entity, or per UTC day org-wide. */
export interface HistoryPoint {
  /** Epoch ms: the scan time (per entity) or the start of the UTC day (org-wide). */
  time: number;
  counts: StatusCounts;
  score?: number;
  /** Entities counted (org-wide points). */
  entities?: number;
  /** False when the scan found the source unchanged (per-entity points). */
  changed?: boolean;
}

/** Trend points, oldest first (`GET /history`). */
export interface History {
  entityRef?: string;
  owner?: string;
  days: number;
  points: HistoryPoint[];
}
