/*
 * One replica of the backend benchmark, in its own process (started by runBench.ts):
 *   replica.ts <postgres-url> <replica-id> <tree-version>
 * Loads its analyzer, prints "ready", waits for a line on stdin, runs one scan cycle
 * against the shared database, prints {"scanned": n} and exits.
 */
import knexFactory from 'knex';
import { createInterface } from 'node:readline';
import { Analyzer } from '@internal/plugin-go-scorecard-node';
import { config, createBenchWorker } from './benchWorld';

async function main() {
  const [url, id, version] = process.argv.slice(2);
  const knex = knexFactory({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: 10 },
  });
  const analyzer = await Analyzer.create({ maxFileBytes: config.maxFileBytes });
  const worker = createBenchWorker(knex, analyzer, id, () => version);
  const lines = createInterface({ input: process.stdin })[
    Symbol.asyncIterator
  ]();
  process.stdout.write('ready\n');
  await lines.next();
  const scanned = await worker.runOnce();
  process.stdout.write(`${JSON.stringify({ scanned })}\n`);
  await knex.destroy();
  process.exit(0);
}

main().catch(e => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
