import { randomUUID } from 'node:crypto';
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
  // Stands for a scan error in the database's lines; never in a cell (control characters
  // around a random id).
  const marker = `\u0001${randomUUID()}\u0001`;
  const chunks = await store.queryReportCsv(readable, query, marker);
  const parts = [reportCsvHeader(reportScope(query).map(c => c.id))];
  for (const chunk of chunks) {
    if (!chunk.errors.length) {
      parts.push(chunk.text);
      continue;
    }
    const pieces = chunk.text.split(marker);
    let text = pieces[0];
    chunk.errors.forEach((error, i) => {
      text += csvCell(redact ? redact(error) : error) + pieces[i + 1];
    });
    parts.push(text);
  }
  return `${parts.join('\r\n')}\r\n`;
}
