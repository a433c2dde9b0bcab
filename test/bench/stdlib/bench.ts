/**
 * yarn bench:stdlib — the analyzer on the Go standard library against `go vet` (issue 13).
 *
 * Needs a Go toolchain on PATH, for measuring only (the product and its tests never do):
 * `apt-get install golang-go`. Two comparisons, each scan without the facts cache (every file
 * parsed), BENCH_RUNS times (default 3) with a worker per core, the fastest kept; each `go vet`
 * once with a cold build cache (a fresh GOCACHE):
 *
 * 1. The same packages on both sides: the packages `go list std` names, less those under
 *    `vendor/` (the analyzer skips vendored code, design.md), copied to a temporary tree and
 *    scanned, against `go vet -lostcancel` of exactly those packages. This is the 10x target.
 * 2. All of `$(go env GOROOT)/src` (also the toolchain's commands under `cmd/`, which `std`
 *    leaves out), once more on the main thread alone, against `go vet -lostcancel std`: the
 *    first figure issue 13 quoted. The corpora differ, so its ratio flatters go vet.
 *
 * Prints each time, the ratios, and the targets: at most 10 s on 2 cores, at least 10x faster
 * than go vet.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';

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

/** Runs `go vet -lostcancel` on packages with a fresh build cache; its wall time in s. */
function coldVet(
  packages: string[],
  cwd: string,
): { s: number; status: number | null } {
  const cache = mkdtempSync(join(tmpdir(), 'gocache-'));
  try {
    const start = process.hrtime.bigint();
    const run = spawnSync('go', ['vet', '-lostcancel', ...packages], {
      cwd,
      env: {
        ...process.env,
        GOCACHE: cache,
        GOFLAGS: '',
        GOTOOLCHAIN: 'local',
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    if (run.error) throw run.error;
    return {
      s: Number(process.hrtime.bigint() - start) / 1e9,
      status: run.status,
    };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/**
 * The standard library's packages as `go list std` names them, less `vendor/` (which the
 * analyzer skips), copied with their files (not their subdirectories: those are packages of
 * their own) under a fresh directory, with src/go.mod. Returns the directory and the packages.
 */
function stdTree(src: string): { dir: string; packages: string[] } {
  const listed = execFileSync(
    'go',
    ['list', '-f', '{{.ImportPath}} {{.Dir}}', 'std'],
    { encoding: 'utf8', env: { ...process.env, GOFLAGS: '' } },
  )
    .trim()
    .split('\n')
    .map(line => line.split(' '))
    .filter(([path]) => !path.startsWith('vendor/'));
  const dir = mkdtempSync(join(tmpdir(), 'go-std-'));
  copyFileSync(join(src, 'go.mod'), join(dir, 'go.mod'));
  for (const [, pkgDir] of listed) {
    const target = join(dir, relative(src, pkgDir));
    mkdirSync(target, { recursive: true });
    for (const name of readdirSync(pkgDir)) {
      const path = join(pkgDir, name);
      if (statSync(path).isFile()) copyFileSync(path, join(target, name));
    }
  }
  return { dir, packages: listed.map(([path]) => path) };
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
  const cores = availableParallelism();
  console.log(
    `${version}; ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'})`,
  );
  const scan = (dir: string, workers: number) =>
    timed(process.execPath, [
      cli,
      dir,
      '--format',
      'json',
      '--fail-on',
      'never',
      '--no-cache',
      '--workers',
      String(workers),
    ]);
  const fastest = (dir: string) => {
    const all = Array.from({ length: runs }, () => scan(dir, cores).s).sort(
      (a, b) => a - b,
    );
    return { best: all[0], all: all.map(s => s.toFixed(1)).join(', ') };
  };

  // 1. The same packages on both sides.
  const std = stdTree(src);
  try {
    const { files, bytes } = goFiles(std.dir);
    console.log(
      `std (the ${
        std.packages.length
      } packages go list std names, vendor/ left out, as the analyzer leaves it): ${files} Go files, ${(
        bytes / 1e6
      ).toFixed(1)} MB`,
    );
    const ours = fastest(std.dir);
    console.log(
      `go-scorecard, ${cores} workers: ${ours.best.toFixed(
        1,
      )} s (fastest of ${runs}: ${ours.all} s)`,
    );
    const vet = coldVet(std.packages, src);
    console.log(
      `go vet -lostcancel on the same ${
        std.packages.length
      } packages, cold cache: ${vet.s.toFixed(1)} s (exit ${vet.status})`,
    );
    console.log(
      `go vet / go-scorecard, same packages: ${(vet.s / ours.best).toFixed(
        1,
      )}x (target >= 10x)`,
    );
  } finally {
    rmSync(std.dir, { recursive: true, force: true });
  }

  // 2. All of GOROOT/src (std and cmd) against go vet std, as issue 13 first measured.
  const { files, bytes } = goFiles(src);
  console.log(
    `${src} (std, cmd and their tests): ${files} Go files, ${(
      bytes / 1e6
    ).toFixed(1)} MB`,
  );
  const all = fastest(src);
  console.log(
    `go-scorecard, ${cores} workers: ${all.best.toFixed(
      1,
    )} s (fastest of ${runs}: ${all.all} s; target <= 10 s on 2 cores)`,
  );
  console.log(`go-scorecard, main thread only: ${scan(src, 0).s.toFixed(1)} s`);
  const vetStd = coldVet(['std'], src);
  console.log(
    `go vet -lostcancel std, cold cache: ${vetStd.s.toFixed(1)} s (exit ${
      vetStd.status
    })`,
  );
  console.log(
    `go vet std / go-scorecard of all of GOROOT/src (different corpora: cmd/ is scanned, not vetted): ${(
      vetStd.s / all.best
    ).toFixed(1)}x`,
  );
}

main();
