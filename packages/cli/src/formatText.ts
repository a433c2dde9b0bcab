import {
  CheckStatus,
  ScanReport,
  applicableOf,
  countStatuses,
  findingTotal,
  getCheck,
  lessons,
  scoreOf,
} from '@internal/plugin-go-scorecard-common';
import { fixLink } from './docLinks';

const symbols: Record<CheckStatus, string> = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  not_applicable: '-',
  error: 'E',
};

const colours: Record<CheckStatus, number> = {
  pass: 32,
  fail: 31,
  warn: 33,
  not_applicable: 90,
  error: 35,
};

/**
 * The summary line: the score as the portal stores it ({@link scoreOf}: passed / (passed +
 * warned + failed); `error` checks could not judge and are not in it), then every count.
 */
export function scoreLine(report: ScanReport): string {
  const counts = countStatuses(report.checks);
  const score = scoreOf(counts);
  return (
    `Score ${score === undefined ? '—' : `${score}%`} ` +
    `(${counts.pass}/${applicableOf(counts)} applicable checks passed): ` +
    `${counts.pass} passed, ${counts.fail} failed, ${counts.warn} warnings, ` +
    `${counts.error} errors (not scored), ${counts.notApplicable} not applicable`
  );
}

/**
 * The report for people: checks grouped by lesson with a status symbol, each finding as
 * `file:line`, the fix link of every check that did not pass, and the score line
 * ({@link scoreLine}). A check whose findings were capped (`totalFindings` above their
 * number) shows its true total and ends its list with `… and N more`.
 */
export function formatText(
  report: ScanReport,
  options: { color: boolean; docsUrl?: string },
): string {
  const paint = (code: number, s: string) =>
    options.color ? `\u001b[${code}m${s}\u001b[0m` : s;
  const bold = (s: string) => (options.color ? `\u001b[1m${s}\u001b[0m` : s);
  const out: string[] = [bold(`Go Service Scorecard: ${report.root}`), ''];

  for (const lesson of lessons) {
    out.push(bold(`Lesson ${lesson.id}: ${lesson.title}`));
    for (const result of report.checks.filter(c => c.lesson === lesson.id)) {
      const title = getCheck(result.id)?.title ?? result.id;
      const n = findingTotal(result);
      const count = n
        ? `  (${n.toLocaleString('en-US')} finding${n === 1 ? '' : 's'})`
        : '';
      out.push(
        `  ${paint(
          colours[result.status],
          symbols[result.status],
        )} ${result.id.padEnd(26)} ${title}${count}`,
      );
      for (const f of result.findings) {
        out.push(`      ${f.path}:${f.line}  ${f.message}`);
        if (f.snippet) out.push(paint(90, `          ${f.snippet}`));
      }
      if (n > result.findings.length) {
        out.push(
          `      … and ${(n - result.findings.length).toLocaleString(
            'en-US',
          )} more`,
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
