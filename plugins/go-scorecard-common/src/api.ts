import type { components, operations } from './generated/openapi';

/*
 * The REST API's wire types: the backend produces them, the frontend and the CLI read them.
 * They are generated (src/generated/openapi.ts, `yarn generate:types`) from
 * plugins/go-scorecard-backend/src/schema/openapi.yaml, the only source: change a field
 * there, not here. This module only names the generated types.
 */

type Schemas = components['schemas'];

/** The 200 body of an operation of the spec. */
type JsonResponse<O extends keyof operations> = operations[O] extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** How many checks (or entities) are in each status. */
export type StatusCounts = Schemas['StatusCounts'];

/** The latest stored result of one entity (`GET /entities/:kind/:namespace/:name`). */
export type EntityResult = Schemas['EntityResult'];

/** What the scorecard keeps of a catalog entity: its ref and the fields the report filters on. */
export type ScorecardEntity = Pick<
  EntityResult,
  | 'entityRef'
  | 'kind'
  | 'namespace'
  | 'name'
  | 'title'
  | 'type'
  | 'owner'
  | 'system'
>;

/**
 * Where one entity stands for `GET /entities/…`: a scan state, or `unsynced` = the
 * configuration selects the entity but the scorecard has not copied it from the catalog
 * yet (the catalog sync does within `syncIntervalSeconds`, at start and then periodically).
 */
export type EntityResultState = EntityResult['state'];

/** The answer to "Scan now": the entity's result and whether the scan finished in time. */
export type ScanNowResult = Schemas['ScanNowResult'];

/** A lesson as served by `GET /checks`, with the portal path of its fix page. */
export type LessonEntry = Schemas['Lesson'];

/** A check as served by `GET /checks`, with the portal path of its fix (lesson page anchor). */
export type CheckEntry = Schemas['CheckDefinition'];

/** The check catalog (`GET /checks`). */
export type CheckCatalog = JsonResponse<'GetChecks'>;

/**
 * Statuses the report can filter on: the check statuses, plus stale and pending entities,
 * and `not_go`, non-Go services (`isGoService`), which the report lists only when asked
 * and never counts. `error` also finds entities whose scan failed (state `failed`: every
 * check is `error`). `waived`: services with at least one finding waived in their
 * `.go-scorecard.yaml`. The spec's `status` parameter lists the same (a backend test checks it).
 */
export const reportStatusFilters = [
  'pass',
  'warn',
  'fail',
  'not_applicable',
  'error',
  'stale',
  'pending',
  'not_go',
  'waived',
] as const satisfies readonly components['parameters']['status'][number][];

/** A status the report can filter on. */
export type ReportStatusFilter = (typeof reportStatusFilters)[number];

/** Columns the report can be sorted by; the spec's `orderBy` parameter lists the same. */
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
  'impact',
] as const satisfies readonly components['parameters']['orderBy'][];

/** A column the report can be sorted by. */
export type ReportSortField = (typeof reportSortFields)[number];

/** One entity of the report. */
export type ReportRow = Schemas['ReportRow'];

/**
 * Where an entity's scanning stands: `pending` = not scanned yet; `failed` = the scan failed
 * and there is no earlier result (the source could not be read or was refused: `error` says
 * why, and every check reports `error`).
 */
export type EntityScanState = ReportRow['state'];

/** One page of rows, the total, and aggregates over every matching entity (`GET /report`). */
export type Report = Schemas['Report'];

/** Entities per worst status, for one lesson. */
export type LessonAggregate = Report['aggregates']['byLesson'][number];

/** Totals for one owning team. */
export type OwnerAggregate = Report['aggregates']['byOwner'][number];

/** Statuses of one check across the entities. */
export type CheckAggregate = Report['aggregates']['byCheck'][number];

/** One point of a trend: per scan of an entity, or per UTC day org-wide. */
export type HistoryPoint = Schemas['HistoryPoint'];

/** Trend points, oldest first (`GET /history`). */
export type History = JsonResponse<'GetHistory'>;

/** A waived finding whose waiver expires soon: the entity, check, finding's place and waiver. */
export type ExpiringWaiver = Schemas['ExpiringWaiver'];

/** The waivers expiring within a window of days, soonest first (`GET /waivers/expiring`). */
export type ExpiringWaivers = Schemas['ExpiringWaivers'];
