import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '@microsoft/jest-sarif';
import {
  checks as catalog,
  ScanReport,
} from '@internal/plugin-go-scorecard-common';
import { runCli } from './scan';

const examples = join(__dirname, '..', '..', '..', 'examples', 'services');
const failing = join(examples, 'notification-service');
const golden = join(examples, 'checkout-service');

describe('go-scorecard', () => {
  it('prints help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Usage: go-scorecard DIR');
  });

  it('exits 2 for bad usage with one line and where the help is, not the whole help', async () => {
    const usage = await runCli(['--format', 'yaml', failing]);
    expect(usage).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'go-scorecard: --format must be one of text, json, sarif, not "yaml"\n' +
        "Run 'yarn scan --help' for usage.\n",
    });
    expect((await runCli([])).stderr).toBe(
      "go-scorecard: DIR is missing\nRun 'yarn scan --help' for usage.\n",
    );
  });

  it('exits 2 naming a missing or unreadable folder as typed and as resolved, without errno text', async () => {
    const base = mkdtempSync(join(tmpdir(), 'gss-'));
    const missing = await runCli(['checkout'], { INIT_CWD: base });
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: `go-scorecard: folder checkout not found (resolved to ${join(
        base,
        'checkout',
      )})\n`,
    });
    // Typed absolute, it is named once.
    expect((await runCli(['/nonexistent/repo'])).stderr).toBe(
      'go-scorecard: folder /nonexistent/repo not found\n',
    );

    writeFileSync(join(base, 'main.go'), 'package main\n');
    expect(await runCli(['main.go'], { INIT_CWD: base })).toEqual({
      code: 2,
      stdout: '',
      stderr: `go-scorecard: main.go is not a folder (resolved to ${join(
        base,
        'main.go',
      )})\n`,
    });
    expect((await runCli(['main.go/sub'], { INIT_CWD: base })).stderr).toMatch(
      /^go-scorecard: main\.go\/sub is not a folder \(resolved to .*\)\n$/,
    );

    for (const run of [
      missing,
      await runCli(['main.go/sub'], { INIT_CWD: base }),
    ])
      expect(run.stderr).not.toMatch(/ENOENT|EACCES|no such file|, open '/);
  });

  it('scans a folder relative to the shell folder that yarn keeps in INIT_CWD', async () => {
    // `cd examples/services && yarn scan checkout-service`: yarn runs the script in the
    // repository root but sets INIT_CWD to examples/services.
    const relative = await runCli(['checkout-service', '--format', 'json'], {
      INIT_CWD: examples,
    });
    const absolute = await runCli([golden, '--format', 'json']);
    expect(relative.code).toBe(0);
    const report: ScanReport = JSON.parse(relative.stdout);
    expect(report.root).toBe('checkout-service');
    expect({ ...report, root: golden }).toEqual(JSON.parse(absolute.stdout));

    // SARIF's SRCROOT is the folder scanned, not the folder yarn runs in.
    const sarif = JSON.parse(
      (
        await runCli(['checkout-service', '--format', 'sarif'], {
          INIT_CWD: examples,
        })
      ).stdout,
    );
    expect(sarif.runs[0].originalUriBaseIds.SRCROOT.uri).toBe(
      `file://${golden}/`,
    );
  });

  it('prints JSON per the contract: every check once, and nothing else on stdout', async () => {
    const run = await runCli([failing, '--format', 'json']);
    const report: ScanReport = JSON.parse(run.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.root).toBe(failing);
    expect(report.checks.map(c => c.id)).toEqual(catalog.map(c => c.id));
    for (const c of report.checks) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining([
          'id',
          'lesson',
          'severity',
          'status',
          'findings',
        ]),
      );
    }
    expect(run.code).toBe(1);
  });

  it('names on stderr the checks that could not analyze their input, without failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gss-'));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/api\n\ngo 1.22\n');
    writeFileSync(join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
    writeFileSync(
      join(dir, 'deploy.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: x\n         ports: []\n',
    );
    const run = await runCli([dir, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^go-scorecard: 2 checks could not analyze their input \(status error, not counted in the exit code\): k8s-prestop, k8s-grace-period\n$/,
    );
    expect((await runCli([golden, '--format', 'json'])).stderr).toBe('');
  });

  it('exits by --fail-on', async () => {
    expect((await runCli([golden, '--format', 'json'])).code).toBe(0);
    expect(
      (await runCli([golden, '--format', 'json', '--fail-on', 'warning'])).code,
    ).toBe(0);
    expect(
      (await runCli([failing, '--format', 'json', '--fail-on', 'never'])).code,
    ).toBe(0);
  });

  it('prints text grouped by lesson with file:line, fix links and a summary, no colour off a TTY', async () => {
    const run = await runCli([failing]);
    expect(run.stdout).toContain('Lesson 5: Graceful shutdown');
    expect(run.stdout).toContain(
      '\n  ✗ gRPC server stopped gracefully: 1 finding  [shutdown-grpc-stop]\n',
    );
    expect(run.stdout).toMatch(/cmd\/\S+\.go:\d+ {2}/);
    expect(run.stdout).toContain('lesson-5-shutdown.md#shutdown-grpc-stop');
    expect(run.stdout).toMatch(
      /^Score \d+% \(\d+\/\d+ applicable checks passed\): \d+ passed, \d+ failed/m,
    );
    expect(run.stdout).not.toContain('\u001b[');

    const linked = await runCli([
      failing,
      '--docs-url',
      'https://portal.example.com/',
    ]);
    expect(linked.stdout).toContain(
      'https://portal.example.com/go-scorecard/lessons/shutdown#shutdown-grpc-stop',
    );
    expect((await runCli([failing], {}, true)).stdout).toContain('\u001b[31m✗');
  });

  it('prints SARIF 2.1.0 that validates against the schema, one rule per check', async () => {
    const run = await runCli([failing, '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout);
    expect(sarif).toBeValidSarifLog();
    const [theRun] = sarif.runs;
    expect(theRun.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(
      catalog.map(c => c.id),
    );
    const json: ScanReport = JSON.parse(
      (await runCli([failing, '--format', 'json'])).stdout,
    );
    expect(theRun.results).toHaveLength(
      json.checks.reduce((n, c) => n + c.findings.length, 0),
    );
    expect(theRun.results[0]).toMatchObject({
      ruleId: expect.any(String),
      locations: [
        { physicalLocation: { region: { startLine: expect.any(Number) } } },
      ],
    });
  });
});
