/*
 * One replica of the backend benchmark, in its own process (started by runBench.ts):
 *   replica.ts <postgres-url> <replica-id>
 * A long-running backend in miniature: loads its analyzer and opens its pool, prints
 * "ready", then for each line `go <tree-version>` on stdin runs one scan cycle against
 * the shared database and prints {"scanned": n}. Exits when stdin ends.
 */
import knexFactory from 'knex';
import { createInterface } from 'node:readline';
import { createBenchAnalyzer, createBenchWorker } from './benchWorld';

async function main() {
  const [url, id] = process.argv.slice(2);
  const knex = knexFactory({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: 10 },
  });
  const analyzer = await createBenchAnalyzer();
  let version = '';
  const worker = createBenchWorker(knex, analyzer, id, () => version);
  // A running backend's pool is warm: open the connections a cycle uses before timing it.
  await Promise.all([knex.raw('select 1'), knex.raw('select 1')]);
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) {
    version = line.replace(/^go /, '');
    const scanned = await worker.runOnce();
    process.stdout.write(`${JSON.stringify({ scanned })}\n`);
  }
  await knex.destroy();
  await analyzer.close();
}

main().catch(e => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
