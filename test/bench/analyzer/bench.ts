/**
 * yarn bench:analyzer — the analyzer's speed and memory on a deterministic corpus.
 *
 * Generates 40 services of ~512 KiB of Go each (20+ MiB of Go, plus go.mod/go.sum,
 * manifests, workflows, Makefiles), then, each pass in a fresh process:
 *   - the floor: parse-only over the whole corpus (read + tree-sitter + YAML parse);
 *   - the full analysis over the same files;
 *   - the full analysis over 1/4 and 1/2 of the corpus, to show peak memory stays flat.
 * The floor and the full analysis run in turn, BENCH_RUNS pairs (default 5): the ratio is the
 * median of the pairs' ratios, so a machine whose speed drifts during the run moves both
 * sides of a pair alike. Prints files/s and MB/s (the fastest pass of each), peak RSS, the
 * analysis/parse ratio (target: at most 1.5x) with its spread, and the link step's own time
 * and share (linking the program and running the checks).
 *
 * Then the worker threads (issue 13): the full analysis as the backend runs it (4 scans at
 * once, its default schedule.concurrency) on the main thread alone and with a worker thread
 * per core, in turn BENCH_RUNS times, and once with a single worker thread; prints MB/s of
 * each (the fastest pass), the speed-up (median of the pairs; target: at least 1.8x on 2
 * cores) and peak RSS as the corpus grows with every core. Last, where `taskset` exists, the
 * same analysis with 1 worker confined to one CPU against every core free, in turn: how the
 * analyzer scales from 1 core to all of them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from './corpus';

interface Pass {
  mode: string;
  services: number;
  ms: number;
  maxRssMiB: number;
  files?: number;
  bytes?: number;
  findings?: number;
  linkMs?: number;
}

const runs = Number(process.env.BENCH_RUNS ?? 5);

/**
 * The `taskset` that confines a process to one CPU (its threads, V8's own among them, share
 * that core), when the machine has one (util-linux, Linux only).
 */
function findTaskset(): string | undefined {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return 'taskset';
  } catch {
    return undefined;
  }
}

