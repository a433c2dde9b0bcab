import { Finding } from '@internal/plugin-go-scorecard-common';
import { Knex } from 'knex';
import {
  analyzedColumns,
  claimOf,
  countsOf,
  csvStateColumns,
  dayOf,
  historyRow,
  optionalNumber,
  resultRow,
} from './conversion';
import {
  CheckResultRow,
  CLAIM_COLUMNS,
  COUNT_COLUMNS,
  MASK_COLUMNS,
  ENTITIES,
  EntityRow,
  HISTORY,
  HistoryRow,
  RESULTS,
  SCAN_COLUMNS,
} from './tables';
import {
  ClaimedEntity,
  ClaimOptions,
  FailedScan,
  Lease,
  ScanOutcomeRecord,
  ScanRequest,
} from './types';
import { CheckBits } from './CheckBits';
import { CSV_STATE_KEY } from './csvState';
import { CheckState, checkStatusChange, StatusChange } from './statusChanges';
import { insertStatusChanges } from './StatusChangeStore';
import { chunks, isPostgres, RESULT_CHUNK } from './util';

/** The columns of a {@link CheckResultRow} (every one: the type checks it), as `insertResults` writes them. */
const RESULT_COLUMNS = Object.keys({
  entity_ref: true,
  check_id: true,
  lesson: true,
  severity: true,
  status: true,
  message: true,
  finding_count: true,
  findings: true,
  waived_count: true,
  waiver_expires: true,
} satisfies Record<keyof CheckResultRow, true>);
/**
 * The scan side of the store: a queue of due entities with leases (so several replicas
 * share the work and a dead replica's entities go to the others), and the outcomes of
 * scans (results, summary and history written together).
 */
export interface ScanQueueStore {
  /**
   * Atomically claims up to `limit` due entities that no live lease holds, for
   * `leaseMs`. Returns the claims, most overdue first.
   */
  claimDue(options: ClaimOptions): Promise<ClaimedEntity[]>;

  /**
   * Stores the outcomes of scans this owner holds leases on, in one transaction: an
   * analyzed source replaces the entity's check results and summary; an unchanged one
   * keeps them (no longer stale). Each gets a history row (an unchanged one repeats the
   * current counts, if it was ever analyzed) and its lease released. Returns the refs
   * whose lease this owner still held; only those are written. When the store records
   * status changes, an analyzed source's changed checks (against the results it
   * replaces; none on a first analysis) are written in the same transaction.
   */
  completeScans(
    outcomes: ScanOutcomeRecord[],
    owner: string,
    scan: { now: number; nextScanAt: number },
  ): Promise<string[]>;

  /**
   * Records a failed scan: previous results stay, marked stale, with the reason; an entity
   * without results is failed, not stale.
   */
  failScan(
    entityRef: string,
    owner: string,
    failure: FailedScan,
  ): Promise<boolean>;

  /** Gives a claimed entity back without scanning it (shutdown); it stays due. */
  releaseLease(entityRef: string, owner: string): Promise<void>;

  /**
   * Extends the leases `owner` still holds on `entityRefs` to `now + leaseMs` (the
   * heartbeat of a replica that is alive). Leases another replica has taken over are
   * left alone. Returns the refs renewed.
   */
  renewLeases(
    entityRefs: string[],
    owner: string,
    lease: { now: number; leaseMs: number },
  ): Promise<string[]>;

  /** Who holds the lease on an entity and until when; undefined when nobody does. */
  leaseOf(entityRef: string): Promise<Lease | undefined>;

  /**
   * Makes an entity due now on request (scan-now), at most once per `cooldownMs` per
   * entity across replicas (one atomic update). Returns `unknown` for an entity the
   * store does not know, and the time (epoch ms) the next request is allowed from when
   * the last accepted one is more recent than the cooldown.
   */
  requestScan(
    entityRef: string,
    now: number,
    cooldownMs?: number,
  ): Promise<ScanRequest>;

  /**
   * Makes these entities due at `now` (scan-on-push: their source changed), so the next
   * claim takes them; one already due earlier keeps its place. Unlike
   * {@link ScanQueueStore.requestScan} there is no cooldown and no request is recorded.
   * An entity being scanned right now keeps the time its scan sets. Earlier failed reads
   * stop counting towards the retries (`attempts` back to 0): the source is a new one.
   * Returns the refs known to the store.
   */
  makeDue(entityRefs: string[], now: number): Promise<string[]>;
}

/** {@link ScanQueueStore} on the plugin's database. */
export class DatabaseScanQueueStore implements ScanQueueStore {
  private readonly isPostgres: boolean;
  private readonly checkBits: CheckBits;

