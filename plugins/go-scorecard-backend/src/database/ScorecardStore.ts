import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  CheckResult,
  CheckStatus,
  ScanNote,
  ScanReport,
  checks as checkCatalog,
} from '@internal/plugin-go-scorecard-common';
import { Knex } from 'knex';
import {
  ClaimedEntity,
  EntityScanState,
  EntitySummary,
  HistoryPoint,
  LocationOrigins,
  ScanTarget,
  StatusCounts,
} from './types';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-go-scorecard-backend',
  'migrations',
);

const ENTITIES = 'go_scorecard_entities';
const RESULTS = 'go_scorecard_check_results';
const HISTORY = 'go_scorecard_history';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows per statement: keeps SQLite under its bound-variable limit (32766) with room to spare. */
const CHUNK = 100;
/** Check result rows (8 columns) per insert statement. */
const RESULT_CHUNK = 500;
/** The status count columns of the entities and history tables. */
const COUNT_COLUMNS = [
  'pass_count',
  'warn_count',
  'fail_count',
  'na_count',
  'error_count',
];
/** The entity columns a completed scan writes. */
const SCAN_COLUMNS = [
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
  'notes',
  'etag',
  'scanned_at',
];

/** A number column as the drivers return it: PostgreSQL gives bigints (and sums) as strings. */
type DbNumber = number | string;

/** A row of the entities table. */
interface EntityRow {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  owner: string | null;
  system: string | null;
  source: string | null;
  manifests: string | null;
  source_error: string | null;
  seen_at: DbNumber;
  next_scan_at: DbNumber;
  lease_owner: string | null;
  lease_expires_at: DbNumber | null;
  scan_requested_at: DbNumber | null;
  location_origins: string | null;
  attempts: DbNumber;
  etag: string | null;
  last_error: string | null;
  stale: boolean | number;
  scanned_at: DbNumber | null;
  checked_at: DbNumber | null;
  pass_count: DbNumber;
  warn_count: DbNumber;
  fail_count: DbNumber;
  na_count: DbNumber;
  error_count: DbNumber;
  score: DbNumber | null;
  check_statuses: string | null;
  notes: string | null;
}

/** The status count columns, of an entity row, a history row or a sum of them. */
type CountColumns = Partial<
  Pick<
    EntityRow,
    'pass_count' | 'warn_count' | 'fail_count' | 'na_count' | 'error_count'
  >
>;

/** The stored latest result of one entity: its summary and every check. */
export interface StoredEntityResult {
  summary: EntitySummary;
  checks: CheckResult[];
  notes: ScanNote[];
}

/** The outcome of one successful scan: a new report (with the source's ETag), or unchanged. */
export interface ScanOutcomeRecord {
  entityRef: string;
  /** The analysis; absent when the source was unchanged since the stored ETag. */
  report?: ScanReport;
  etag?: string;
}

/** What a failed scan writes. */
export interface FailedScan {
  error: string;
  now: number;
  nextScanAt: number;
  attempts: number;
}

/**
 * The plugin's database: per-entity scan state (with leases, so several replicas can
 * share the work), the latest result per entity and check, and scan history.
 */
export class ScorecardStore {
  private readonly isPostgres: boolean;

  private constructor(private readonly knex: Knex) {
    const client = String(knex.client.config.client ?? '');
    this.isPostgres = client === 'pg' || client.includes('postgres');
  }

  /** Connects through the plugin's database service and runs migrations unless told not to. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<ScorecardStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await ScorecardStore.migrateUp(knex);
    }
    return new ScorecardStore(knex);
  }

  /** Wraps an already migrated connection. */
  static fromKnex(knex: Knex): ScorecardStore {
    return new ScorecardStore(knex);
  }

  /** Applies every migration of this package. */
  static async migrateUp(knex: Knex): Promise<void> {
    await knex.migrate.latest({ directory: migrationsDir });
  }

  /** Rolls every migration of this package back. */
  static async migrateDown(knex: Knex): Promise<void> {
    await knex.migrate.rollback({ directory: migrationsDir }, true);
  }

