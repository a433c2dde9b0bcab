import {
  CheckStatus,
  ScanReport,
  applicableOf,
  countOf,
  countStatuses,
  findingTotal,
  getCheck,
  lessons,
  scoreOf,
  waivedTotal,
} from '@internal/plugin-go-scorecard-common';
import { fixLink } from './docLinks';
import { legendLine, statusColours, statusMarks } from './statusMarks';

/**
 * The summary line: the score as the portal stores it ({@link scoreOf}: passed / (passed +
 * warned + failed); `error` checks could not judge and are not in it), then every count.
 */
export function scoreLine(report: ScanReport): string {
  const counts = countStatuses(report.checks);
  const score = scoreOf(counts);
  const applicable = applicableOf(counts);
  return (
    `Score ${score === undefined ? '—' : `${score}%`} ` +
    `(${counts.pass.toLocaleString('en-US')}/${countOf(
      applicable,
      'applicable check',
    )} passed): ` +
    `${counts.pass.toLocaleString('en-US')} passed, ` +
    `${counts.fail.toLocaleString('en-US')} failed, ` +
    `${countOf(counts.warn, 'warning')}, ` +
    `${countOf(counts.error, 'error')} (not scored), ` +
    `${counts.notApplicable.toLocaleString('en-US')} not applicable`
  );
}

/**
 * The report for people: a status legend, then checks grouped by lesson, each as its mark
 * and title (the rule that passes, from the catalog) with its id, each finding as
 * `file:line`, the fix link of every check that did not pass, and the score line
 * ({@link scoreLine}). A check whose findings were capped (`totalFindings` above their
 * number, see `capFindings`) shows its true total and ends its list with
 * `… and N more findings; --max-findings 0 prints all`. A finding waived in
 * `.go-scorecard.yaml` is followed by `waived until <day>: <reason> (<file:line>)`, and its
 * check's count says how many are waived (`3 findings, 1 waived`); the policy's notes are
 * printed with the other scan notes.
 */
export function formatText(
  report: ScanReport,
  options: {
    color: boolean;
    docsUrl?: string;
  },
): string {
  const paint = (code: number, s: string) =>
    options.color ? `\u001b[${code}m${s}\u001b[0m` : s;
  const mark = (status: CheckStatus, s: string) =>
    paint(statusColours[status], s);
  const bold = (s: string) => (options.color ? `\u001b[1m${s}\u001b[0m` : s);
  const out: string[] = [
    bold(`Go Service Scorecard: ${report.root}`),
    legendLine(mark),
    '',
  ];

  for (const lesson of lessons) {
    out.push(bold(`Lesson ${lesson.id}: ${lesson.title}`));
    for (const result of report.checks.filter(c => c.lesson === lesson.id)) {
      const title = getCheck(result.id)?.title ?? result.id;
      const n = findingTotal(result);
      // The analyzer's count: a capped list may leave waived findings out.
      const w = waivedTotal(result);
      const count = n
        ? `: ${countOf(n, 'finding')}${
            w ? `, ${w.toLocaleString('en-US')} waived` : ''
          }`
        : '';
      out.push(
        `  ${mark(
          result.status,
          statusMarks[result.status],
        )} ${title}${count}  ${paint(90, `[${result.id}]`)}`,
      );
      for (const f of result.findings) {
        out.push(`      ${f.path}:${f.line}  ${f.message}`);
        if (f.snippet) out.push(paint(90, `          ${f.snippet}`));
        if (f.waiver)
          out.push(
            `          waived until ${f.waiver.expires}: ${f.waiver.reason} (${f.waiver.source})`,
          );
        else if (f.expiredWaiver)
          out.push(
            `          waiver expired ${f.expiredWaiver.expires}, counts again: ${f.expiredWaiver.reason} (${f.expiredWaiver.source})`,
          );
      }
      if (n > result.findings.length) {
        out.push(
          `      … and ${countOf(
            n - result.findings.length,
            'more finding',
            'more findings',
          )}; --max-findings 0 prints all`,
        );
      }
      if (result.message) {
        out.push(paint(90, `      ${result.message}`));
      }
      if (result.status === 'fail' || result.status === 'warn') {
        out.push(`      how to fix: ${fixLink(result.id, options.docsUrl)}`);
      }
    }
    out.push('');
  }

  for (const note of report.notes ?? []) {
    out.push(paint(90, `note: ${note.path}: ${note.message}`));
  }
  if (report.notes?.length) out.push('');

  out.push(bold(scoreLine(report)));
  return `${out.join('\n')}\n`;
}
