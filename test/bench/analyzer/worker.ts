/**
 * One measured pass over service folders, in its own process so its peak RSS is its own:
 *   parse   — read every analyzed file, tree-sitter-parse the Go, YAML-parse the YAML (the floor)
 *   analyze — the full Analyzer, one scan per service folder (as the backend scans entities),
 *             with BENCH_WORKERS worker threads (default 0: all on the main thread) and
 *             BENCH_CONCURRENCY scans at once (default 1; the backend runs 4)
 * Prints one JSON line: { mode, services, files, bytes, ms, maxRssMiB } (and, for analyze,
 * findings and linkMs: the time spent linking the program and running the checks).
 */
import { parseAllDocuments } from 'yaml';
import { Analyzer, DirectoryTree } from '@internal/plugin-go-scorecard-node';
import { GoParser } from '@internal/plugin-go-scorecard-node/src/go/GoParser';
import { inputKind } from '@internal/plugin-go-scorecard-node/src/inputKind';

async function parseOnly(dirs: string[]) {
  const parser = await GoParser.create();
  let files = 0;
  let bytes = 0;
  for (const dir of dirs) {
    const tree = await DirectoryTree.open(dir);
    for await (const entry of tree.entries(() => {})) {
      const kind = inputKind(entry.path);
      if (!kind) continue;
      const text = (await entry.read()).toString('utf8');
      files++;
      bytes += text.length;
      if (kind === 'go') parser.parse(text).delete();
      else if (entry.path.endsWith('.yaml') || entry.path.endsWith('.yml'))
        parseAllDocuments(text);
    }
  }
  return { files, bytes };
}

async function analyze(dirs: string[]) {
  let linkMs = 0;
  const workers = Number(process.env.BENCH_WORKERS ?? 0);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 1);
  const analyzer = await Analyzer.create({
    workers,
    onPhase: (phase, ms) => {
      if (phase === 'link') linkMs += ms;
    },
  });
  let findings = 0;
  const queue = [...dirs];
  const scanNext = async (): Promise<void> => {
    const dir = queue.shift();
    if (!dir) return;
    const report = await analyzer.analyze(await DirectoryTree.open(dir), dir);
    findings += report.checks.reduce((n, c) => n + c.findings.length, 0);
    await scanNext();
  };
  await Promise.all(Array.from({ length: concurrency }, scanNext));
  await analyzer.close();
  return { findings, linkMs, workers, concurrency };
}

async function main() {
  const [mode, ...dirs] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  const result = mode === 'parse' ? await parseOnly(dirs) : await analyze(dirs);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({
      mode,
      services: dirs.length,
      ms,
      maxRssMiB,
      ...result,
    })}\n`,
  );
}

main().catch(e => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
