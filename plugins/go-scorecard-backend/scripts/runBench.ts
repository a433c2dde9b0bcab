/* eslint-disable no-console */
/*
 * Benchmark body, loaded by bench.ts. `yarn bench` in this package (the root `yarn bench:backend`).
 *
 * 5,000 synthetic entities with generated trees behind a fake UrlReader (simulated
 * latency GO_SCORECARD_BENCH_READ_MS, default 50 ms, see benchWorld.ts; ETag check GO_SCORECARD_BENCH_ETAG_MS,
 * default 1 ms), scanned by ScanWorkers with the real analyzer: a full cycle and an
 * unchanged-ETag cycle on SQLite (one replica in this process; SQLite is single-process)
 * and, when BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING is set, on PostgreSQL
 * with one and three replicas, each replica its own long-running process (replica.ts)
 * as separate backends are; then report and CSV latency p50/p95 over 5,000 entities x 18 checks.
 */
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import request from 'supertest';
import { Analyzer } from '@internal/plugin-go-scorecard-node';
import { ScorecardStore } from '../src/database/ScorecardStore';
import { EntitySelection } from '../src/scanning/EntitySelection';
import { ScanWorker } from '../src/scanning/ScanWorker';
import { createRouter } from '../src/service/router';
import { ReadableEntities } from '../src/service/ReadableEntities';
import { LocalRoots } from '../src/source/LocalRoots';
import {
  config,
  createBenchWorker,
  ENTITIES,
  ETAG_MS,
  logger,
  READ_MS,
  targets,
} from './benchWorld';

const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING;

async function loadAnalyzer() {
  return Analyzer.create({ maxFileBytes: config.maxFileBytes });
}

/** A set of replicas: `scan` runs one cycle on all of them and resolves with the entities they scanned. */
interface Replicas {
  scan(version: string): Promise<number>;
  stop(): Promise<void>;
}

/** Makes every entity due, then times one cycle of `replicas` over trees of `version`. */
async function timedCycle(
  knex: Knex,
  replicas: Replicas,
  version: string,
): Promise<{ ms: number; scanned: number }> {
  await knex('go_scorecard_entities').update({ next_scan_at: 0 });
  const start = performance.now();
  const scanned = await replicas.scan(version);
  return { ms: performance.now() - start, scanned };
}

/** One replica in this process (SQLite: one process is all it supports). */
function inProcessReplica(knex: Knex, analyzer: Analyzer): Replicas {
  let version = '';
  const worker = createBenchWorker(knex, analyzer, 'bench-0', () => version);
  return {
    async scan(next) {
      version = next;
      return worker.runOnce();
    },
    async stop() {},
  };
}

/**
 * Replicas as separate backends run them: each its own long-running process
 * (replica.ts), started and warmed up before any cycle is timed. A cycle starts them
 * all on one signal and lasts until the last one has nothing left to claim.
 */
