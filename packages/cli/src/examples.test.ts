import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ScanReport } from '@internal/plugin-go-scorecard-common';
import { runCli } from './scan';

/**
 * The acceptance fixture of the analyzer: each example service's README lists, under
 * "Expected findings", every finding `yarn scan` must report (check, file, line), then the
 * checks expected to be not_applicable; every other check must pass. Under "Expected
 * waivers", the findings a waiver of `.go-scorecard.yaml` covers (check, file, line, waiver)
 * and, as a list of code spans after "Expected notes:", every scan note; a README without the
 * section expects neither. Every service is scanned with the example org's policy
 * (`--policy examples/policy.yaml`), as the READMEs say.
 */
const examplesDir = join(__dirname, '..', '..', '..', 'examples');
const servicesDir = join(examplesDir, 'services');
const services = readdirSync(servicesDir).sort();
const scan = (service: string) =>
  runCli([
    join(servicesDir, service),
    '--format',
    'json',
    '--fail-on',
    'never',
    '--policy',
    join(examplesDir, 'policy.yaml'),
  ]);

/** The rows `| a | b | c |` of a Markdown table, as trimmed cells, without the header and rule. */
function tableRows(section: string): string[][] {
  return section
    .split('\n')
    .filter(l => /^\|\s*[a-z0-9-]+\s*\|/.test(l))
    .map(l =>
      l
        .split('|')
        .slice(1, -1)
        .map(c => c.trim()),
    )
    .filter(([, , line]) => /^\d+$/.test(line));
}

function readmeWaivers(readme: string) {
  const section =
    readme.split(/^## Expected waivers$/m)[1]?.split(/^## /m)[0] ?? '';
  const waived = tableRows(section)
    .map(([check, file, line, waiver]) => `${file}:${line} ${check} ${waiver}`)
    .sort();
  const notes = (section.split(/^Expected notes:$/m)[1] ?? '')
    .split('\n')
    .map(l => /^- `(.*)`$/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort();
  return { waived, notes };
}

function readmeExpectations(readme: string) {
  const section =
    readme.split(/^## Expected findings$/m)[1]?.split(/^## /m)[0] ?? '';
  const findings = tableRows(section)
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
      const run = await scan(service);
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

  it.each(services)(
    '%s: its waivers and notes are exactly its README',
    async service => {
      const expected = readmeWaivers(
        readFileSync(join(servicesDir, service, 'README.md'), 'utf8'),
      );
      const report: ScanReport = JSON.parse((await scan(service)).stdout);
      const waived = report.checks
        .flatMap(c =>
          c.findings
            .filter(f => f.waiver)
            .map(f => `${f.path}:${f.line} ${c.id} ${f.waiver!.source}`),
        )
        .sort();
      expect(waived).toEqual(expected.waived);
      expect(
        (report.notes ?? []).map(n => `${n.path}: ${n.message}`).sort(),
      ).toEqual(expected.notes);

      // A check whose findings are all waived passes, and says how many.
      const allWaived = report.checks.filter(
        c => c.findings.length && c.findings.every(f => f.waiver),
      );
      expect(
        allWaived.map(c => `${c.id}: ${c.status} ${c.waivedFindings}`),
      ).toEqual(allWaived.map(c => `${c.id}: pass ${c.findings.length}`));
    },
  );

  it('between them, fail and pass every check of the catalog', async () => {
    const statuses = new Map<string, Set<string>>();
    for (const service of services) {
      const run = await scan(service);
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
