/*
 * The report's SQL, for PostgreSQL and SQLite: the entities a report query matches, with
 * their counts and score within the query's scope, as a common table expression `r` the
 * page and the sums select from. Per-check statuses are bit tests on the entity's status
 * masks (see CheckBits); the readable refs are a stored set joined by id (see
 * ReadableSets). Bound: the set id and the filter values; inlined: the masks and counts,
 * numbers this code computed.
 */
import {
  CheckDefinition,
  CheckStatus,
  checks,
} from '@internal/plugin-go-scorecard-common';
import { ReportQuery } from '../report/ReportQuery';
import { ownerRollUp } from './ownerRollUp';
import { ENTITIES, MASK_COLUMNS, READABLE_REFS } from './tables';

/** SQL text and its positional bindings (`?`), for `knex.raw`. */
export interface Sql {
  text: string;
  bindings: unknown[];
}

/** What differs between the two databases. */
export interface Dialect {
  postgres: boolean;
}

/** The short names of the status masks in `r`, by check status. */
export const MASKS: Record<CheckStatus, string> = {
  pass: 'pb',
  warn: 'wb',
  fail: 'fb',
  not_applicable: 'nb',
  error: 'eb',
};

/** The count columns of `r`, by check status. */
const COUNTS: Record<CheckStatus, string> = {
  pass: 'pass',
  warn: 'warn',
  fail: 'fail',
  not_applicable: 'na',
  error: 'err',
};

const CHECK_STATUSES = Object.keys(MASKS) as CheckStatus[];

/** The entity columns `r` carries for sorting by them. */
const SORT_COLUMNS: Partial<Record<ReportQuery['orderBy'], string>> = {
  title: 'sort_title',
  system: 'system',
  type: 'type',
  scannedAt: 'scanned_at',
  impact: 'impact',
};

/** A scan that failed with no earlier result (`summaryOf`'s state `failed`). */
const FAILED = `(e.scanned_at IS NULL AND e.last_error IS NOT NULL AND e.last_error <> '')`;
const PENDING = `(e.scanned_at IS NULL AND (e.last_error IS NULL OR e.last_error = ''))`;
/** A service whose last analysis found no Go (`isGoService`): listed on request, never counted. */
const NOT_GO = `(e.go_service IS NOT NULL AND NOT e.go_service)`;

/** The mask of these bits, as an SQL literal. */
export function maskOf(bits: Iterable<number>): string {
  let mask = 0n;
  for (const bit of bits) mask |= 1n << BigInt(bit);
  return mask.toString();
}

/** The bits of the checks, those that have one. */
export function bitsOf(
  scope: readonly CheckDefinition[],
  bits: ReadonlyMap<string, number>,
): number[] {
  return scope.flatMap(c => (bits.has(c.id) ? [bits.get(c.id)!] : []));
}

/**
 * `WITH r AS (…)`: one row per matching entity with `entity_ref`, `owner`, `failed`,
 * `pending` and `notgo` (0/1 each), the counts within the scope `pass`, `warn`, `fail`, `na`, `err`, the `score`,
 * the query's sort column (`sort_title`, `system`, `type` or `scanned_at`) and the status masks
 * (`pb`, `wb`, `fb`, `nb`, `eb`; 0 for a failed entity, whose stored statuses the report
 * replaces with `error`). Non-Go services match only when the status filter has `not_go`
 * (which finds them), and have no score: the sums leave out rows with `notgo` = 1. The
 * status filter `waived` finds entities with at least one waived finding (in any check).
 * `readableSetId` names the caller's stored readable set (see
 * ReadableSets). With `csv`, `r` also has the entity's `csv_cells`, `csv_state`,
 * `csv_state_key`, `csv_state_at`, `stale`,
 * `last_error`, `waived` (its waived findings) and `impact`. `materialized` computes `r` once, for a
 * statement that reads its columns many times (the sums).
 */
