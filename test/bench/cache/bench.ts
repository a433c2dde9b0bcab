/**
 * yarn bench:cache — re-analysis of a repository with one changed file (issue 13, target 3).
 *
 * Generates one service of 1,000 Go files (~8 MB), then, each pass in a fresh process with a
 * worker per core: a cold scan with an empty facts cache folder, a change to one function body
 * of one file, and the scan again with the cache. BENCH_RUNS times (default 3). Prints the
 * analysis time of each (the fastest), the ratio (target: at least 10x), what the warm scan
 * extracted, and whether its report equals an uncached scan of the changed tree.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../analyzer/corpus';

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
        writeFileSync(
          changed,
          // Inside the first function's body: no declaration changes.
          original.replace(
            /\nfunc [^\n]*\{\n/,
            head => `${head}\t_ = ${JSON.stringify(`run ${i}`)}\n`,
          ),
        );
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
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main();