  /**
   * Makes the stored entities match the catalog's current selection: inserts new ones
   * (due now), refreshes the denormalized columns of known ones (due now again when the
   * source moved), and deletes those no longer selected, with their results.
   * Returns the number of new and removed entities.
   */
  async syncTargets(
    targets: ScanTarget[],
    now: number,
  ): Promise<{ added: number; removed: number }> {
    const existing = new Map<
      string,
      { source: string | null; manifests: string | null }
    >();
    for (const row of await this.knex(ENTITIES).select(
      'entity_ref',
      'source',
      'manifests',
    )) {
      existing.set(row.entity_ref, row);
    }
    const seen = new Set<string>();
    const fresh: ScanTarget[] = [];
    const moved: ScanTarget[] = [];
    const kept: ScanTarget[] = [];
    for (const target of targets) {
      if (seen.has(target.entityRef)) continue;
      seen.add(target.entityRef);
      const row = existing.get(target.entityRef);
      if (!row) fresh.push(target);
      else if (
        (row.source ?? undefined) !== target.source ||
        (row.manifests ?? undefined) !== target.manifests
      )
        moved.push(target);
      else kept.push(target);
    }
    const removedRefs = [...existing.keys()].filter(ref => !seen.has(ref));

    await this.knex.transaction(async tx => {
      for (const chunk of chunks(fresh)) {
        await tx(ENTITIES)
          .insert(chunk.map(t => targetRow(t, now)))
          .onConflict('entity_ref')
          .ignore();
      }
      for (const target of moved) {
        await tx(ENTITIES)
          .where({ entity_ref: target.entityRef })
          .update({ ...targetRow(target, now), etag: null, attempts: 0 });
      }
      for (const chunk of chunks(kept)) {
        // One upsert per chunk refreshes title, owner, system... without a round trip per row.
        await tx(ENTITIES)
          .insert(chunk.map(t => targetRow(t, now)))
          .onConflict('entity_ref')
          .merge([
            'kind',
            'namespace',
            'name',
            'title',
            'type',
            'owner',
            'system',
            'source_error',
            'location_origins',
            'seen_at',
          ]);
      }
      for (const chunk of chunks(removedRefs)) {
        await tx(RESULTS).whereIn('entity_ref', chunk).delete();
        await tx(ENTITIES).whereIn('entity_ref', chunk).delete();
      }
    });
    return { added: fresh.length, removed: removedRefs.length };
  }

  /** Inserts or refreshes one entity without touching the others (scan-now before the first sync). */
  async upsertTarget(target: ScanTarget, now: number): Promise<void> {
    await this.knex(ENTITIES)
      .insert(targetRow(target, now))
      .onConflict('entity_ref')
      .merge([
        'kind',
        'namespace',
        'name',
        'title',
        'type',
        'owner',
        'system',
        'source',
        'manifests',
        'source_error',
        'location_origins',
        'seen_at',
      ]);
  }

  /**
   * Atomically claims up to `limit` due entities that no live lease holds, for
   * `leaseMs`, in one statement (`UPDATE … WHERE entity_ref IN (SELECT …) RETURNING`).
   * On PostgreSQL concurrent claimers skip each other's rows (`FOR UPDATE SKIP LOCKED`);
   * SQLite serializes writers. Returns the claims, most overdue first.
   */
  async claimDue(options: {
    owner: string;
    now: number;
    limit: number;
    leaseMs: number;
    entityRef?: string;
  }): Promise<ClaimedEntity[]> {
    const { owner, now, limit, leaseMs, entityRef } = options;
    let due = this.knex(ENTITIES)
      .select('entity_ref')
      .where(b =>
        b.whereNull('lease_expires_at').orWhere('lease_expires_at', '<', now),
      )
      .orderBy('next_scan_at')
      .limit(limit);
    due = entityRef
      ? due.where('entity_ref', entityRef)
      : due.where('next_scan_at', '<=', now);
    if (this.isPostgres) due = due.forUpdate().skipLocked();
    const rows: Pick<
      EntityRow,
      | 'entity_ref'
      | 'source'
      | 'manifests'
      | 'source_error'
      | 'location_origins'
      | 'etag'
      | 'attempts'
      | 'next_scan_at'
    >[] = await this.knex(ENTITIES)
      .whereIn('entity_ref', due)
      .update({ lease_owner: owner, lease_expires_at: now + leaseMs }, [
        'entity_ref',
        'source',
        'manifests',
        'source_error',
        'location_origins',
        'etag',
        'attempts',
        'next_scan_at',
      ]);
    return rows
      .sort((a, b) => Number(a.next_scan_at) - Number(b.next_scan_at))
      .map(r => ({
        entityRef: r.entity_ref,
        source: r.source ?? undefined,
        manifests: r.manifests ?? undefined,
        sourceError: r.source_error ?? undefined,
        origins: r.location_origins
          ? (JSON.parse(r.location_origins) as LocationOrigins)
          : undefined,
        etag: r.etag ?? undefined,
        attempts: Number(r.attempts),
      }));
  }

