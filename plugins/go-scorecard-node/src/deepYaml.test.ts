import { ScanReport } from '@internal/plugin-go-scorecard-common';
import { Analyzer } from './analyze';
import { deepYaml } from './__testUtils__/deepYaml';
import { MemoryTree } from './tree/MemoryTree';

/**
 * YAML nested deeper than the limit is refused before it is parsed, and the file is then
 * what any unparsable file of its kind is: a CI file an input failure of the lesson-1 checks,
 * a workload manifest one of the k8s checks, any other YAML file a note.
 */
const check = (report: ScanReport, id: string) =>
  report.checks.find(c => c.id === id)!;
const notesFor = (report: ScanReport, path: string) =>
  (report.notes ?? []).filter(n => n.path === path).map(n => n.message);

const DEPLOYMENT_HEAD = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: api',
  'spec:',
].join('\n');

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await Analyzer.create();
});

describe('deeply nested YAML', () => {
  it('makes a CI file an input failure: the lesson-1 checks report error naming it', async () => {
    const report = await analyzer.analyze(
      new MemoryTree({
        '.github/workflows/ci.yml': deepYaml.blockMapping(1000),
        'main.go': 'package main\n\nfunc main() {}\n',
      }),
      'repo',
    );
    expect(notesFor(report, '.github/workflows/ci.yml')).toEqual([
      'not analyzed: YAML nested deeper than 256 levels at line 257',
    ]);
    for (const id of ['go-get-install', 'go-install-unpinned'])
      expect(check(report, id)).toMatchObject({
        status: 'error',
        findings: [],
        message:
          'could not analyze .github/workflows/ci.yml (YAML nested deeper than 256 levels at line 257)',
      });
  });

  it('makes a workload manifest an input failure: the k8s checks report error naming it', async () => {
    const report = await analyzer.analyze(
      new MemoryTree({
        'deploy/api.yaml': `${DEPLOYMENT_HEAD}\n  x: ${deepYaml.flowSequence(
          20_000,
        )}`,
      }),
      'repo',
    );
    const refused = 'YAML nested deeper than 256 levels at line 6; not read';
    expect(notesFor(report, 'deploy/api.yaml')).toEqual([refused]);
    for (const id of ['k8s-prestop', 'k8s-grace-period'])
      expect(check(report, id)).toMatchObject({
        status: 'error',
        message: `could not analyze deploy/api.yaml (${refused})`,
      });
  });

  it('notes any other refused YAML or JSON file and reads the rest', async () => {
    const report = await analyzer.analyze(
      new MemoryTree({
        'deploy/flow.yaml': deepYaml.flowMapping(20_000),
        'deploy/block.yaml': deepYaml.blockSequence(1000),
        'config/app.json': `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}\n`,
        'chart/Chart.yaml': 'name: chart\n',
        'chart/values.yaml': deepYaml.flowSequence(20_000),
        'deploy/ok.yaml': `${DEPLOYMENT_HEAD}\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api\n          ports: [{containerPort: 8080}]\n`,
      }),
      'repo',
    );
    expect(notesFor(report, 'deploy/flow.yaml')).toEqual([
      'YAML nested deeper than 256 levels at line 1; not read',
    ]);
    expect(notesFor(report, 'deploy/block.yaml')).toEqual([
      'YAML nested deeper than 256 levels at line 257; not read',
    ]);
    expect(notesFor(report, 'config/app.json')).toEqual([
      'not analyzed: JSON nested deeper than 256 levels at line 1',
    ]);
    expect(notesFor(report, 'chart/values.yaml')).toEqual([
      'YAML nested deeper than 256 levels at line 1; not read',
      'not read: YAML nested deeper than 256 levels at line 1',
    ]);
    // Not workloads: no input failure; the readable Deployment is judged.
    expect(check(report, 'k8s-prestop')).toMatchObject({
      status: 'warn',
      findings: [{ path: 'deploy/ok.yaml', line: 9 }],
    });
    expect(check(report, 'k8s-prestop').message).toBeUndefined();
  });

  it('still reads a large normal file', async () => {
    const steps = Array.from(
      { length: 5000 },
      (_, i) =>
        `      - name: step ${i} [${i}]\n        run: |\n          echo "{[" && test -f 'x' # ${'['.repeat(
          20,
        )}\n        with: {args: [a, [b, {c: d}]]}\n`,
    ).join('');
    const workflow = `on: [push]\njobs:\n  build:\n    steps:\n${steps}      - run: go get -u example.com/cmd/tool\n`;
    expect(workflow.length).toBeGreaterThan(500_000);
    const report = await analyzer.analyze(
      new MemoryTree({ '.github/workflows/ci.yml': workflow }),
      'repo',
    );
    expect(report.notes).toBeUndefined();
    expect(check(report, 'go-get-install')).toMatchObject({
      status: 'fail',
      findings: [
        {
          path: '.github/workflows/ci.yml',
          line: workflow.split('\n').length - 1,
        },
      ],
    });
  });
});
