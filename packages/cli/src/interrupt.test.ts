import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '@internal/plugin-go-scorecard-node';
import { helpText } from './args';
import { interruptedRun } from './interrupt';
import { runCli } from './scan';

jest.setTimeout(180_000);

/**
 * A module of 2,000 Go files (about 9 MB): long enough a scan that a signal sent once the
 * first batch of facts is cached arrives with most of the work still to do.
 */
let dir: string;
let big: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gss-interrupt-'));
  big = join(dir, 'big');
  mkdirSync(join(big, 'pkg'), { recursive: true });
  writeFileSync(join(big, 'go.mod'), 'module example.com/big\n\ngo 1.22\n');
  const body = Array.from(
    { length: 40 },
    (_, k) =>
      `func f${k}(ctx context.Context) error {\n\tctx, cancel := context.WithTimeout(ctx, time.Second)\n\tdefer cancel()\n\tfmt.Println(ctx, ${k})\n\treturn nil\n}\n`,
  ).join('\n');
  for (let i = 0; i < 2000; i++)
    writeFileSync(
      join(big, 'pkg', `file${i}.go`),
      `package pkg\n\nimport (\n\t"context"\n\t"fmt"\n\t"time"\n)\n\n${body.replace(
        /func f/g,
        `func f${i}_`,
      )}`,
    );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The entries of a facts cache folder (in its two-hex-digit shards). */
const cached = (cache: string) =>
  existsSync(cache)
    ? readdirSync(cache)
        .filter(name => /^[0-9a-f]{2}$/.test(name))
        .flatMap(shard => readdirSync(join(cache, shard))).length
    : 0;

/** Resolves once the facts cache folder holds an entry: the scan is under way. */
async function scanUnderWay(cache: string): Promise<void> {
  while (!cached(cache)) await new Promise(r => setTimeout(r, 25));
}

describe('interruptedRun', () => {
  it('reports nothing, says so on stderr in one line, and exits 130 for SIGINT, 143 for SIGTERM', () => {
    const aborted = (reason: string) => AbortSignal.abort(reason);
    expect(interruptedRun(aborted('SIGINT'))).toEqual({
      stdout: '',
      stderr: 'go-scorecard: interrupted (SIGINT); nothing was reported\n',
      code: 130,
    });
    expect(interruptedRun(aborted('SIGTERM'))).toEqual({
      stdout: '',
      stderr: 'go-scorecard: interrupted (SIGTERM); nothing was reported\n',
      code: 143,
    });
    expect(helpText).toContain(
      '130 / 143 interrupted (SIGINT / SIGTERM), nothing reported',
    );
  });
});

describe('an interrupted run', () => {
  afterEach(() => jest.restoreAllMocks());

  it('stops the scan, ends its worker threads and reports nothing', async () => {
    // The module object itself (an `import * as` namespace would be a copy the pool never sees).
    const workerThreads: typeof import('node:worker_threads') = require('node:worker_threads');
    const workers: import('node:worker_threads').Worker[] = [];
    const exited = new Set<import('node:worker_threads').Worker>();
    const RealWorker = workerThreads.Worker;
    jest
      .spyOn(workerThreads, 'Worker')
      .mockImplementation(
        (...args: ConstructorParameters<typeof RealWorker>) => {
          const worker = new RealWorker(...args);
          workers.push(worker);
          worker.once('exit', () => exited.add(worker));
          return worker;
        },
      );
    const close = jest.spyOn(Analyzer.prototype, 'close');
    const analyze = jest.spyOn(Analyzer.prototype, 'analyze');

    const cache = join(dir, 'cache-in-process');
    const controller = new AbortController();
    const run = runCli(
      [big, '--workers', '2', '--cache-dir', cache, '--format', 'json'],
      {},
      false,
      controller.signal,
    );
    await scanUnderWay(cache);
    controller.abort('SIGINT');
    expect(await run).toEqual({
      stdout: '',
      stderr: 'go-scorecard: interrupted (SIGINT); nothing was reported\n',
      code: 130,
    });
    // The scan itself stopped (it did not run to the end and get thrown away) ...
    await expect(analyze.mock.results[0].value).rejects.toBeDefined();
    // ... and its worker threads are gone by the time the run returns.
    expect(close).toHaveBeenCalledTimes(1);
    expect(await close.mock.results[0].value).toBeUndefined();
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.filter(w => !exited.has(w))).toEqual([]);
    // Only part of the tree was cached: the scan stopped half-way.
    expect(cached(cache)).toBeLessThan(2000);
  });

  it('does not start a scan when already interrupted', async () => {
    const analyze = jest.spyOn(Analyzer.prototype, 'analyze');
    expect(
      await runCli([big], {}, false, AbortSignal.abort('SIGTERM')),
    ).toMatchObject({ stdout: '', code: 143 });
    expect(analyze).not.toHaveBeenCalled();
  });
});

describe('the go-scorecard process', () => {
  const bin = join(__dirname, '..', 'bin', 'go-scorecard');

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s mid-scan prints one line to stderr, nothing to stdout, and exits %d',
    async (signal, code) => {
      const cache = join(dir, `cache-${signal}`);
      const child = spawn(
        process.execPath,
        [bin, big, '--workers', '1', '--cache-dir', cache],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', d => {
        stdout += d;
      });
      child.stderr.on('data', d => {
        stderr += d;
      });
      const exit = new Promise<{ code: number | null; signal: string | null }>(
        resolve => child.on('exit', (c, s) => resolve({ code: c, signal: s })),
      );
      await scanUnderWay(cache);
      child.kill(signal);
      expect(await exit).toEqual({ code, signal: null });
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `go-scorecard: interrupted (${signal}); nothing was reported\n`,
      );
    },
  );

  it('exits at once on a second signal, still with one line', async () => {
    // A kill of the process group under `yarn scan` reaches the CLI twice: directly and
    // forwarded by yarn.
    const cache = join(dir, 'cache-twice');
    const child = spawn(
      process.execPath,
      [bin, big, '--workers', '1', '--cache-dir', cache],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => {
      stdout += d;
    });
    child.stderr.on('data', d => {
      stderr += d;
    });
    const exit = new Promise<{ code: number | null; signal: string | null }>(
      resolve => child.on('exit', (c, s) => resolve({ code: c, signal: s })),
    );
    await scanUnderWay(cache);
    child.kill('SIGTERM');
    await new Promise(r => setTimeout(r, 50));
    child.kill('SIGTERM');
    expect(await exit).toEqual({ code: 143, signal: null });
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'go-scorecard: interrupted (SIGTERM); nothing was reported\n',
    );
  });
});