function pass(
  mode: 'parse' | 'analyze',
  dirs: string[],
  env: Record<string, string> = {},
  oneCore?: string,
): Pass {
  const args = [
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    join(__dirname, 'worker.ts'),
    mode,
    ...dirs,
  ];
  const out = execFileSync(
    oneCore ?? process.execPath,
    oneCore ? ['-c', '0', process.execPath, ...args] : args,
    { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, ...env } },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

const fastest = (all: Pass[]) => all.reduce((a, b) => (b.ms < a.ms ? b : a));

/** `runs` pairs of a floor pass and a full pass, in turn. */
function pairs(dirs: string[]): { floor: Pass; full: Pass }[] {
  return Array.from({ length: runs }, () => ({
    floor: pass('parse', dirs),
    full: pass('analyze', dirs),
  }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function main() {
  const root = mkdtempSync(join(tmpdir(), 'go-scorecard-bench-'));
  try {
    const corpus = generateCorpus(root, 40, 512 * 1024);
    const mb = (corpus.goBytes + corpus.otherBytes) / 1e6;
    console.log(
      `corpus: ${corpus.services.length} services, ${corpus.files} files, ` +
        `${(corpus.goBytes / 1e6).toFixed(1)} MB Go + ${(
          corpus.otherBytes / 1e6
        ).toFixed(2)} MB other`,
    );

    const measured = pairs(corpus.services);
    const floor = fastest(measured.map(p => p.floor));
    const full = fastest(measured.map(p => p.full));
    const ratios = measured.map(p => p.full.ms / p.floor.ms);
    const line = (label: string, p: Pass) =>
      console.log(
        `${label.padEnd(22)} ${(p.ms / 1000).toFixed(2).padStart(6)} s  ` +
          `${(corpus.files / (p.ms / 1000)).toFixed(0).padStart(6)} files/s  ` +
          `${(mb / (p.ms / 1000))
            .toFixed(2)
            .padStart(6)} MB/s  peak RSS ${p.maxRssMiB.toFixed(0)} MiB`,
      );
    line('parse only (floor)', floor);
    line('full analysis', full);
    console.log(
      `analysis / parse ratio: ${median(ratios).toFixed(
        2,
      )}x, median of ${runs} pairs (min ${Math.min(...ratios).toFixed(
        2,
      )}x, max ${Math.max(...ratios).toFixed(2)}x; target <= 1.5x); findings: ${
        full.findings
      }`,
    );
    console.log(
      `link step (program linking, value flow, reachability, checks): ${(
        full.linkMs! / 1000
      ).toFixed(2)} s, ` +
        `${((100 * full.linkMs!) / full.ms).toFixed(1)}% of the full analysis`,
    );

    console.log('peak RSS of the full analysis as the corpus grows:');
    for (const n of [10, 20, 40]) {
      const p = pass('analyze', corpus.services.slice(0, n));
      console.log(
        `  ${String(n).padStart(2)} services (~${((mb * n) / 40).toFixed(
          1,
        )} MB): peak RSS ${p.maxRssMiB.toFixed(0)} MiB`,
      );
    }

    const cores = availableParallelism();
    const backendLike = (workers: number) => ({
      BENCH_WORKERS: String(workers),
      BENCH_CONCURRENCY: '4',
    });
    // The single-threaded analyzer (workers 0) against one worker per core, in turn; one
    // worker thread once, to show what moving the parse off the main thread alone gives.
    const threadPairs = Array.from({ length: runs }, () => ({
      one: pass('analyze', corpus.services, backendLike(0)),
      all: pass('analyze', corpus.services, backendLike(cores)),
    }));
    const single = pass('analyze', corpus.services, backendLike(1));
    const one = fastest(threadPairs.map(p => p.one));
    const all = fastest(threadPairs.map(p => p.all));
    const speedups = threadPairs.map(p => p.one.ms / p.all.ms);
    console.log(
      `worker threads (${cores} cores available, ${
        cpus()[0]?.model ?? 'unknown CPU'
      }; 4 scans at once, as the backend):`,
    );
    line(`  main thread only`, one);
    line(`  1 worker thread`, single);
    line(`  ${cores} worker threads`, all);
    const same = new Set([one, single, all].map(p => p.findings)).size === 1;
    console.log(
      `  speed-up of ${cores} workers over the main thread only: ${median(
        speedups,
      ).toFixed(2)}x, median of ${runs} pairs (min ${Math.min(
        ...speedups,
      ).toFixed(2)}x, max ${Math.max(...speedups).toFixed(
        2,
      )}x; target >= 1.8x on 2 cores); over 1 worker thread: ${(
        single.ms / all.ms
      ).toFixed(2)}x; findings: ${all.findings}${
        same ? ' in all three' : ' (DIFFERENT between them)'
      }`,
    );
    // Scaling with cores: the same analysis confined to one CPU (taskset -c 0), where the main
    // thread, the worker and V8's own threads share one core, against all of them free.
    const taskset = findTaskset();
    if (taskset) {
      const corePairs = Array.from({ length: runs }, () => ({
        one: pass('analyze', corpus.services, backendLike(1), taskset),
        all: pass('analyze', corpus.services, backendLike(cores)),
      }));
      const onOne = fastest(corePairs.map(p => p.one));
      const ratios = corePairs.map(p => p.one.ms / p.all.ms);
      line(`  1 worker thread, confined to 1 core (taskset -c 0)`, onOne);
      console.log(
        `  speed-up of ${cores} cores over 1 core: ${median(ratios).toFixed(
          2,
        )}x, median of ${runs} pairs (min ${Math.min(...ratios).toFixed(
          2,
        )}x, max ${Math.max(...ratios).toFixed(2)}x); findings: ${
          onOne.findings === all.findings ? 'the same' : 'DIFFERENT'
        }`,
      );
    } else {
      console.log('  1 core: no taskset on this machine, not measured');
    }
    console.log(`peak RSS with ${cores} workers as the corpus grows:`);
    for (const n of [10, 20, 40]) {
      const p = pass(
        'analyze',
        corpus.services.slice(0, n),
        backendLike(cores),
      );
      console.log(
        `  ${String(n).padStart(2)} services (~${((mb * n) / 40).toFixed(
          1,
        )} MB): peak RSS ${p.maxRssMiB.toFixed(0)} MiB`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main();
