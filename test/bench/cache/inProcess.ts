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
import {
  Analyzer,
  CachedGoFile,
  DirectoryTree,
  GoFactsCache,
} from '@internal/plugin-go-scorecard-node';
import { withStatementAdded } from './change';

/** A cache whose entries live as JSON text in memory, counting the files it had to extract. */
class JsonMemoryCache implements GoFactsCache {
  readonly entries = new Map<string, string>();
  misses = 0;
  async get(key: string): Promise<CachedGoFile | undefined> {
    const json = this.entries.get(key);
    if (json === undefined) this.misses++;
    return json === undefined ? undefined : JSON.parse(json);
  }
  async set(key: string, entry: CachedGoFile): Promise<void> {
    this.entries.set(key, JSON.stringify(entry));
  }
}

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
      const cache = new JsonMemoryCache();
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
        cache.misses = 0;
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
