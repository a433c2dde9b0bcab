import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanReport } from '@internal/plugin-go-scorecard-common';
import { helpText } from './args';
import { runCli } from './scan';

/** A service whose Makefile runs `go get` 10,000 times: 10,000 go-get-install findings. */
let dir: string;

beforeAll(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'gss-cap-')), 'tools');
  mkdirSync(dir);
  writeFileSync(join(dir, 'go.mod'), 'module example.com/tools\n\ngo 1.22\n');
  const lines = Array.from(
    { length: 10_000 },
    (_, i) => `\tgo get github.com/x/cmd/tool${i + 1}`,
  );
  writeFileSync(join(dir, 'Makefile'), ['tools:', ...lines, ''].join('\n'));
});
afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

describe('--max-findings', () => {
  it('text: the first 10 findings of a check by default, then how many more and how to see all', async () => {
    const run = await runCli([dir]);
    expect(run.code).toBe(1);
    const out = run.stdout;
    expect(out).toMatch(
      /\n {2}✗ Tools installed with go install: 10,000 findings {2}\[go-get-install\]\n/,
    );
    expect(out).toContain('      Makefile:11  ');
    expect(out).not.toContain('      Makefile:12  ');
    expect(out).toContain(
      '\n      … and 9,990 more findings; --max-findings 0 prints all\n',
    );
    // Uncapped this was 2.3 MB.
    const bytes = Buffer.byteLength(out);
    expect(bytes).toBeLessThan(16 * 1024);
    // eslint-disable-next-line no-console
    console.log(`text output with a 10,000-line Makefile: ${bytes} bytes`);

    const hundred = (await runCli([dir, '--max-findings', '100'])).stdout;
    expect(hundred).toContain('      Makefile:101  ');
    expect(hundred).not.toContain('      Makefile:102  ');
    expect(hundred).toContain('… and 9,900 more findings;');

    const five = (await runCli([dir, '--max-findings', '5'])).stdout;
    expect(five).toContain('      Makefile:6  ');
    expect(five).not.toContain('      Makefile:7  ');
    expect(five).toContain('… and 9,995 more findings;');

    const all = (await runCli([dir, '--max-findings=0'])).stdout;
    expect(all).toContain('      Makefile:10001  ');
    expect(all).not.toContain('more finding');
  });

  it('text: one more finding is "1 more finding"', async () => {
    const out = (await runCli([dir, '--max-findings', '9999'])).stdout;
    expect(out).toContain(
      '\n      … and 1 more finding; --max-findings 0 prints all\n',
    );
  });

  it('json: capped findings and every check with its totalFindings', async () => {
    const run = await runCli([dir, '--format', 'json']);
    const report: ScanReport = JSON.parse(run.stdout);
    const check = report.checks.find(c => c.id === 'go-get-install')!;
    expect(check).toMatchObject({ status: 'fail', totalFindings: 10_000 });
    expect(check.findings).toHaveLength(100);
    expect(check.findings[99]).toMatchObject({ path: 'Makefile', line: 101 });
    for (const c of report.checks)
      expect(c.totalFindings).toBe(
        c.id === 'go-get-install' ? 10_000 : c.findings.length,
      );
    expect(run.code).toBe(1);

    const all: ScanReport = JSON.parse(
      (await runCli([dir, '--format', 'json', '--max-findings', '0'])).stdout,
    );
    expect(
      all.checks.find(c => c.id === 'go-get-install')!.findings,
    ).toHaveLength(10_000);
  });

  it('sarif: every finding, whatever the cap', async () => {
    for (const argv of [[], ['--max-findings', '3']]) {
      const sarif = JSON.parse(
        (await runCli([dir, '--format', 'sarif', ...argv])).stdout,
      );
      const results = sarif.runs[0].results.filter(
        (r: { ruleId: string }) => r.ruleId === 'go-get-install',
      );
      expect(results).toHaveLength(10_000);
    }
  });

  it('is documented in --help and rejects what is not a whole number', async () => {
    expect(helpText).toMatch(
      /--max-findings N .*default: 10 in text, 100 in json; 0 = all/s,
    );
    for (const bad of ['-1', '2.5', 'ten', '']) {
      const run = await runCli([dir, `--max-findings=${bad}`]);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toContain(
        `--max-findings must be a whole number (0 = all), not "${bad}"`,
      );
    }
  });
});
