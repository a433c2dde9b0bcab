import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ScanReport } from '@internal/plugin-go-scorecard-common';
import { runCli } from './scan';

/**
 * The acceptance fixture of the analyzer: each example service's README lists, under
 * "Expected findings", every finding `yarn scan` must report (check, file, line), then the
 * checks expected to be not_applicable; every other check must pass.
 */
const servicesDir = join(__dirname, '..', '..', '..', 'examples', 'services');
const services = readdirSync(servicesDir).sort();

function readmeExpectations(readme: string) {
  const section =
    readme.split(/^## Expected findings$/m)[1]?.split(/^## /m)[0] ?? '';
  const findings = section
    .split('\n')
    .filter(l => /^\|\s*[a-z0-9-]+\s*\|/.test(l))
    .map(l =>
      l
        .split('|')
        .slice(1, -1)
        .map(c => c.trim()),
    )
    .filter(([check, , line]) => check !== 'check' && /^\d+$/.test(line))
    .map(([check, file, line]) => `${file}:${line} ${check}`)
    .sort();
  const na = /^Expected not_applicable:\s*(.*)$/m.exec(section)?.[1] ?? '';
  const notApplicable = na
    .split(',')
    .map(s => s.trim())
    .filter(s => /^[a-z0-9-]+$/.test(s) && s !== 'none')
    .sort();
  return { findings, notApplicable };
}

describe('example services', () => {
  it('are at least seven, each with an Expected findings section', () => {
    expect(services.length).toBeGreaterThanOrEqual(7);
  });

  it.each(services)(
    '%s: yarn scan reports exactly its README',
    async service => {
      const dir = join(servicesDir, service);
      const expected = readmeExpectations(
        readFileSync(join(dir, 'README.md'), 'utf8'),
      );
      const run = await runCli([dir, '--format', 'json', '--fail-on', 'never']);
      expect(run.stderr).toBe('');
      const report: ScanReport = JSON.parse(run.stdout);

      const findings = report.checks
        .flatMap(c => c.findings.map(f => `${f.path}:${f.line} ${c.id}`))
        .sort();
      expect(findings).toEqual(expected.findings);

      const notApplicable = report.checks
        .filter(c => c.status === 'not_applicable')
        .map(c => c.id)
        .sort();
      expect(notApplicable).toEqual(expected.notApplicable);

      const withFindings = new Set(expected.findings.map(f => f.split(' ')[1]));
      const unexpected = report.checks.filter(
        c =>
          !withFindings.has(c.id) &&
          !expected.notApplicable.includes(c.id) &&
          c.status !== 'pass',
      );
      expect(
        unexpected.map(c => `${c.id}: ${c.status} ${c.message ?? ''}`),
      ).toEqual([]);
    },
  );

  it('between them, fail and pass every check of the catalog', async () => {
    const statuses = new Map<string, Set<string>>();
    for (const service of services) {
      const run = await runCli([
        join(servicesDir, service),
        '--format',
        'json',
        '--fail-on',
        'never',
      ]);
      for (const c of (JSON.parse(run.stdout) as ScanReport).checks) {
        if (!statuses.has(c.id)) statuses.set(c.id, new Set());
        statuses.get(c.id)!.add(c.status === 'warn' ? 'fail' : c.status);
      }
    }
    const missing = [...statuses]
      .filter(([, s]) => !s.has('pass') || !s.has('fail'))
      .map(([id, s]) => `${id}: ${[...s].join(',')}`);
    expect(missing).toEqual([]);
  });
});
