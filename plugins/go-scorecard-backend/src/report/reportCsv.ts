import { checks, ReportRow } from '@internal/plugin-go-scorecard-common';

const fixedColumns = [
  'entityRef',
  'title',
  'owner',
  'system',
  'type',
  'state',
  'scannedAt',
  'stale',
  'error',
  'score',
  'pass',
  'warn',
  'fail',
  'notApplicable',
  'errors',
];

/** The header line of the report's CSV: fixed columns, the checks in scope, then `waived` and `impact`. */
export function reportCsvHeader(checkIds: string[]): string {
  return [...fixedColumns, ...checkIds, 'waived', 'impact']
    .map(csvCell)
    .join(',');
}

/**
 * The report's rows as CSV (RFC 4180, CRLF line ends): fixed columns (`title` is the
 * entity's title, or its name without one), one column per check in scope, and last
 * `waived`, the entity's findings waived in `.go-scorecard.yaml` (over every check), and
 * `impact`, the catalog entities that depend on it (see `impactOf`).
 */
export function reportCsv(
  rows: ReportRow[],
  checkIds: string[] = checks.map(c => c.id),
): string {
  const lines = [reportCsvHeader(checkIds)];
  for (const row of rows) {
    const cells: unknown[] = [
      row.entityRef,
      row.title ?? row.name,
      row.owner,
      row.system,
      row.type,
      row.state,
      row.scannedAt,
      row.stale,
      row.error,
      row.score,
      row.counts.pass,
      row.counts.warn,
      row.counts.fail,
      row.counts.notApplicable,
      row.counts.error,
      ...checkIds.map(id => row.checks[id]),
      row.waived,
      row.impact,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * One CSV cell: empty for none; a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` (no
 * formulas in spreadsheet apps); quoted when it holds a quote, comma, CR or LF.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  // Keep spreadsheet apps from evaluating cells as formulas.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