export function matchedEntities(
  dialect: Dialect,
  readableSetId: string,
  query: ReportQuery,
  scope: readonly CheckDefinition[],
  bits: ReadonlyMap<string, number>,
  materialized = false,
  csv = false,
): Sql {
  const bindings: unknown[] = [readableSetId];
  // PostgreSQL: compared in "C", as the readable refs are stored and indexed, so the
  // join can merge the two indexes in the CSV's order (the report's ref order).
  const ref = dialect.postgres ? 'e.entity_ref COLLATE "C"' : 'e.entity_ref';
  const where = [
    `${ref} IN (SELECT rr.entity_ref FROM ${READABLE_REFS} rr WHERE rr.set_id = ?)`,
  ];
  if (query.owners) {
    // A department stands for its teams too.
    const owners = ownerRollUp('e.owner_key', query.owners);
    where.push(owners.text);
    bindings.push(...owners.bindings);
  }
  for (const [column, values] of [['e.system_key', query.systems]] as const) {
    if (!values) continue;
    where.push(
      values.length
        ? `${column} IN (${values.map(() => '?').join(', ')})`
        : '1 = 0',
    );
    bindings.push(...values);
  }
  if (query.text) {
    const contains = (column: string) =>
      dialect.postgres ? `strpos(${column}, ?) > 0` : `instr(${column}, ?) > 0`;
    // The ref is stored lowercased; the other three have lowercased copies.
    const columns = [
      'e.entity_ref',
      'e.title_key',
      'e.owner_key',
      'e.system_key',
    ];
    where.push(`(${columns.map(contains).join(' OR ')})`);
    bindings.push(...columns.map(() => query.text));
  }

  const all = scope.length === checks.length;
  const scopeBits = bitsOf(scope, bits);
  const failed = `CASE WHEN ${FAILED} THEN 1 ELSE 0 END`;
  // An entity never analyzed (pending, or failed without a result) has zero counts and
  // masks and no score: they are written only with scanned_at. So only its `error`
  // count needs its state: every check in scope is `error` when it failed.
  const mask = (status: CheckStatus) => `e.${MASK_COLUMNS[status]}`;
  const count = (status: CheckStatus) => {
    const stored = `e.${
      {
        pass: 'pass_count',
        warn: 'warn_count',
        fail: 'fail_count',
        not_applicable: 'na_count',
        error: 'error_count',
      }[status]
    }`;
    const scoped = scopeBits.length
      ? scopeBits
          .map(bit => `((e.${MASK_COLUMNS[status]} >> ${bit}) & 1)`)
          .join(' + ')
      : '0';
    const value = all ? stored : scoped;
    return status === 'error'
      ? `CASE WHEN ${FAILED} THEN ${scope.length} ELSE ${value} END`
      : value;
  };

  if (!query.statuses?.includes('not_go')) where.push(`NOT ${NOT_GO}`);
  if (query.statuses) {
    const scopeMask = maskOf(scopeBits);
    const any: string[] = [];
    if (query.statuses.includes('not_go')) any.push(NOT_GO);
    if (query.statuses.includes('stale')) any.push('e.stale');
    if (query.statuses.includes('pending')) any.push(PENDING);
    // A failed entity's checks are all `error`.
    if (query.statuses.includes('error')) any.push(FAILED);
    // At least one finding waived in .go-scorecard.yaml, in any check.
    if (query.statuses.includes('waived')) any.push('e.waived_count > 0');
    for (const status of CHECK_STATUSES) {
      if (!query.statuses.includes(status) || scopeMask === '0') continue;
      any.push(
        `(NOT ${FAILED} AND (e.${MASK_COLUMNS[status]} & ${scopeMask}) <> 0)`,
      );
    }
    where.push(any.length ? `(${any.join(' OR ')})` : '1 = 0');
  }

  // Only the columns this query reads: `r` may be kept in memory whole.
  const columns = ['e.entity_ref', 'e.owner'];
  const sortColumn = SORT_COLUMNS[query.orderBy];
  if (sortColumn) columns.push(`e.${sortColumn}`);
  if (csv) {
    columns.push(
      'e.csv_cells',
      'e.csv_state',
      'e.csv_state_key',
      'e.csv_state_at',
      'e.stale',
      'e.last_error',
      'e.waived_count AS waived',
    );
    if (sortColumn !== 'impact') columns.push('e.impact');
    if (sortColumn !== 'scanned_at') columns.push('e.scanned_at');
  }
  const m = `m AS (
    SELECT ${columns.join(', ')},
      ${failed} AS failed,
      CASE WHEN ${PENDING} THEN 1 ELSE 0 END AS pending,
      CASE WHEN ${NOT_GO} THEN 1 ELSE 0 END AS notgo,
      ${CHECK_STATUSES.map(s => `${count(s)} AS ${COUNTS[s]}`).join(
        ',\n      ',
      )},
      ${CHECK_STATUSES.map(s => `${mask(s)} AS ${MASKS[s]}`).join(',\n      ')},
      ${
        all
          ? `CASE WHEN ${FAILED} OR ${NOT_GO} THEN NULL ELSE e.score END`
          : 'NULL'
      } AS stored_score
    FROM ${ENTITIES} e
    WHERE ${where.join('\n      AND ')}
  )`;
  // Math.round(100 * pass / applicable), in integers: floor((200p + a) / 2a).
  const applicable = '(m.pass + m.warn + m.fail)';
  const score = all
    ? 'm.stored_score'
    : `CASE WHEN m.notgo = 0 AND ${applicable} > 0 THEN (200 * m.pass + ${applicable}) / (2 * ${applicable}) END`;
  return {
    text: `WITH ${m},\n  r AS ${
      materialized ? 'MATERIALIZED ' : ''
    }(SELECT m.*, ${score} AS score FROM m)\n`,
    bindings,
  };
}

/**
 * The `ORDER BY` of the report: missing values last either way (`NULLS LAST`, which
 * both databases sort with the key alone: a `CASE … IS NULL` key before it made
 * PostgreSQL compare every pair of rows in full, without abbreviated keys), ties by ref
 * ascending (the ref is unique and never missing).
 */
export function reportOrder(dialect: Dialect, query: ReportQuery): string {
  const text = (column: string) =>
    dialect.postgres ? `${column} COLLATE "C"` : column;
  const keys: Record<ReportQuery['orderBy'], [string, boolean]> = {
    entity: ['r.entity_ref', true],
    title: ['r.sort_title', true],
    owner: ['r.owner', true],
    system: ['r.system', true],
    type: ['r.type', true],
    score: ['r.score', false],
    scannedAt: ['r.scanned_at', false],
    pass: ['r.pass', false],
    warn: ['r.warn', false],
    fail: ['r.fail', false],
    error: ['r.err', false],
    impact: ['r.impact', false],
  };
  const [column, isText] = keys[query.orderBy];
  const key = isText ? text(column) : column;
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const ref = text('r.entity_ref');
  if (column === 'r.entity_ref') return `ORDER BY ${ref} ${direction}`;
  return `ORDER BY ${key} ${direction} NULLS LAST, ${ref} ASC`;
}
