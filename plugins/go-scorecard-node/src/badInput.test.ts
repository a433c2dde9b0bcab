import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanReport } from '@internal/plugin-go-scorecard-common';
import { Analyzer } from './analyze';
import { DirectoryTree } from './tree/DirectoryTree';
import { MemoryTree } from './tree/MemoryTree';

/** Bad input never crashes a scan: the file becomes a note, and the checks that needed it say so. */
const status = (report: ScanReport, id: string) =>
  report.checks.find(c => c.id === id)!;
const noteFor = (report: ScanReport, path: string) =>
  report.notes?.find(n => n.path === path)?.message;

const goodMain = `package main

import "context"

func main() {
	ctx, _ := context.WithCancel(context.Background())
	_ = ctx
}
`;

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await Analyzer.create({ maxFileBytes: 64 * 1024 });
});

describe('bad input', () => {
  it('skips binary, non-UTF-8, empty and oversized files with a note, and scans the rest', async () => {
    const report = await analyzer.analyze(
      new MemoryTree({
        'main.go': goodMain,
        'blob.go': Buffer.from([0x70, 0x61, 0x00, 0xff, 0x01]),
        'latin1.go': Buffer.from('package main\n// caf\xe9\n', 'latin1'),
        'empty.go': '',
        'huge.go': `package main\n${'// padding\n'.repeat(10_000)}`,
      }),
      'repo',
    );
    expect(noteFor(report, 'blob.go')).toBe('skipped: binary file');
    expect(noteFor(report, 'latin1.go')).toBe('skipped: not valid UTF-8');
    expect(noteFor(report, 'empty.go')).toBe('skipped: empty file');
    expect(noteFor(report, 'huge.go')).toMatch(
      /^skipped: \d+ bytes is over the 65536-byte limit$/,
    );
    expect(status(report, 'context-cancel-discarded')).toMatchObject({
      status: 'fail',
      findings: [{ path: 'main.go', line: 6 }],
    });
    expect(report.checks).toHaveLength(18);
  });

  it('reports error, naming the file, for checks that need a go.mod that does not parse', async () => {
    const report = await analyzer.analyze(
      new MemoryTree({
        'go.mod': 'module example.com/x\n\nrequire (\n\tgithub.com/a/b\n',
        'main.go': goodMain,
      }),
      'repo',
    );
    const conflict = status(report, 'protobuf-bad-replace');
    expect(conflict.status).toBe('error');
    expect(conflict.message).toContain('go.mod');
    expect(noteFor(report, 'go.mod')).toMatch(/^not analyzed: go\.mod:\d+/);
    expect(status(report, 'context-cancel-discarded').status).toBe('fail');
    expect(status(report, 'k8s-prestop').status).toBe('not_applicable');
  });

  it('survives malformed, deeply nested and alias-bomb YAML, and Go with syntax errors', async () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from({ length: 9 }, (_, i) => {
        const prev = String.fromCharCode(97 + i);
        const name = String.fromCharCode(98 + i);
        return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
      }),
    ].join('\n');
    const started = Date.now();
    const report = await analyzer.analyze(
      new MemoryTree({
        'deploy/broken.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nspec: [unclosed\n',
        'deploy/nested.yaml': `${'['.repeat(5000)}${']'.repeat(5000)}\n`,
        'deploy/bomb.yaml': `${bomb}\n`,
        '.github/workflows/ci.yml':
          'jobs: {build: {steps: [{run: "go get -u example.com/cmd/tool"}]}\n',
        'broken.go':
          'package main\n\nfunc main() {\n\tctx, _ := context.WithTimeout(\n',
      }),
      'repo',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report.checks).toHaveLength(18);
    expect(report.notes?.map(n => n.path)).toEqual(
      expect.arrayContaining([
        'deploy/broken.yaml',
        'deploy/bomb.yaml',
        '.github/workflows/ci.yml',
      ]),
    );
    expect(noteFor(report, 'broken.go')).toBe(
      'syntax error at line 3; analyzed what parsed',
    );
    expect(status(report, 'go-get-install').status).toBe('error');
    expect(status(report, 'go-get-install').message).toContain(
      '.github/workflows/ci.yml',
    );
  });

  it('never follows a symlink out of the scanned folder', async () => {
    const outside = await fs.mkdtemp(join(tmpdir(), 'gss-outside-'));
    const root = await fs.mkdtemp(join(tmpdir(), 'gss-root-'));
    await fs.writeFile(join(outside, 'secret.go'), goodMain);
    await fs.writeFile(join(root, 'inside.go'), goodMain);
    await fs.symlink(join(outside, 'secret.go'), join(root, 'escape.go'));
    await fs.symlink(join(root, 'inside.go'), join(root, 'alias.go'));
    await fs.symlink(outside, join(root, 'linked-dir'));

    const report = await analyzer.analyze(await DirectoryTree.open(root), root);
    expect(noteFor(report, 'escape.go')).toBe(
      'symlink points outside the scanned folder; not followed',
    );
    expect(noteFor(report, 'linked-dir')).toBe(
      'symlink points outside the scanned folder; not followed',
    );
    expect(
      status(report, 'context-cancel-discarded').findings.map(f => f.path),
    ).toEqual(['alias.go', 'inside.go']);
  });
});