  /**
   * Wraps a migrated connection. With `recordStatusChanges`, completed scans record
   * their checks' status changes for regression notifications (StatusChangeStore).
   */
  static create(options: {
    knex: Knex;
    recordStatusChanges?: boolean;
  }): DatabaseScanQueueStore {
    return new DatabaseScanQueueStore(
      options.knex,
      options.recordStatusChanges ?? false,
    );
  }

  private constructor(
    private readonly knex: Knex,
    private readonly recordStatusChanges: boolean,
  ) {
    this.isPostgres = isPostgres(knex);
    this.checkBits = new CheckBits(knex);
  }

  /**
   * One statement (`UPDATE … WHERE entity_ref IN (SELECT …) RETURNING`). On PostgreSQL
   * concurrent claimers skip each other's rows (`FOR UPDATE SKIP LOCKED`); SQLite
   * serializes writers.
   */
  async claimDue(options: ClaimOptions): Promise<ClaimedEntity[]> {
    const { owner, now, limit, leaseMs, entityRef } = options;
    let due = this.knex<EntityRow>(ENTITIES)
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
    const rows = await this.knex<EntityRow>(ENTITIES)
      .whereIn('entity_ref', due)
      .update({ lease_owner: owner, lease_expires_at: now + leaseMs }, [
        ...CLAIM_COLUMNS,
      ]);
    return rows
      .sort((a, b) => Number(a.next_scan_at) - Number(b.next_scan_at))
      .map(claimOf);
  }

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
    } satisfies Partial<EntityRow>;
    const unchangedRefs = outcomes
      .filter(o => o.unchanged)
      .map(o => o.entityRef);
    const analyzedRefs = outcomes
      .filter(o => !o.unchanged)
      .map(o => o.entityRef);
    return this.knex.transaction(async tx => {
      const stored = new Set<string>();
      const historyRows: HistoryRow[] = [];

      // Unchanged: one update releases the held ones and returns their current counts.
      const restate: string[] = [];
      for (const chunk of chunks(unchangedRefs)) {
        const rows = await tx<EntityRow>(ENTITIES)
          .whereIn('entity_ref', chunk)
          .andWhere('lease_owner', owner)
          .update(released, [
            'entity_ref',
            'scanned_at',
            'score',
            ...COUNT_COLUMNS,
            ...Object.values(MASK_COLUMNS),
            'waived_count',
            'csv_state_key',
            'csv_state_at',
          ]);
        for (const row of rows) {
          stored.add(row.entity_ref);
          if (
            row.scanned_at !== null &&
            (row.csv_state_key !== CSV_STATE_KEY ||
              Number(row.csv_state_at) !== Number(row.scanned_at))
          ) {
            restate.push(row.entity_ref);
          }
          if (row.scanned_at !== null) {
            historyRows.push(
              historyRow(
                row.entity_ref,
                now,
                false,
                countsOf(row),
                optionalNumber(row.score),
                row,
                row.waived_count,
              ),
            );
          }
        }
      }

      await this.restateCsv(tx, restate);

      // Analyzed: the held rows, locked until commit so no other replica or catalog sync
      // changes them in between (SQLite: the transaction already excludes other writers).
      const held = new Map<string, EntityRow>();
      for (const chunk of chunks(analyzedRefs)) {
        let query = tx<EntityRow>(ENTITIES)
          .whereIn('entity_ref', chunk)
          .andWhere('lease_owner', owner);
        if (this.isPostgres) query = query.forUpdate();
        for (const row of await query.select()) {
          held.set(row.entity_ref, row);
        }
      }
      const entityRows: EntityRow[] = [];
      const resultRows: CheckResultRow[] = [];
      // The status masks of the summaries, over the checks' permanent bits.
      const bits = await this.checkBits.assign(
        tx,
        outcomes.flatMap(o =>
          !o.unchanged && held.has(o.entityRef)
            ? o.report.checks.map(c => c.id)
            : [],
        ),
      );
      for (const outcome of outcomes) {
        if (outcome.unchanged) continue;
        const { entityRef, report, etag } = outcome;
        const row = held.get(entityRef);
        if (!row) continue;
        stored.add(entityRef);
        const analyzed = analyzedColumns(report, etag, now, bits);
        entityRows.push({ ...row, ...released, ...analyzed.columns });
        historyRows.push(
          historyRow(
            entityRef,
            now,
            true,
            analyzed.counts,
            analyzed.score,
            analyzed.masks,
            analyzed.waived,
          ),
        );
        resultRows.push(...report.checks.map(c => resultRow(entityRef, c)));
      }
      // Every row exists and is locked: the upsert is a multi-row update in one statement.
      for (const chunk of chunks(entityRows)) {
        await tx<EntityRow>(ENTITIES)
          .insert(chunk)
          .onConflict('entity_ref')
          .merge([...SCAN_COLUMNS]);
      }
      const replaced = [...held.keys()];
      if (this.recordStatusChanges) {
        await insertStatusChanges(
          tx,
          await this.statusChanges(tx, held, resultRows, now),
        );
      }
      for (const chunk of chunks(replaced)) {
        await tx<CheckResultRow>(RESULTS).whereIn('entity_ref', chunk).delete();
      }
      for (const chunk of chunks(resultRows, RESULT_CHUNK)) {
        await this.insertResults(tx, chunk);
      }
      await this.writeHistory(tx, historyRows, dayOf(now));
      return outcomes.map(o => o.entityRef).filter(ref => stored.has(ref));
    });
  }

  /**
   * Writes the CSV state (see `csvStateOf`) of unchanged analyzed entities whose stored
   * one is not this code's: stored before the column, by a version with another check
   * catalog, or not written by the last analysis (an earlier version's). Once per entity
   * after such an upgrade; analyses write it anyway.
   */
  private async restateCsv(tx: Knex.Transaction, refs: string[]) {
    for (const chunk of chunks(refs)) {
      const rows = await tx<EntityRow>(ENTITIES)
        .select(
          'entity_ref',
          ...COUNT_COLUMNS,
          'score',
          'go_service',
          'check_statuses',
          'waived_count',
          'scanned_at',
        )
        .whereIn('entity_ref', chunk);
      for (const row of rows) {
        await tx<EntityRow>(ENTITIES)
          .where('entity_ref', row.entity_ref)
          .update(csvStateColumns(row));
      }
    }
  }

  /**
   * The status changes of the analyzed entities: each new result against the stored one
   * it replaces. An entity never analyzed before has no baseline.
   */
  private async statusChanges(
    tx: Knex.Transaction,
    held: Map<string, EntityRow>,
    next: CheckResultRow[],
    now: number,
  ): Promise<StatusChange[]> {
    const baselined = [...held.values()]
      .filter(row => row.scanned_at !== null)
      .map(row => row.entity_ref);
    const previous = new Map<string, CheckState>();
    const key = (entityRef: string, checkId: string) =>
      `${entityRef}\n${checkId}`;
    for (const chunk of chunks(baselined)) {
      const rows = await tx<CheckResultRow>(RESULTS)
        .select(
          'entity_ref',
          'check_id',
          'status',
          'finding_count',
          'waived_count',
        )
        .whereIn('entity_ref', chunk);
      for (const row of rows) {
        previous.set(key(row.entity_ref, row.check_id), checkStateOf(row));
      }
    }
    const changes: StatusChange[] = [];
    for (const row of next) {
      const change = checkStatusChange(
        previous.get(key(row.entity_ref, row.check_id)),
        checkStateOf(row),
      );
      if (!change) continue;
      const owner = held.get(row.entity_ref)?.owner;
      const finding =
        change.kind === 'regression' ? firstFindingOf(row) : undefined;
      changes.push({
        entityRef: row.entity_ref,
        checkId: row.check_id,
        ...(owner ? { owner } : {}),
        detectedAt: now,
        ...(finding ? { finding } : {}),
        ...change,
      });
    }
    return changes;
  }

  /**
   * Inserts check result rows in one statement with one parameter, the rows as JSON,
   * which the database expands (PostgreSQL `json_populate_recordset`, SQLite
   * `json_each`): a multi-row `VALUES` of 500 rows had 5,000 parameters for knex to
   * compile and the database to parse (SQLite: to prepare) every time, the largest share
   * of a scan's writes.
   */
  private async insertResults(
    tx: Knex.Transaction,
    rows: CheckResultRow[],
  ): Promise<void> {
    const columns = RESULT_COLUMNS.join(', ');
    const json = JSON.stringify(rows);
    if (this.isPostgres) {
      await tx.raw(
        `INSERT INTO ${RESULTS} (${columns}) SELECT ${columns}
        FROM json_populate_recordset(NULL::${RESULTS}, ?::json)`,
        [json],
      );
    } else {
      await tx.raw(
        `INSERT INTO ${RESULTS} (${columns}) SELECT ${RESULT_COLUMNS.map(
          c => `value ->> '${c}'`,
        ).join(', ')} FROM json_each(?)`,
        [json],
      );
    }
  }

  /**
   * Keeps one history row per entity and UTC day (the day's last scan; `changed` when
   * any scan that day analyzed new content), so repeated scans cannot grow the table.
   */
  private async writeHistory(
    tx: Knex.Transaction,
    rows: HistoryRow[],
    day: number,
  ): Promise<void> {
    const changedToday = new Set<string>();
    for (const chunk of chunks(rows.map(r => r.entity_ref))) {
      const today = tx<HistoryRow>(HISTORY)
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
    for (const chunk of chunks(rows)) {
      await tx<HistoryRow>(HISTORY).insert(
        chunk.map(r => ({
          ...r,
          changed: r.changed || changedToday.has(r.entity_ref),
        })),
      );
    }
  }

  async failScan(
    entityRef: string,
    owner: string,
    failure: FailedScan,
  ): Promise<boolean> {
    const updated = await this.knex<EntityRow>(ENTITIES)
      .where({ entity_ref: entityRef, lease_owner: owner })
      .update({
        last_error: failure.error,
        // Stale: the results shown are an earlier scan's. With none, the entity failed.
        stale: this.knex.raw('?? IS NOT NULL', ['scanned_at']),
        attempts: failure.attempts,
        next_scan_at: failure.nextScanAt,
        lease_owner: null,
        lease_expires_at: null,
      });
    return updated > 0;
  }

  async releaseLease(entityRef: string, owner: string): Promise<void> {
    await this.knex<EntityRow>(ENTITIES)
      .where({ entity_ref: entityRef, lease_owner: owner })
      .update({ lease_owner: null, lease_expires_at: null });
  }

  async renewLeases(
    entityRefs: string[],
    owner: string,
    lease: { now: number; leaseMs: number },
  ): Promise<string[]> {
    const renewed: string[] = [];
    for (const chunk of chunks(entityRefs)) {
      const rows = await this.knex<EntityRow>(ENTITIES)
        .whereIn('entity_ref', chunk)
        .andWhere('lease_owner', owner)
        .update({ lease_expires_at: lease.now + lease.leaseMs }, [
          'entity_ref',
        ]);
      renewed.push(...rows.map(r => r.entity_ref));
    }
    return renewed;
  }

  async leaseOf(entityRef: string): Promise<Lease | undefined> {
    const row = await this.knex<EntityRow>(ENTITIES)
      .select('lease_owner', 'lease_expires_at')
      .where({ entity_ref: entityRef })
      .first();
    if (!row?.lease_owner || row.lease_expires_at === null) return undefined;
    return {
      owner: row.lease_owner,
      expiresAt: Number(row.lease_expires_at),
    };
  }

  async requestScan(
    entityRef: string,
    now: number,
    cooldownMs = 0,
  ): Promise<ScanRequest> {
    const updated = await this.knex<EntityRow>(ENTITIES)
      .where({ entity_ref: entityRef })
      .andWhere(b =>
        b
          .whereNull('scan_requested_at')
          .orWhere('scan_requested_at', '<=', now - cooldownMs),
      )
      .update({ next_scan_at: now, scan_requested_at: now });
    if (updated > 0) return { requested: true };
    const row = await this.knex<EntityRow>(ENTITIES)
      .select('scan_requested_at')
      .where({ entity_ref: entityRef })
      .first();
    if (!row) return { requested: false, unknown: true };
    return {
      requested: false,
      retryAt: Number(row.scan_requested_at) + cooldownMs,
    };
  }

  async makeDue(entityRefs: string[], now: number): Promise<string[]> {
    const known: string[] = [];
    for (const chunk of chunks([...new Set(entityRefs)])) {
      // A push is a new state of the source: earlier failed reads no longer count towards
      // the retries (two pushes used to use up a failing entity's retries in a second).
      await this.knex<EntityRow>(ENTITIES)
        .whereIn('entity_ref', chunk)
        .andWhere('next_scan_at', '>', now)
        .update({ next_scan_at: now, attempts: 0 });
      await this.knex<EntityRow>(ENTITIES)
        .whereIn('entity_ref', chunk)
        .andWhere('attempts', '>', 0)
        .update({ attempts: 0 });
      const rows = await this.knex<EntityRow>(ENTITIES)
        .select('entity_ref')
        .whereIn('entity_ref', chunk);
      known.push(...rows.map(r => r.entity_ref));
    }
    return known.sort();
  }
}

function checkStateOf(
  row: Pick<CheckResultRow, 'status' | 'finding_count' | 'waived_count'>,
): CheckState {
  return {
    status: row.status as CheckState['status'],
    findings: Number(row.finding_count),
    waived: Number(row.waived_count),
  };
}

/**
 * The first finding of a result row that no waiver covers, as `path:line`: where a
 * regression's digest line points. Undefined without one (or with findings that do not read).
 */
function firstFindingOf(
  row: Pick<CheckResultRow, 'findings'>,
): string | undefined {
  try {
    const findings = JSON.parse(row.findings) as Finding[];
    const first = findings.find(f => !f.waiver);
    return first ? `${first.path}:${first.line}` : undefined;
  } catch {
    return undefined;
  }
}
