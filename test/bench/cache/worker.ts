/**
 * One scan of a folder in its own process, with a worker per core and, when a folder is
 * given, the facts cache in it. Prints one JSON line: { ms, goFiles, extracted, report }.
 */
import { availableParallelism } from 'node:os';
import {
  Analyzer,
  DirectoryFactsCache,
  DirectoryTree,
  CachedGoFile,
  GoFactsCache,
} from '@internal/plugin-go-scorecard-node';

async function main() {
  const [dir, cacheDir] = process.argv.slice(2);
  let goFiles = 0;
  let extracted = 0;
  const folder = cacheDir ? new DirectoryFactsCache(cacheDir) : undefined;
  // Counts what the scan asked of the cache: each miss is a file extracted.
  const counting: GoFactsCache | undefined = folder && {
    get: async (key: string) => {
      goFiles++;
      const facts = await folder.get(key);
      if (!facts) extracted++;
      return facts;
    },
    set: (key: string, entry: CachedGoFile) => folder.set(key, entry),
  };
  const analyzer = await Analyzer.create({
    workers: availableParallelism(),
    factsCache: counting,
    onCacheError: e => {
      throw e;
    },
  });
  const tree = await DirectoryTree.open(dir);
  const start = process.hrtime.bigint();
  const report = await analyzer.analyze(tree, '.');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  await analyzer.close();
  process.stdout.write(
    `${JSON.stringify({
      ms,
      goFiles,
      extracted,
      report: JSON.stringify(report),
    })}\n`,
  );
}

main().catch(e => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
