import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

  describe('with waivers in .go-scorecard.yaml', () => {
    /** A service whose only failing check is k8s-grace-period (a warning): preStop 40 s > 30 s. */
    function waivedService(policyFile: string): string {
      const dir = mkdtempSync(join(tmpdir(), 'gss-waived-'));
      writeFileSync(join(dir, 'go.mod'), 'module example.com/api\n\ngo 1.22\n');
      writeFileSync(join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
      mkdirSync(join(dir, 'deploy'));
      writeFileSync(
        join(dir, 'deploy', 'api.yaml'),
        [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: api',
          'spec:',
          '  template:',
          '    spec:',
          '      dnsConfig:',
          '        options:',
          "          - { name: ndots, value: '1' }",
          '      containers:',
          '        - name: api',
          '          image: x',
          '          lifecycle:',
          '            preStop:',
          "              exec: { command: ['sleep', '40'] }",
          '',
        ].join('\n'),
      );
      writeFileSync(join(dir, '.go-scorecard.yaml'), policyFile);
      return dir;
    }
    const waivers = [
      'waivers:',
      '  - check: k8s-grace-period',
      '    path: deploy/api.yaml',
      '    reason: drains in 5 s, measured',
      '    expires: 2027-03-31',
      '  - check: k8s-prestop',
      '    path: deploy/old',
      '    reason: gone',
      '    expires: 2027-03-31',
      '',
    ].join('\n');
    const asOf = ['--as-of', '2027-01-15'];
    const waiver = {
      reason: 'drains in 5 s, measured',
      expires: '2027-03-31',
      source: '.go-scorecard.yaml:2',
    };

    it('JSON keeps the waived finding with its waiver; the check passes and says so', async () => {
      const dir = waivedService(waivers);
      const run = await runCli([dir, '--format', 'json', ...asOf]);
      const report: ScanReport = JSON.parse(run.stdout);
      const grace = report.checks.find(c => c.id === 'k8s-grace-period')!;
      expect(grace).toMatchObject({
        status: 'pass',
        totalFindings: 1,
        waivedFindings: 1,
      });
      expect(grace.findings).toEqual([
        expect.objectContaining({ path: 'deploy/api.yaml', line: 2, waiver }),
      ]);
      expect(report.notes).toEqual([
        {
          path: '.go-scorecard.yaml',
          message:
            'line 6: stale waiver: k8s-prestop has no finding under deploy/old to waive; remove the waiver',
        },
      ]);
    });

    it('--fail-on ignores waived findings, until the waiver expires or the org policy rejects it', async () => {
      const dir = waivedService(waivers);
      const bare = waivedService('');
      const failOn = ['--format', 'json', '--fail-on', 'warning'];
      expect((await runCli([bare, ...failOn, ...asOf])).code).toBe(1);
      expect((await runCli([dir, ...failOn, ...asOf])).code).toBe(0);
      // The waiver holds through its last day, and not a day more.
      expect(
        (await runCli([dir, ...failOn, '--as-of', '2027-03-31'])).code,
      ).toBe(0);
      const expired = await runCli([dir, ...failOn, '--as-of', '2027-04-01']);
      expect(expired.code).toBe(1);
      expect(JSON.parse(expired.stdout).notes).toContainEqual({
        path: '.go-scorecard.yaml',
        message:
          'line 2: waiver for k8s-grace-period expired on 2027-03-31; its findings count again',
      });
      // Its findings count again, and still say why they had been waived.
      const lapsed = JSON.parse(expired.stdout).checks.find(
        (c: { id: string }) => c.id === 'k8s-grace-period',
      );
      expect(lapsed.findings[0].waiver).toBeUndefined();
      expect(lapsed.findings[0].expiredWaiver).toMatchObject({
        expires: '2027-03-31',
        source: '.go-scorecard.yaml:2',
      });
      const text = await runCli([dir, '--as-of', '2027-04-01']);
      expect(text.stdout).toContain(
        '\n          waiver expired 2027-03-31, counts again: drains in 5 s, measured (.go-scorecard.yaml:2)\n',
      );
      // An org policy of 30 days at most: a waiver 75 days ahead does not apply.
      const policy = join(mkdtempSync(join(tmpdir(), 'gss-org-')), 'org.yaml');
      writeFileSync(policy, 'maxWaiverDays: 30\n');
      const bounded = await runCli([
        dir,
        ...failOn,
        ...asOf,
        '--policy',
        policy,
      ]);
      expect(bounded.code).toBe(1);
      expect(JSON.parse(bounded.stdout).notes[0].message).toMatch(
        /^line 2: waiver for k8s-grace-period expires 2027-03-31, 75 days ahead; the org policy allows at most 30 /,
      );
    });

    it('exits 2 with one line for a --policy file that is not a policy, before scanning', async () => {
      const base = mkdtempSync(join(tmpdir(), 'gss-org-'));
      writeFileSync(join(base, 'org.yaml'), 'maxWaiverDays: soon\n');
      expect(
        await runCli([golden, '--policy', 'org.yaml'], { INIT_CWD: base }),
      ).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'go-scorecard: --policy org.yaml: maxWaiverDays: expected a whole number of days from 1, got "soon"\n',
      });
    });

    it('SARIF carries a waived finding as a result with an inSource suppression at the waiver, valid against 2.1.0', async () => {
      const dir = waivedService(waivers);
      const sarif = JSON.parse(
        (await runCli([dir, '--format', 'sarif', ...asOf])).stdout,
      );
      expect(sarif).toBeValidSarifLog();
      const [theRun] = sarif.runs;
      const waived = theRun.results.filter(
        (r: { ruleId: string }) => r.ruleId === 'k8s-grace-period',
      );
      expect(waived).toHaveLength(1);
      expect(waived[0].suppressions).toEqual([
        {
          kind: 'inSource',
          justification: 'drains in 5 s, measured',
          location: {
            physicalLocation: {
              artifactLocation: {
                uri: '.go-scorecard.yaml',
                uriBaseId: 'SRCROOT',
              },
              region: { startLine: 2 },
            },
          },
          properties: { expires: '2027-03-31' },
        },
      ]);
      expect(
        theRun.results.filter((r: object) => 'suppressions' in r),
      ).toHaveLength(1);
      // The schema does check suppressions: a kind it does not know is invalid.
      waived[0].suppressions[0].kind = 'inCode';
      expect(sarif).not.toBeValidSarifLog();
      waived[0].suppressions[0].kind = 'inSource';
      // The policy's notes are notifications at their line of .go-scorecard.yaml.
      expect(theRun.invocations[0].toolExecutionNotifications).toContainEqual({
        level: 'note',
        message: {
          text: 'line 6: stale waiver: k8s-prestop has no finding under deploy/old to waive; remove the waiver',
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: {
                uri: '.go-scorecard.yaml',
                uriBaseId: 'SRCROOT',
              },
              region: { startLine: 6 },
            },
          },
        ],
      });
    });

    it('text marks the waived finding and counts it on the check line', async () => {
      const run = await runCli([waivedService(waivers), ...asOf]);
      expect(run.stdout).toContain(
        ': 1 finding, 1 waived  [k8s-grace-period]\n',
      );
      expect(run.stdout).toContain(
        '\n          waived until 2027-03-31: drains in 5 s, measured (.go-scorecard.yaml:2)\n',
      );
      expect(run.stdout).toContain(
        '\nnote: .go-scorecard.yaml: line 6: stale waiver: k8s-prestop has no finding under deploy/old to waive; remove the waiver\n',
      );
    });
  });
});