async function replicaProcesses(url: string, count: number): Promise<Replicas> {
  const children = Array.from({ length: count }, (_, i) =>
    spawn(
      process.execPath,
      [
        '-r',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        join(__dirname, 'replica.ts'),
        url,
        `bench-${i}`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    ),
  );
  const exited = children.map(
    child => new Promise(resolve => child.once('exit', resolve)),
  );
  const lines = children.map(child =>
    createInterface({ input: child.stdout! })[Symbol.asyncIterator](),
  );
  const nextLine = async (i: number) => {
    const { value, done } = await lines[i].next();
    if (done) throw new Error(`replica ${i} exited`);
    return value as string;
  };
  await Promise.all(
    lines.map(async (_, i) => {
      const line = await nextLine(i);
      if (line !== 'ready') throw new Error(`replica did not start: ${line}`);
    }),
  );
  return {
    async scan(version) {
      for (const child of children) child.stdin!.write(`go ${version}\n`);
      const results = await Promise.all(
        lines.map(
          async (_, i) => JSON.parse(await nextLine(i)) as { scanned: number },
        ),
      );
      return results.reduce((n, r) => n + r.scanned, 0);
    },
    async stop() {
      for (const child of children) child.stdin!.end();
      await Promise.all(exited);
    },
  };
}

async function latency(app: express.Express, path: string, runs = 40) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await request(app).get(path).expect(200);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`;
}

async function reportLatency(knex: Knex, label: string) {
  const store = ScorecardStore.fromKnex(knex);
  const refs = new Set(targets().map(t => t.entityRef));
  const readable = {
    refs: async () => refs,
    get: async () => ({}),
  } as unknown as ReadableEntities;
  const router = await createRouter({
    store,
    worker: {} as ScanWorker,
    selection: new EntitySelection({ kinds: ['Component'] }),
    readable,
    localRoots: new LocalRoots([]),
    httpAuth: { credentials: async () => ({}) } as unknown as HttpAuthService,
    permissions: {} as PermissionsService,
    logger,
    historyRetentionMs: 90 * 24 * 60 * 60 * 1000,
  });
  const app = express().use(router);
  console.log(
    `  ${label} report (page of 50, aggregates): ${await latency(
      app,
      '/report',
    )}`,
  );
  console.log(
    `  ${label} report filtered (owner, lesson 4, status fail, sort score): ${await latency(
      app,
      '/report?owner=team-7&lesson=4&status=fail&orderBy=score&order=desc',
    )}`,
  );
  console.log(
    `  ${label} report.csv (all ${ENTITIES}): ${await latency(
      app,
      '/report.csv',
      20,
    )}`,
  );
}

async function benchDatabase(
  label: string,
  connect: () => Knex,
  replicaCounts: number[],
  analyzer: Analyzer,
  url?: string,
) {
  const primary = connect();
  await ScorecardStore.migrateUp(primary);
  await ScorecardStore.fromKnex(primary).syncTargets(targets(), Date.now());
  console.log(`${label}${url ? ' (one process per replica)' : ''}:`);
  const results: Record<string, number> = {};
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  for (const n of replicaCounts) {
    const replicas = url
      ? await replicaProcesses(url, n)
      : inProcessReplica(primary, analyzer);
    // What the reader's latency alone costs: every slot of every replica always busy.
    const rounds = Math.ceil(ENTITIES / (n * config.concurrency));
    const full = await timedCycle(primary, replicas, `full-${n}`);
    results[`full${n}`] = full.ms;
    console.log(
      `  full cycle, ${n} replica(s): ${seconds(full.ms)} for ${
        full.scanned
      } entities (${(full.scanned / (full.ms / 1000)).toFixed(
        0,
      )}/s; read-latency floor ${seconds(rounds * READ_MS)})`,
    );
    const unchanged = await timedCycle(primary, replicas, `full-${n}`);
    console.log(
      `  unchanged-ETag cycle, ${n} replica(s): ${seconds(unchanged.ms)} for ${
        unchanged.scanned
      } entities (${(full.ms / unchanged.ms).toFixed(
        1,
      )}x faster than full; ETag-latency floor ${seconds(rounds * ETAG_MS)})`,
    );
    await replicas.stop();
  }
  if (results.full3)
    console.log(
      `  speed-up 3 replicas vs 1: ${(results.full1 / results.full3).toFixed(
        2,
      )}x`,
    );
  await reportLatency(primary, label);
  await primary.destroy();
}

async function main() {
  const analyzer = await loadAnalyzer();
  console.log(
    `Go scorecard backend benchmark: ${ENTITIES} entities, full read ${READ_MS} ms, ETag check ${ETAG_MS} ms, batch ${config.batchSize}, concurrency ${config.concurrency}/replica`,
  );

  await benchDatabase(
    'SQLite (in memory)',
    () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      }),
    [1],
    analyzer,
  );

  if (!PG) {
    console.log(
      'PostgreSQL: skipped (set BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING)',
    );
    return;
  }
  const database = `go_scorecard_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: PG });
  await admin.raw('CREATE DATABASE ??', [database]);
  try {
    const url = new URL(PG);
    url.pathname = `/${database}`;
    await benchDatabase(
      'PostgreSQL',
      () =>
        knexFactory({
          client: 'pg',
          connection: url.toString(),
          pool: { min: 0, max: 10 },
        }),
      [1, 3],
      analyzer,
      url.toString(),
    );
  } finally {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
    await admin.destroy();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
