import {
  CheckDefinition,
  CheckStatus,
  checks,
} from '@internal/plugin-go-scorecard-common';
import { Knex } from 'knex';
import { ReportQuery } from '../report/ReportQuery';
import { reportScope } from '../report/reportRow';
import { dailyPointOf, dayOf, summaryOf } from './conversion';
import { CheckBits } from './CheckBits';
import { ReadableSets } from './ReadableSets';
import {
  bitsOf,
  Dialect,
  matchedEntities,
  reportOrder,
  Sql,
} from './reportSql';
import { csvColumns } from './reportCsvSql';
import { statusGroups } from './reportSums';
import {
  CountColumns,
  DbNumber,
  ENTITIES,
  EntityRow,
  HISTORY,
  MASK_COLUMNS,
  SUMMARY_COLUMNS,
  SummaryRow,
} from './tables';
import { EntitySummary, HistoryPoint, StatusCounts } from './types';
import { isPostgres } from './util';

/**
 * Sums over the matching entities of one owner (`(none)` for those without). Non-Go
 * services are only counted, in `notGoEntities`.
 */
export interface OwnerSums {
  owner: string;
  /** Matching entities but non-Go services. */
  entities: number;
  /** Of `entities`, those not scanned yet. */
  pendingEntities: number;
  /** Matching non-Go services. */
  notGoEntities: number;
  /** Entities with a `fail` in scope. */
  failingEntities: number;
  /** Entities whose scan failed with no earlier result. */
  failedEntities: number;
  /** Their counts within the scope. */
  counts: StatusCounts;
}

/**
 * The aggregates of a report query as the database counts them. Entities whose scan
 * failed are in `owners` only: their checks (all `error`) are not in `checks` and
 * `lessons`, which the caller adds per failed entity.
 */
export interface ReportSums {
  owners: OwnerSums[];
  /** Matching entities per check in scope and status. */
  checks: { checkId: string; status: CheckStatus; entities: number }[];
  /** Matching entities per lesson in scope and worst status within the scope. */
  lessons: { lesson: number; status: CheckStatus; entities: number }[];
}

/** One page of a report query: the summaries in order, and the sums when asked. */
export interface ReportResult {
  summaries: EntitySummary[];
  sums?: ReportSums;
}

/**
 * The report's query side: filters (readable refs, owner, system, text, status within
 * the lesson or check scope), sorting, paging and aggregates run in the database, so a
 * request reads one page of summaries and a few sums, never every entity. The readable
 * refs reach SQL as a stored set joined by id (see ReadableSets): the first request with
 * a set not stored yet writes it.
 */
export interface ReportStore {
  /**
   * The page `query` asks for of the entities in `readable` (lowercased refs), sorted,
   * and with `aggregates`, the sums over every match. Entities whose scan failed count
   * every check as `error`, as the report shows them.
   */
  queryReport(
    readable: ReadonlySet<string>,
    query: ReportQuery,
    options?: { aggregates?: boolean; now?: number },
  ): Promise<ReportResult>;

  /**
   * Every entity `query` matches among `readable`, sorted, as its CSV line in two parts
   * around the scan error (see {@link ReportCsvRow}): one short row per entity, in
   * batches as the database hands them out (PostgreSQL: a cursor, the next batch
   * fetched while the caller writes the last one), so the caller writes them as they
   * come instead of holding every line. Stopping the iteration early closes the cursor.
   */
  queryReportCsv(
    readable: ReadonlySet<string>,
    query: ReportQuery,
  ): AsyncIterable<ReportCsvRow[]>;

  /**
   * The trend of the entities `query` matches among `readable` (the report's rows, every
   * page; the status filter as of now), one point per UTC day since `since`: the sums of
   * each entity's last scan of the day, counted within the query's lesson or check scope
   * as the report counts (a scoped trend leaves out history rows kept before their status
   * masks were), score of the sums. Non-Go services are never counted.
   */
  queryHistory(
    readable: ReadonlySet<string>,
    query: ReportQuery,
    since: number,
  ): Promise<HistoryPoint[]>;
}

/**
 * One entity's CSV line, cells as `reportCsv` writes them: `head` (entityRef … state),
 * the scan time and stale flag and the stored scan error for the caller to write (the
 * error redacted), `tail` (score … checks).
 */
export interface ReportCsvRow {
  head: string;
  /** Epoch ms; null when never scanned. */
  scanned_at: DbNumber | null;
  stale: boolean | number | null;
  last_error: string | null;
  tail: string;
}

