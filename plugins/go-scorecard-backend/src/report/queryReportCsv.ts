import { ReportStore } from '../database/ReportStore';
import { ReportQuery } from './ReportQuery';
import { csvCell, reportCsvHeader } from './reportCsv';
import { reportScope } from './reportRow';

/**
 * The report's CSV for `query` over the entities in `readable`, every match (no page):
 * the same text as `reportCsv` of the report's rows, with the lines written by the
 * database (see {@link ReportStore.queryReportCsv}) and the scan errors, rewritten by
 * `redact` (server paths), written here.
 */
export async function queryReportCsv(
  store: ReportStore,
  readable: ReadonlySet<string>,
  query: ReportQuery,
  redact?: (error: string) => string,
): Promise<string> {
  const rows = await store.queryReportCsv(readable, query);
  const lines = [reportCsvHeader(reportScope(query).map(c => c.id))];
  for (const row of rows) {
    const error = row.last_error ?? undefined;
    lines.push(
      `${row.head},${csvCell(error && redact ? redact(error) : error)},${
        row.tail
      }`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
