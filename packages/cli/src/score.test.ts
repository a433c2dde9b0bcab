import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ScanReport,
  countStatuses,
  scoreOf,
} from '@internal/plugin-go-scorecard-common';
import { runCli } from './scan';

/**
 * The CLI's score line and the portal's score are one number: the backend stores
 * `scoreOf(countStatuses(report.checks))` for a scan, and the text output's score line
 * shows the same, on every example service and on a scan with `error` checks (which
 * neither counts as applicable).
 */
const servicesDir = join(__dirname, '..', '..', '..', 'examples', 'services');
const services = readdirSync(servicesDir).sort();

/** A service two of whose checks report `error` (a deployment.yaml that is not YAML). */
function withErrors(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gss-score-'));
  writeFileSync(join(dir, 'go.mod'), 'module example.com/api\n\ngo 1.22\n');
  writeFileSync(join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
  writeFileSync(
    join(dir, 'deploy.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: x\n         ports: []\n',
  );
  return dir;
}

async function scoreLineAndReport(dir: string) {
  const json = await runCli([dir, '--format', 'json', '--fail-on', 'never']);
  const report: ScanReport = JSON.parse(json.stdout);
  const text = await runCli([dir, '--fail-on', 'never']);
  const match =
    /^Score (—|\d+%) \((\d+)\/(\d+) applicable checks? passed\): (\d+) passed, (\d+) failed, (\d+) warnings?, (\d+) errors? \(not scored\), (\d+) not applicable$/m.exec(
      text.stdout,
    );
  expect(match).not.toBeNull();
  const [, score, passed, applicable, ...counts] = match!;
  return {
    report,
    line: {
      score: score === '—' ? undefined : Number(score.slice(0, -1)),
      passed: Number(passed),
      applicable: Number(applicable),
      counts: counts.map(Number),
    },
  };
}

describe('the score line', () => {
  it.each(services)(
    '%s: is the score the portal stores for the scan',
    async service => {
      const { report, line } = await scoreLineAndReport(
        join(servicesDir, service),
      );
      const counts = countStatuses(report.checks);
      expect(line.score).toBe(scoreOf(counts));
      expect(line.passed).toBe(counts.pass);
      expect(line.applicable).toBe(counts.pass + counts.warn + counts.fail);
      expect(line.counts).toEqual([
        counts.pass,
        counts.fail,
        counts.warn,
        counts.error,
        counts.notApplicable,
      ]);
    },
  );

  it('leaves error checks out of the score, as the portal does', async () => {
    const { report, line } = await scoreLineAndReport(withErrors());
    const counts = countStatuses(report.checks);
    expect(counts.error).toBeGreaterThan(0);
    expect(line.score).toBe(scoreOf(counts));
    expect(line.applicable).toBe(
      report.checks.length - counts.notApplicable - counts.error,
    );
  });
});