/** PostgreSQL's memory per sort or hash of a report statement: 50,000 matches fit. */
const REPORT_WORK_MEM = '64MB';

/** The CSV's rows per batch (one cursor FETCH on PostgreSQL). */
const CSV_BATCH = 2000;

/** A typed null: the first branch of a UNION sets the column types (PostgreSQL). */
const NULL = 'CAST(NULL AS BIGINT)';

/** {@link ReportStore} on the plugin's database (PostgreSQL or SQLite). */
export class DatabaseReportStore implements ReportStore {
  private readonly dialect: Dialect;
  private readonly checkBits: CheckBits;
  private readonly readableSets: ReadableSets;

  /**
   * Wraps a migrated connection. `csvBatchSize`: the CSV's rows per batch (default
   * 2,000; one cursor FETCH on PostgreSQL).
   */
  static create(options: {
    knex: Knex;
    csvBatchSize?: number;
  }): DatabaseReportStore {
    return new DatabaseReportStore(
      options.knex,
      options.csvBatchSize ?? CSV_BATCH,
    );
  }

  private constructor(
    private readonly knex: Knex,
    private readonly csvBatch: number,
  ) {
    this.dialect = { postgres: isPostgres(knex) };
    this.checkBits = new CheckBits(knex);
    this.readableSets = new ReadableSets(knex);
  }

  async queryReport(
    readable: ReadonlySet<string>,
    query: ReportQuery,
    options: { aggregates?: boolean; now?: number } = {},
  ): Promise<ReportResult> {
    const now = options.now ?? Date.now();
    const { scope, bits, matched } = await this.match(readable, query, {
      materialized: options.aggregates,
    });
    if (!options.aggregates) {
      const rows: SummaryRow[] = await this.raw(
        `${matched.text}SELECT ${SUMMARY_COLUMNS.map(c => `e.${c}`).join(', ')}
        FROM r JOIN ${ENTITIES} e ON e.entity_ref = r.entity_ref
        ${reportOrder(this.dialect, query)} ${this.paging(query)}`,
        [...matched.bindings, ...this.pagingBindings(query)],
      );
      return { summaries: rows.map(row => summaryOf(row, now)) };
    }
    return this.pageAndSums(matched, query, scope, bits, now);
  }

  async queryHistory(
    readable: ReadonlySet<string>,
    query: ReportQuery,
    since: number,
  ): Promise<HistoryPoint[]> {
    const { scope, bits, matched } = await this.match(readable, query, {});
    const all = scope.length === checks.length;
    const scopeBits = bitsOf(scope, bits);
    const count = (status: keyof typeof MASK_COLUMNS, column: string) =>
      all
        ? `h.${column}`
        : scopeBits
            .map(bit => `((h.${MASK_COLUMNS[status]} >> ${bit}) & 1)`)
            .join(' + ') || '0';
    const counts = (
      [
        ['pass', 'pass_count'],
        ['warn', 'warn_count'],
        ['fail', 'fail_count'],
        ['not_applicable', 'na_count'],
        ['error', 'error_count'],
      ] as const
    ).map(([status, column]) => ({ column, sql: count(status, column) }));
    const rows: (CountColumns & {
      day: DbNumber;
      entities: DbNumber;
      waived_count: DbNumber | null;
    })[] = await this.raw(
      `${matched.text}SELECT x.day, COUNT(*) AS entities, ${counts
        .map(c => `SUM(x.${c.column}) AS ${c.column}`)
        .join(', ')}, SUM(x.waived_count) AS waived_count
        FROM (
          SELECT h.day, ${counts
            .map(c => `${c.sql} AS ${c.column}`)
            .join(', ')}, h.waived_count,
            ROW_NUMBER() OVER (
              PARTITION BY h.entity_ref, h.day ORDER BY h.scanned_at DESC, h.id DESC
            ) AS rn
          FROM r JOIN ${HISTORY} h ON h.entity_ref = r.entity_ref
          WHERE r.notgo = 0 AND h.day >= ?${
            all ? '' : ' AND h.pass_bits IS NOT NULL'
          }
        ) x
        WHERE x.rn = 1 GROUP BY x.day ORDER BY x.day`,
      [...matched.bindings, dayOf(since)],
    );
    return rows.map(dailyPointOf);
  }

