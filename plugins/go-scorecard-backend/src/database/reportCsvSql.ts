/*
 * The report's CSV rows as the database writes them: each matching entity as the text
 * of its CSV line (the catalog cells stored as `reportCsv` writes them, with the
 * entity; the others never need quoting), but the scan time, the stale flag and the
 * scan error, which the caller writes (the error redacted). Two texts and three values
 * per entity instead of a dozen columns.
 */
import {
  CheckDefinition,
  checks,
  statusesWorstFirst,
} from '@internal/plugin-go-scorecard-common';
import { CSV_STATE_KEY } from './csvState';
import { maskOf, MASKS } from './reportSql';

/** A CSV cell of a nullable integer expression. */
function numberCell(value: string): string {
  return `(CASE WHEN ${value} IS NULL THEN '' ELSE CAST(${value} AS TEXT) END)`;
}

/**
 * The SELECT list of the CSV rows over `r` (matched with `csv`): `head` (entityRef …
 * state), `scanned_at` and `stale` (written by the caller: `to_char` per row was a
 * tenth of PostgreSQL's time for the CSV), `last_error`, and `tail` (score … the check
 * cells of `scope`, then the waived count and the impact). Over every check, an
 * analyzed entity's cells from score to waived are its stored `csv_state` when its key
 * is this code's (see `csvStateOf`) and it was written with the row's scan
 * (`csv_state_at`); otherwise they are computed from the status masks.
 */
export function csvColumns(
  scope: readonly CheckDefinition[],
  bits: ReadonlyMap<string, number>,
): string {
  const join = (cells: string[]) => cells.join(` || ',' || `);
  const scanState = `(CASE WHEN r.scanned_at IS NOT NULL THEN 'scanned' WHEN r.failed = 1 THEN 'failed' ELSE 'pending' END)`;
  const head = join([
    // Written with the catalog columns, as `csvCell` writes them.
    'r.csv_cells',
    scanState,
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
  const computed = join([
    numberCell('r.score'),
    numberCell('r.pass'),
    numberCell('r.warn'),
    numberCell('r.fail'),
    numberCell('r.na'),
    numberCell('r.err'),
    ...scope.map(check),
    numberCell('r.waived'),
  ]);
  // The stored cells are of every check of the catalog, in its order.
  const everyCheck =
    scope.length === checks.length &&
    scope.every((c, i) => c.id === checks[i].id);
  const state = everyCheck
    ? `(CASE WHEN r.csv_state_key = '${CSV_STATE_KEY}' AND r.csv_state_at = r.scanned_at THEN r.csv_state ELSE ${computed} END)`
    : computed;
  const tail = join([state, numberCell('r.impact')]);
  return `${head} AS head, r.scanned_at, r.stale, r.last_error, ${tail} AS tail`;
}
