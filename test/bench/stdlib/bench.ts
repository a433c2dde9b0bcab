/**
 * yarn bench:stdlib — the analyzer on the Go standard library against `go vet` (issue 13).
 *
 * Needs a Go toolchain on PATH, for measuring only (the product and its tests never do):
 * `apt-get install golang-go`. Scans `$(go env GOROOT)/src` with the CLI, BENCH_RUNS times
 * (default 3) with a worker per core and once on the main thread alone, without the facts
 * cache (every file parsed), then runs `go vet -lostcancel std` once with a cold build cache
 * (a fresh GOCACHE). Prints each time, the ratio, and the targets: at most 10 s on 2 cores,
 * at least 10x faster than go vet.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const repo = join(__dirname, '..', '..', '..');
const cli = join(repo, 'packages', 'cli', 'bin', 'go-scorecard');

function goRoot(): string | undefined {
  try {
    return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** Go files (testdata left out, as go vet does) and their bytes. */
function goFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const info = statSync(path);
      if (info.isDirectory()) {
        if (name !== 'testdata') walk(path);
      } else if (name.endsWith('.go')) {
        files++;
        bytes += info.size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/** Runs a command, returns its wall time in s (stdout discarded); throws when it cannot run. */
function timed(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { s: number; status: number | null; stderr: string } {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (run.error) throw run.error;
  return {
    s: Number(process.hrtime.bigint() - start) / 1e9,
    status: run.status,
    stderr: run.stderr,
  };
}

function main() {
  const root = goRoot();
  if (!root) {
    console.log(
      'bench:stdlib needs a Go toolchain on PATH, for measuring only (apt-get install golang-go).',
    );
    process.exitCode = 1;
    return;
  }
  const version = execFileSync('go', ['version'], { encoding: 'utf8' }).trim();
  const src = join(root, 'src');
  const { files, bytes } = goFiles(src);
  const cores = availableParallelism();
  console.log(
    `${version}; ${src}: ${files} Go files, ${(bytes / 1e6).toFixed(1)} MB; ` +
      `${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'})`,
  );

  const scan = (workers: number) =>
    timed(process.execPath, [
      cli,
      src,
      '--format',
      'json',
      '--fail-on',
      'never',
      '--no-cache',
      '--workers',
      String(workers),
    ]);
  const all = Array.from({ length: runs }, () => scan(cores).s).sort(
    (a, b) => a - b,
  );
  const one = scan(0).s;
  const best = all[0];
  console.log(
    `go-scorecard, ${cores} workers: ${best.toFixed(
      1,
    )} s (fastest of ${runs}: ${all
      .map(s => s.toFixed(1))
      .join(', ')} s; target <= 10 s on 2 cores)`,
  );
  console.log(`go-scorecard, main thread only: ${one.toFixed(1)} s`);

  const cache = mkdtempSync(join(tmpdir(), 'gocache-'));
  try {
    const vet = timed('go', ['vet', '-lostcancel', 'std'], {
      ...process.env,
      GOCACHE: cache,
      GOFLAGS: '',
      GOTOOLCHAIN: 'local',
    });
    console.log(
      `go vet -lostcancel std, cold cache: ${vet.s.toFixed(1)} s (exit ${
        vet.status
      })`,
    );
    console.log(
      `go vet / go-scorecard: ${(vet.s / best).toFixed(1)}x (target >= 10x)`,
    );
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

main();