  async *queryReportCsv(
    readable: ReadonlySet<string>,
    query: ReportQuery,
  ): AsyncIterable<ReportCsvRow[]> {
    const { scope, bits, matched } = await this.match(readable, query, {
      csv: true,
    });
    const order = reportOrder(this.dialect, query);
    const columns = csvColumns(scope, bits);
    const bindings = [...matched.bindings, ...this.pagingBindings(query)];
    if (!this.dialect.postgres) {
      // In process: one statement, handed out in batches all the same.
      const rows: ReportCsvRow[] = await this.knex.raw(
        `${matched.text}SELECT ${columns} FROM r ${order} ${this.paging(
          query,
        )}`,
        bindings as Knex.RawBinding[],
      );
      for (let i = 0; i < rows.length; i += this.csvBatch) {
        yield rows.slice(i, i + this.csvBatch);
      }
      return;
    }
    // By ref (the default order), the cursor reads the matches in order, a merge join
    // of the entities' and the readable refs' "C" indexes, so each FETCH computes only
    // its own batch's rows, from the first on. In another order, the lines are written
    // after the sort (the subquery's order, kept by the outer ORDER BY without sorting
    // again): the sort waits for every match, but the lines are computed per FETCH.
    const text =
      query.orderBy === 'entity'
        ? `${matched.text}SELECT ${columns} FROM r ${order} ${this.paging(
            query,
          )}`
        : `${matched.text}SELECT ${columns}
      FROM (SELECT * FROM r ${order} ${this.paging(query)}${
            query.offset > 0 ? '' : ' OFFSET 0'
          }) r ${order}`;
    const tx = await this.knex.transaction();
    try {
      await tx.raw(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`);
      // No JIT: the statement's estimated cost (about 91,000 at 50,000 entities) passes
      // the default threshold (100,000) at about 55,000, and compiling its expressions
      // took 35-45 ms, before the first row, of a statement that runs in about 100 ms.
      await tx.raw('SET LOCAL jit = off');
      await tx.raw(
        `DECLARE go_scorecard_csv NO SCROLL CURSOR FOR ${text}`,
        bindings as Knex.RawBinding[],
      );
      const fetch = (): Promise<ReportCsvRow[]> =>
        tx
          .raw(`FETCH ${this.csvBatch} FROM go_scorecard_csv`)
          .then(result => result.rows);
      let next = fetch();
      for (;;) {
        const rows = await next;
        if (rows.length < this.csvBatch) {
          if (rows.length) yield rows;
          break;
        }
        // The database computes the next batch while the caller writes this one.
        next = fetch();
        next.catch(() => {});
        yield rows;
      }
      await tx.commit();
    } finally {
      if (!tx.isCompleted()) await tx.rollback();
    }
  }

  /** The checks in scope, their status bits and the statement that finds the matches. */
  private async match(
    readable: ReadonlySet<string>,
    query: ReportQuery,
    options: { materialized?: boolean; csv?: boolean },
  ): Promise<{
    scope: readonly CheckDefinition[];
    bits: ReadonlyMap<string, number>;
    matched: Sql;
  }> {
    const scope = reportScope(query);
    const bits = await this.checkBits.read(scope.map(c => c.id));
    const matched = matchedEntities(
      this.dialect,
      await this.readableSets.idOf(readable),
      query,
      scope,
      bits,
      options.materialized,
      options.csv,
    );
    return { scope, bits, matched };
  }

  /**
   * The page's refs, the owners' sums and the status groups in one statement over the
   * matches computed once (one pass over the readable refs), then the page's summaries.
   */
  private async pageAndSums(
    matched: Sql,
    query: ReportQuery,
    scope: readonly CheckDefinition[],
    bits: ReadonlyMap<string, number>,
    now: number,
  ): Promise<ReportResult> {
    const groups = statusGroups(this.dialect, scope, bits);
    // The page is sorted twice: the top rows out of every match, then only those, numbered.
    const order = reportOrder(this.dialect, query);
    const keys = (groups?.aliases ?? []).map(() => 'NULL');
    const tail = keys.length ? `, ${keys.join(', ')}` : '';
    const sums = [
      'failing',
      'failed',
      'pending',
      'notgo',
      'pass',
      'warn',
      'fail',
      'na',
      'err',
    ];
    const nulls = sums.map(() => 'NULL').join(', ');
    const selects = [
      `SELECT 'p' AS kind, p.entity_ref AS t, p.ord, ${NULL} AS n, ${sums
        .map(c => `${NULL} AS ${c}`)
        .join(', ')}${
        groups
          ? `, ${groups.aliases.map(a => `${NULL} AS ${a}`).join(', ')}`
          : ''
      } FROM (
        SELECT r.entity_ref, ROW_NUMBER() OVER (${order}) AS ord
        FROM (SELECT * FROM r ${order} ${this.paging(query)}) r
      ) p`,
      // Non-Go services (notgo = 1) are only counted, as such.
      `SELECT 'o', COALESCE(r.owner, '(none)'), NULL, SUM(1 - r.notgo),
        SUM(CASE WHEN r.notgo = 0 AND r.fail > 0 THEN 1 ELSE 0 END), SUM(r.failed),
        SUM(r.pending), SUM(r.notgo), ${['pass', 'warn', 'fail', 'na', 'err']
          .map(c => `SUM(CASE WHEN r.notgo = 0 THEN r.${c} ELSE 0 END)`)
          .join(', ')}${tail}
      FROM r GROUP BY COALESCE(r.owner, '(none)')`,
      ...(groups?.selects(count => `'g', NULL, NULL, ${count}, ${nulls}`) ??
        []),
    ];
    const ctes = groups?.cte ? `, ${groups.cte}\n` : '';
    const rows: Record<string, DbNumber | null>[] = await this.raw(
      `${matched.text}${ctes}${selects.join('\nUNION ALL ')}`,
      [...matched.bindings, ...this.pagingBindings(query)],
    );
    const page = rows
      .filter(row => row.kind === 'p')
      .sort((a, b) => Number(a.ord) - Number(b.ord))
      .map(row => String(row.t));
    const summaryRows: SummaryRow[] = page.length
      ? await this.knex<EntityRow>(ENTITIES)
          .select(...SUMMARY_COLUMNS)
          .whereIn('entity_ref', page)
      : [];
    const byRef = new Map(summaryRows.map(row => [row.entity_ref, row]));
    const statusSums = groups?.decode(rows.filter(row => row.kind === 'g'));
    return {
      summaries: page.flatMap(ref => {
        const row = byRef.get(ref);
        return row ? [summaryOf(row, now)] : [];
      }),
      sums: {
        owners: rows
          .filter(row => row.kind === 'o')
          .map(row => ({
            owner: String(row.t),
            entities: Number(row.n),
            failingEntities: Number(row.failing),
            failedEntities: Number(row.failed),
            pendingEntities: Number(row.pending),
            notGoEntities: Number(row.notgo),
            counts: {
              pass: Number(row.pass),
              warn: Number(row.warn),
              fail: Number(row.fail),
              notApplicable: Number(row.na),
              error: Number(row.err),
            },
          })),
        checks: [...(statusSums?.checks ?? [])].flatMap(([checkId, counts]) =>
          [...counts].map(([status, entities]) => ({
            checkId,
            status,
            entities,
          })),
        ),
        lessons: [...(statusSums?.lessons ?? [])].flatMap(([lesson, counts]) =>
          [...counts].map(([status, entities]) => ({
            lesson,
            status,
            entities,
          })),
        ),
      },
    };
  }

  /** `LIMIT ? OFFSET ?` as the query's page needs (none for every match). */
  private paging(query: ReportQuery): string {
    const paging: string[] = [];
    if (query.limit < Number.MAX_SAFE_INTEGER) paging.push('LIMIT ?');
    else if (query.offset > 0)
      paging.push(this.dialect.postgres ? 'LIMIT ALL' : 'LIMIT -1');
    if (query.offset > 0) paging.push('OFFSET ?');
    return paging.join(' ');
  }

  private pagingBindings(query: ReportQuery): number[] {
    return [
      ...(query.limit < Number.MAX_SAFE_INTEGER ? [query.limit] : []),
      ...(query.offset > 0 ? [query.offset] : []),
    ];
  }

  /**
   * Runs one report statement. PostgreSQL: with room to sort and keep every match in
   * memory (`work_mem`, for this transaction only) instead of spilling to disk.
   */
  private async raw(text: string, bindings: unknown[]): Promise<any[]> {
    if (!this.dialect.postgres) {
      return this.knex.raw(text, bindings as Knex.RawBinding[]);
    }
    return this.knex.transaction(async tx => {
      await tx.raw(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`);
      return (await tx.raw(text, bindings as Knex.RawBinding[])).rows;
    });
  }
}
