/*
 * The report CSV's state cells of an analyzed entity, stored as text when a scan writes
 * its result (`csv_state`, in the same row and statement as the status masks), so the
 * CSV of every check only concatenates stored text instead of testing each check's bit
 * in five masks per row. `csv_state_key` says which check catalog and cell format wrote
 * it: the CSV uses the stored text only where the key is its own, and computes the
 * cells from the masks elsewhere (rows written before the column, or by a version with
 * other checks), so a mixed or upgraded deployment still writes every line right.
 */
import { createHash } from 'node:crypto';
import {
  checks,
  CheckStatus,
  statusesWorstFirst,
  StatusCounts,
} from '@internal/plugin-go-scorecard-common';
import { csvCell } from '../report/reportCsv';

/** Bumped when the cells' format changes: stored text of another format is not used. */
const FORMAT = 1;

/** The key of the stored text this code writes and reads: its format and check ids, hashed. */
export const CSV_STATE_KEY = createHash('sha256')
  .update(JSON.stringify([FORMAT, checks.map(c => c.id)]))
  .digest('hex')
  .slice(0, 16);

/** What the state cells are written from: an analyzed entity's stored columns. */
export interface CsvStateSource {
  counts: StatusCounts;
  score: number | undefined;
  /** False when the analysis found no Go: the report shows no score then. */
  goService: boolean;
  /** Check id to status, as `check_statuses` holds them. */
  statuses: Readonly<Record<string, string>>;
  waived: number;
}

/**
 * `score,pass,warn,fail,notApplicable,errors,<a cell per check of the catalog>,waived`
 * of an analyzed entity, as the CSV over every check writes them (see `reportCsv`): no
 * score for a non-Go service, a check's cell empty when it has no (known) status.
 */
export function csvStateOf(source: CsvStateSource): string {
  const known = new Set<string>(statusesWorstFirst);
  const cells: unknown[] = [
    source.goService ? source.score : undefined,
    source.counts.pass,
    source.counts.warn,
    source.counts.fail,
    source.counts.notApplicable,
    source.counts.error,
    ...checks.map(c => {
      const status = source.statuses[c.id];
      return known.has(status) ? (status as CheckStatus) : undefined;
    }),
    source.waived,
  ];
  return cells.map(csvCell).join(',');
}