  /**
   * Stores the outcomes of scans this owner holds leases on, in one transaction: an
   * analyzed source replaces the entity's check results and summary; an unchanged one
   * keeps them (no longer stale). Each gets a history row (an unchanged one repeats the
   * current counts, if it was ever analyzed) and its lease released. Returns the refs
   * whose lease this owner still held; only those are written.
   */
  async completeScans(
    outcomes: ScanOutcomeRecord[],
    owner: string,
    scan: { now: number; nextScanAt: number },
  ): Promise<string[]> {
    if (!outcomes.length) return [];
    const { now, nextScanAt } = scan;
    const released = {
      checked_at: now,
      next_scan_at: nextScanAt,
      attempts: 0,
      last_error: null,
      stale: false,
      lease_owner: null,
      lease_expires_at: null,
    };
    const unchangedRefs = outcomes.filter(o => !o.report).map(o => o.entityRef);
    const analyzedRefs = outcomes.filter(o => o.report).map(o => o.entityRef);
    return this.knex.transaction(async tx => {
      const stored = new Set<string>();
      const historyRows = [];

      // Unchanged: one update releases the held ones and returns their current counts.
      for (const chunk of chunks(unchangedRefs)) {
        const rows: EntityRow[] = await tx(ENTITIES)
          .whereIn('entity_ref', chunk)
          .andWhere('lease_owner', owner)
          .update(released, [
            'entity_ref',
            'scanned_at',
            'score',
            ...COUNT_COLUMNS,
          ]);
        for (const row of rows) {
          stored.add(row.entity_ref);
          if (row.scanned_at !== null) {
            historyRows.push(
              historyRow(
                row.entity_ref,
                now,
                false,
                countsOf(row),
                optionalNumber(row.score),
              ),
            );
          }
        }
      }

      // Analyzed: the held rows, locked until commit so no other replica or catalog sync
      // changes them in between (SQLite: the transaction already excludes other writers).
      const held = new Map<string, EntityRow>();
      for (const chunk of chunks(analyzedRefs)) {
        let query = tx(ENTITIES)
          .whereIn('entity_ref', chunk)
          .andWhere('lease_owner', owner);
        if (this.isPostgres) query = query.forUpdate();
        for (const row of (await query.select()) as EntityRow[]) {
          held.set(row.entity_ref, row);
        }
      }
      const entityRows: EntityRow[] = [];
      const resultRows = [];
      for (const { entityRef, report, etag } of outcomes) {
        const row = held.get(entityRef);
        if (!row || !report) continue;
        stored.add(entityRef);
        const counts = countStatuses(report.checks);
        const score = scoreOf(counts);
        entityRows.push({
          ...row,
          ...released,
          ...countColumns(counts),
          score: score ?? null,
          check_statuses: JSON.stringify(
            Object.fromEntries(report.checks.map(c => [c.id, c.status])),
          ),
          notes: report.notes?.length ? JSON.stringify(report.notes) : null,
          etag: etag ?? null,
          scanned_at: now,
        });
        historyRows.push(historyRow(entityRef, now, true, counts, score));
        resultRows.push(...report.checks.map(c => resultRow(entityRef, c)));
      }
      // Every row exists and is locked: the upsert is a multi-row update in one statement.
      for (const chunk of chunks(entityRows)) {
        await tx(ENTITIES)
          .insert(chunk)
          .onConflict('entity_ref')
          .merge(SCAN_COLUMNS);
      }
      const replaced = [...held.keys()];
      for (const chunk of chunks(replaced)) {
        await tx(RESULTS).whereIn('entity_ref', chunk).delete();
      }
      for (const chunk of chunks(resultRows, RESULT_CHUNK)) {
        await tx(RESULTS).insert(chunk);
      }
      // One history row per entity and UTC day (the day's last scan; `changed` when any
      // scan that day analyzed new content), so repeated scans cannot grow the table.
      const day = Math.floor(now / DAY_MS);
      const changedToday = new Set<string>();
      for (const chunk of chunks(historyRows.map(r => r.entity_ref))) {
        const today = tx(HISTORY)
          .where('day', day)
          .whereIn('entity_ref', chunk);
        for (const r of await today
          .clone()
          .select('entity_ref')
          .where('changed', true)) {
          changedToday.add(r.entity_ref);
        }
        await today.clone().delete();
      }
      for (const chunk of chunks(historyRows)) {
        await tx(HISTORY).insert(
          chunk.map(r => ({
            ...r,
            changed: r.changed || changedToday.has(r.entity_ref),
          })),
        );
      }
      return outcomes.map(o => o.entityRef).filter(ref => stored.has(ref));
    });
  }

