/*
 * The report's CSV rows as the database writes them: each matching entity as the text
 * of its CSV line (the catalog cells stored as `reportCsv` writes them, with the
 * entity; the others never need quoting), but the scan error, which the caller redacts
 * and writes. One text pair per entity instead of a dozen columns.
 */
import {
  CheckDefinition,
  statusesWorstFirst,
} from '@internal/plugin-go-scorecard-common';
import { Dialect, maskOf, MASKS } from './reportSql';

/** A CSV cell of a nullable integer expression. */
function numberCell(value: string): string {
  return `(CASE WHEN ${value} IS NULL THEN '' ELSE CAST(${value} AS TEXT) END)`;
}

/** An epoch-ms expression as `Date.toISOString()` writes it (`2026-11-30T12:00:00.000Z`). */
function isoTime(dialect: Dialect, ms: string): string {
  return dialect.postgres
    ? `to_char(TIMESTAMP '1970-01-01 00:00:00' + ${ms} * INTERVAL '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `strftime('%Y-%m-%dT%H:%M:%S', ${ms} / 1000, 'unixepoch') || '.' || substr('00' || (${ms} % 1000), -3) || 'Z'`;
}

/**
 * The SELECT list of the CSV rows over `r` (matched with `csv`): `head` (the
 * cells before the error: entityRef … stale), `last_error`, and `tail` (score … the
 * check cells of `scope`, from the status masks, then the waived count and the impact).
 */
export function csvColumns(
  dialect: Dialect,
  scope: readonly CheckDefinition[],
  bits: ReadonlyMap<string, number>,
): string {
  const join = (cells: string[]) => cells.join(` || ',' || `);
  const state = `(CASE WHEN r.scanned_at IS NOT NULL THEN 'scanned' WHEN r.failed = 1 THEN 'failed' ELSE 'pending' END)`;
  const head = join([
    // Written with the catalog columns, as `csvCell` writes them.
    'r.csv_cells',
    state,
    `(CASE WHEN r.scanned_at IS NULL THEN '' ELSE ${isoTime(
      dialect,
      'r.scanned_at',
    )} END)`,
    `(CASE WHEN r.stale THEN 'true' ELSE 'false' END)`,
  ]);
  const check = (c: CheckDefinition) => {
    const bit = bits.get(c.id);
    const stored =
      bit === undefined
        ? ''
        : statusesWorstFirst
            .map(
              s => ` WHEN (r.${MASKS[s]} & ${maskOf([bit])}) <> 0 THEN '${s}'`,
            )
            .join('');
    return `(CASE WHEN r.failed = 1 THEN 'error'${stored} ELSE '' END)`;
  };
  const tail = join([
    numberCell('r.score'),
    numberCell('r.pass'),
    numberCell('r.warn'),
    numberCell('r.fail'),
    numberCell('r.na'),
    numberCell('r.err'),
    ...scope.map(check),
    numberCell('r.waived'),
    numberCell('r.impact'),
  ]);
  return `${head} AS head, r.last_error, ${tail} AS tail`;
}
