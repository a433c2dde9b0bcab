/**
 * The re-scan as a long-lived process sees it (the backend: one analyzer for every scan, with
 * a worker per core, and a cache that hands entries back as JSON, as Backstage's cache stores
 * do): in one process, BENCH_RUNS times, a cold scan with an empty cache, a change to one
 * function body of `changed`, and the scan again; then the changed tree without a cache, to
 * compare the reports. Prints one JSON line: { cold: ms[], warm: ms[], extracted: n[],
 * identical }.
 *
 * Usage: inProcess.ts <service dir> <changed file> <runs>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Analyzer, DirectoryTree } from '@internal/plugin-go-scorecard-node';
// Keeps entries as JSON text, as Backstage's cache stores do, and counts the misses.
import { MemoryFactsCache } from '@internal/plugin-go-scorecard-node/src/__testUtils__/MemoryFactsCache';
import { withStatementAdded } from './change';

async function main() {
  const [dir, changed, runsArg] = process.argv.slice(2);
  const runs = Number(runsArg);
  const original = readFileSync(changed, 'utf8');
  const tree = await DirectoryTree.open(dir);
  const plain = await Analyzer.create({ workers: availableParallelism() });
  const cold: number[] = [];
  const warm: number[] = [];
  const extracted: number[] = [];
  let identical = true;
  const timed = async (analyzer: Analyzer) => {
    const start = performance.now();
    const report = await analyzer.analyze(tree, '.');
    return { ms: performance.now() - start, report: JSON.stringify(report) };
  };
  try {
    for (let i = 0; i < runs; i++) {
      writeFileSync(changed, original);
      const cache = new MemoryFactsCache();
      const analyzer = await Analyzer.create({
        workers: availableParallelism(),
        factsCache: cache,
        onCacheError: e => {
          throw e;
        },
      });
      try {
        cold.push((await timed(analyzer)).ms);
        writeFileSync(changed, withStatementAdded(original, `run ${i}`));
        cache.resetCounts();
        const rescan = await timed(analyzer);
        warm.push(rescan.ms);
        extracted.push(cache.misses);
        identical &&= rescan.report === (await timed(plain)).report;
      } finally {
        await analyzer.close();
      }
    }
  } finally {
    writeFileSync(changed, original);
    await plain.close();
  }
  process.stdout.write(
    `${JSON.stringify({ cold, warm, extracted, identical })}\n`,
  );
}

main().catch(e => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