  /** Records a failed scan: previous results stay, marked stale with the reason. */
  async failScan(
    entityRef: string,
    owner: string,
    failure: FailedScan,
  ): Promise<boolean> {
    const updated = await this.knex(ENTITIES)
      .where({ entity_ref: entityRef, lease_owner: owner })
      .update({
        last_error: failure.error,
        stale: true,
        attempts: failure.attempts,
        next_scan_at: failure.nextScanAt,
        lease_owner: null,
        lease_expires_at: null,
      });
    return updated > 0;
  }

  /** Gives a claimed entity back without scanning it (shutdown); it stays due. */
  async releaseLease(entityRef: string, owner: string): Promise<void> {
    await this.knex(ENTITIES)
      .where({ entity_ref: entityRef, lease_owner: owner })
      .update({ lease_owner: null, lease_expires_at: null });
  }

  /**
   * Extends the leases `owner` still holds on `entityRefs` to `now + leaseMs` (the
   * heartbeat of a replica that is alive). Leases another replica has taken over are
   * left alone. Returns the refs renewed.
   */
  async renewLeases(
    entityRefs: string[],
    owner: string,
    lease: { now: number; leaseMs: number },
  ): Promise<string[]> {
    const renewed: string[] = [];
    for (const chunk of chunks(entityRefs)) {
      const rows: Pick<EntityRow, 'entity_ref'>[] = await this.knex(ENTITIES)
        .whereIn('entity_ref', chunk)
        .andWhere('lease_owner', owner)
        .update({ lease_expires_at: lease.now + lease.leaseMs }, [
          'entity_ref',
        ]);
      renewed.push(...rows.map(r => r.entity_ref));
    }
    return renewed;
  }

  /** Who holds the lease on an entity and until when (ms since epoch); undefined when nobody does. */
  async leaseOf(
    entityRef: string,
  ): Promise<{ owner: string; expiresAt: number } | undefined> {
    const row: Pick<EntityRow, 'lease_owner' | 'lease_expires_at'> | undefined =
      await this.knex(ENTITIES)
        .select('lease_owner', 'lease_expires_at')
        .where({ entity_ref: entityRef })
        .first();
    if (!row?.lease_owner || row.lease_expires_at === null) return undefined;
    return {
      owner: row.lease_owner,
      expiresAt: Number(row.lease_expires_at),
    };
  }

