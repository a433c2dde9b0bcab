/**
 * yarn bench:cache — re-analysis of a repository with one changed file (issue 13, target 3).
 *
 * Generates one service of 1,000 Go files (~8 MB), then measures a cold scan with an empty
 * facts cache against a scan after a change to one function body of one file, two ways,
 * BENCH_RUNS times each (default 3):
 * - the CLI: each scan in a fresh process with a worker per core and the facts cache folder;
 * - a long-lived process, as the backend runs: one analyzer for every scan, with a worker per
 *   core and a cache that hands entries back as JSON, as Backstage's cache stores do.
 * Prints the time of each (the fastest), the ratio (target: at least 10x), what the warm scan
 * extracted, and whether its report equals an uncached scan of the changed tree.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../analyzer/corpus';
import { withStatementAdded } from './change';

const runs = Number(process.env.BENCH_RUNS ?? 3);

interface Pass {
  ms: number;
  goFiles: number;
  extracted: number;
  report: string;
}

function pass(dir: string, cacheDir: string | undefined): Pass {
  const out = execFileSync(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      join(__dirname, 'worker.ts'),
      dir,
      cacheDir ?? '',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

function main() {
  const root = mkdtempSync(join(tmpdir(), 'go-scorecard-cache-bench-'));
  try {
    const corpus = generateCorpus(root, 1, 8_000_000, {
      min: 4096,
      spread: 8192,
    });
    const [dir] = corpus.services;
    const changed = join(dir, 'internal', 'pkg1', 'file5.go');
    const original = readFileSync(changed, 'utf8');
    console.log(
      `one service: ${corpus.files} files, ${(corpus.goBytes / 1e6).toFixed(
        1,
      )} MB of Go; ${availableParallelism()} workers; the change: a statement added to a function body of ${changed.slice(
        dir.length + 1,
      )}`,
    );
    const cold: Pass[] = [];
    const warm: Pass[] = [];
    let identical = true;
    for (let i = 0; i < runs; i++) {
      writeFileSync(changed, original);
      const cache = mkdtempSync(join(tmpdir(), 'facts-cache-'));
      try {
        cold.push(pass(dir, cache));
        writeFileSync(changed, withStatementAdded(original, `run ${i}`));
        warm.push(pass(dir, cache));
        identical &&= warm[i].report === pass(dir, undefined).report;
      } finally {
        rmSync(cache, { recursive: true, force: true });
      }
    }
    const fastest = (all: Pass[]) =>
      all.reduce((a, b) => (b.ms < a.ms ? b : a));
    const c = fastest(cold);
    const w = fastest(warm);
    console.log('The CLI (each scan a fresh process, the cache folder):');
    console.log(
      `cold (empty cache):      ${(c.ms / 1000).toFixed(2)} s, ${
        c.extracted
      } of ${c.goFiles} Go files extracted`,
    );
    console.log(
      `one file changed (warm): ${(w.ms / 1000).toFixed(2)} s, ${
        w.extracted
      } of ${w.goFiles} Go files extracted`,
    );
    console.log(
      `cold / warm: ${(c.ms / w.ms).toFixed(
        1,
      )}x, fastest of ${runs} (target >= 10x); ` +
        `warm report equals an uncached scan of the changed tree: ${
          identical ? 'yes' : 'NO'
        }`,
    );
    writeFileSync(changed, original);
    const long: {
      cold: number[];
      warm: number[];
      extracted: number[];
      identical: boolean;
    } = JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--require',
          require.resolve('@backstage/cli/config/nodeTransform.cjs'),
          join(__dirname, 'inProcess.ts'),
          dir,
          changed,
          String(runs),
        ],
        { encoding: 'utf8', maxBuffer: 1 << 28 },
      )
        .trim()
        .split('\n')
        .pop()!,
    );
    const lc = Math.min(...long.cold);
    const lw = Math.min(...long.warm);
    console.log(
      'A long-lived process (the backend: one analyzer, a cache of JSON entries):',
    );
    console.log(
      `cold (empty cache):      ${(lc / 1000).toFixed(2)} s (runs: ${long.cold
        .map(ms => (ms / 1000).toFixed(2))
        .join(', ')} s)`,
    );
    console.log(
      `one file changed (warm): ${(lw / 1000).toFixed(2)} s (runs: ${long.warm
        .map(ms => (ms / 1000).toFixed(2))
        .join(', ')} s), ${Math.max(...long.extracted)} Go file(s) extracted`,
    );
    console.log(
      `cold / warm: ${(lc / lw).toFixed(
        1,
      )}x, fastest of ${runs} (target >= 10x); warm report equals an uncached scan of the changed tree: ${
        long.identical ? 'yes' : 'NO'
      }`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main();