  /**
   * Makes an entity due now on request (scan-now), at most once per `cooldownMs` per
   * entity across replicas (one atomic update). Returns `unknown` for an entity the
   * store does not know, and the time (epoch ms) the next request is allowed from when
   * the last accepted one is more recent than the cooldown.
   */
  async requestScan(
    entityRef: string,
    now: number,
    cooldownMs = 0,
  ): Promise<
    | { requested: true }
    | { requested: false; unknown: true }
    | { requested: false; unknown?: false; retryAt: number }
  > {
    const updated = await this.knex(ENTITIES)
      .where({ entity_ref: entityRef })
      .andWhere(b =>
        b
          .whereNull('scan_requested_at')
          .orWhere('scan_requested_at', '<=', now - cooldownMs),
      )
      .update({ next_scan_at: now, scan_requested_at: now });
    if (updated > 0) return { requested: true };
    const row: Pick<EntityRow, 'scan_requested_at'> | undefined =
      await this.knex(ENTITIES)
        .select('scan_requested_at')
        .where({ entity_ref: entityRef })
        .first();
    if (!row) return { requested: false, unknown: true };
    return {
      requested: false,
      retryAt: Number(row.scan_requested_at) + cooldownMs,
    };
  }

  /** The summary of one entity, or undefined when it is not selected for scanning. */
  async getSummary(
    entityRef: string,
    now = Date.now(),
  ): Promise<EntitySummary | undefined> {
    const row = await this.knex(ENTITIES)
      .where({ entity_ref: entityRef })
      .first();
    return row ? summaryOf(row, now) : undefined;
  }

  /** The summary and every stored check result of one entity, checks in catalog order. */
  async getEntityResult(
    entityRef: string,
    now = Date.now(),
  ): Promise<StoredEntityResult | undefined> {
    const row = await this.knex(ENTITIES)
      .where({ entity_ref: entityRef })
      .first();
    if (!row) return undefined;
    const resultRows = await this.knex(RESULTS).where({
      entity_ref: entityRef,
    });
    const order = new Map(checkCatalog.map((c, i) => [c.id, i]));
    const checkResults: CheckResult[] = resultRows
      .map(
        r =>
          ({
            id: r.check_id,
            lesson: Number(r.lesson),
            severity: r.severity,
            status: r.status,
            findings: JSON.parse(r.findings),
            totalFindings: Number(r.finding_count),
            ...(r.message ? { message: r.message } : {}),
          } as CheckResult),
      )
      .sort(
        (a, b) =>
          (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999) ||
          a.id.localeCompare(b.id),
      );
    return {
      summary: summaryOf(row, now),
      checks: checkResults,
      notes: row.notes ? JSON.parse(row.notes) : [],
    };
  }

  /** Every entity's summary: the report's input (a few thousand small rows). */
  async listSummaries(now = Date.now()): Promise<EntitySummary[]> {
    const rows = await this.knex(ENTITIES).select(
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
      'pass_count',
      'warn_count',
      'fail_count',
      'na_count',
      'error_count',
      'score',
      'check_statuses',
    );
    return rows.map(row => summaryOf(row, now));
  }

  /** Every history row of one entity since `since`, oldest first. */
  async entityHistory(
    entityRef: string,
    since: number,
  ): Promise<HistoryPoint[]> {
    const rows = await this.knex(HISTORY)
      .where({ entity_ref: entityRef })
      .andWhere('scanned_at', '>=', since)
      .orderBy('scanned_at');
    return rows.map(r => ({
      time: Number(r.scanned_at),
      counts: countsOf(r),
      score: r.score === null ? undefined : Number(r.score),
      changed: Boolean(r.changed),
    }));
  }

  /**
   * Org-wide trend: per UTC day since `since`, the sum over entities of each entity's
   * last scan of that day. `entityRefs` restricts the entities counted.
   */
  async dailyHistory(
    since: number,
    entityRefs?: string[],
  ): Promise<HistoryPoint[]> {
    if (entityRefs && !entityRefs.length) return [];
    const sinceDay = Math.floor(since / DAY_MS);
    const latest = this.knex(HISTORY)
      .select(
        'day',
        'entity_ref',
        'pass_count',
        'warn_count',
        'fail_count',
        'na_count',
        'error_count',
        this.knex.raw(
          'ROW_NUMBER() OVER (PARTITION BY entity_ref, day ORDER BY scanned_at DESC, id DESC) AS rn',
        ),
      )
      .where('day', '>=', sinceDay)
      .modify(q => {
        if (entityRefs) q.whereIn('entity_ref', entityRefs);
      })
      .as('latest');
    const rows = await this.knex
      .from(latest)
      .where('rn', 1)
      .groupBy('day')
      .orderBy('day')
      .select(
        'day',
        this.knex.raw('COUNT(*) AS entities'),
        this.knex.raw('SUM(pass_count) AS pass_count'),
        this.knex.raw('SUM(warn_count) AS warn_count'),
        this.knex.raw('SUM(fail_count) AS fail_count'),
        this.knex.raw('SUM(na_count) AS na_count'),
        this.knex.raw('SUM(error_count) AS error_count'),
      );
    return rows.map(
      (r: CountColumns & { day: DbNumber; entities: DbNumber }) => {
        const counts = countsOf(r);
        return {
          time: Number(r.day) * DAY_MS,
          counts,
          score: scoreOf(counts),
          entities: Number(r.entities),
        };
      },
    );
  }

  /** Deletes history rows older than `before`. Returns how many. */
  async pruneHistory(before: number): Promise<number> {
    return this.knex(HISTORY).where('scanned_at', '<', before).delete();
  }
}

/** The entity row of a catalog target seen (and due) at `now`. */
function targetRow(t: ScanTarget, now: number) {
  return {
    entity_ref: t.entityRef,
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    title: t.title ?? null,
    type: t.type ?? null,
    owner: t.owner ?? null,
    system: t.system ?? null,
    source: t.source ?? null,
    manifests: t.manifests ?? null,
    source_error: t.sourceError ?? null,
    location_origins: t.origins ? JSON.stringify(t.origins) : null,
    seen_at: now,
    next_scan_at: now,
  };
}

/** Counts the statuses of a scan's checks. */
export function countStatuses(
  results: { status: CheckStatus }[],
): StatusCounts {
  const counts: StatusCounts = {
    pass: 0,
    warn: 0,
    fail: 0,
    notApplicable: 0,
    error: 0,
  };
  for (const r of results) {
    if (r.status === 'not_applicable') counts.notApplicable++;
    else counts[r.status]++;
  }
  return counts;
}

/** Passed share of the checks that apply and ran (pass, warn, fail), 0–100; undefined when none. */
export function scoreOf(counts: StatusCounts): number | undefined {
  const applicable = counts.pass + counts.warn + counts.fail;
  return applicable ? Math.round((100 * counts.pass) / applicable) : undefined;
}

function countColumns(c: StatusCounts) {
  return {
    pass_count: c.pass,
    warn_count: c.warn,
    fail_count: c.fail,
    na_count: c.notApplicable,
    error_count: c.error,
  };
}

function countsOf(row: CountColumns): StatusCounts {
  return {
    pass: Number(row.pass_count ?? 0),
    warn: Number(row.warn_count ?? 0),
    fail: Number(row.fail_count ?? 0),
    notApplicable: Number(row.na_count ?? 0),
    error: Number(row.error_count ?? 0),
  };
}

/** `items` in consecutive slices of at most `size`: one statement each. */
function* chunks<T>(items: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function resultRow(entityRef: string, c: CheckResult) {
  return {
    entity_ref: entityRef,
    check_id: c.id,
    lesson: c.lesson,
    severity: c.severity,
    status: c.status,
    message: c.message ?? null,
    finding_count: c.totalFindings ?? c.findings.length,
    findings: JSON.stringify(c.findings),
  };
}

function historyRow(
  entityRef: string,
  now: number,
  changed: boolean,
  counts: StatusCounts,
  score?: number,
) {
  return {
    entity_ref: entityRef,
    scanned_at: now,
    day: Math.floor(now / DAY_MS),
    changed,
    ...countColumns(counts),
    score: score ?? null,
  };
}

function optionalNumber(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

function summaryOf(row: EntityRow, now: number): EntitySummary {
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
  };
}
