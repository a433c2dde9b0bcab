/* eslint-disable no-console */
/*
 * Benchmark body, loaded by bench.ts. `yarn bench` in this package (the root `yarn bench:backend`).
 *
 * 5,000 synthetic entities with generated trees behind a fake UrlReader (simulated
 * latency GO_SCORECARD_BENCH_READ_MS, default 20 ms; ETag check GO_SCORECARD_BENCH_ETAG_MS,
 * default 1 ms), scanned by ScanWorkers with the real analyzer: a full cycle and an
 * unchanged-ETag cycle on SQLite (one replica in this process; SQLite is single-process)
 * and, when BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING is set, on PostgreSQL
 * with one and three replicas, each replica its own process (replica.ts) as separate
 * backends would be; then report and CSV latency p50/p95 over 5,000 entities x 18 checks.
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
let version = 'v1';

async function loadAnalyzer() {
  return Analyzer.create({ maxFileBytes: config.maxFileBytes });
}

/** One cycle with every replica in this process (SQLite: one process is all it supports). */
async function cycle(
  knexes: Knex[],
  analyzer: Analyzer,
): Promise<{ ms: number; scanned: number }> {
  await knexes[0]('go_scorecard_entities').update({ next_scan_at: 0 });
  const workers = knexes.map((knex, i) =>
    createBenchWorker(knex, analyzer, `bench-${i}`, () => version),
  );
  const start = performance.now();
  const counts = await Promise.all(workers.map(w => w.runOnce()));
  return {
    ms: performance.now() - start,
    scanned: counts.reduce((a, b) => a + b, 0),
  };
}

/**
 * One cycle with each replica in its own process, as separate backends run: the
 * processes load their analyzer first, then all start on one signal, and the cycle
 * lasts until the last one has nothing left to claim.
 */
async function processCycle(
  knex: Knex,
  url: string,
  replicas: number,
): Promise<{ ms: number; scanned: number }> {
  await knex('go_scorecard_entities').update({ next_scan_at: 0 });
  const children = Array.from({ length: replicas }, (_, i) =>
    spawn(
      process.execPath,
      [
        '-r',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        join(__dirname, 'replica.ts'),
        url,
        `bench-${i}`,
        version,
      ],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    ),
  );
  const exited = children.map(
    child => new Promise(resolve => child.once('exit', resolve)),
  );
  const lines = children.map(child =>
    createInterface({ input: child.stdout! })[Symbol.asyncIterator](),
  );
  await Promise.all(
    lines.map(async l => {
      const { value } = await l.next();
      if (value !== 'ready') throw new Error(`replica did not start: ${value}`);
    }),
  );
  const start = performance.now();
  for (const child of children) child.stdin!.write('go\n');
  const results = await Promise.all(
    lines.map(
      async l =>
        JSON.parse((await l.next()).value ?? '{"scanned":0}') as {
          scanned: number;
        },
    ),
  );
  const ms = performance.now() - start;
  await Promise.all(exited);
  return { ms, scanned: results.reduce((n, r) => n + r.scanned, 0) };
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
    historyRetentionDays: 90,
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
  const run = (n: number) =>
    url ? processCycle(primary, url, n) : cycle([primary], analyzer);
  for (const n of replicaCounts) {
    version = `full-${n}`;
    const full = await run(n);
    results[`full${n}`] = full.ms;
    console.log(
      `  full cycle, ${n} replica(s): ${(full.ms / 1000).toFixed(2)} s for ${
        full.scanned
      } entities (${(full.scanned / (full.ms / 1000)).toFixed(0)}/s)`,
    );
    const unchanged = await run(n);
    results[`unchanged${n}`] = unchanged.ms;
    console.log(
      `  unchanged-ETag cycle, ${n} replica(s): ${(unchanged.ms / 1000).toFixed(
        2,
      )} s for ${unchanged.scanned} entities (${(
        full.ms / unchanged.ms
      ).toFixed(1)}x faster than full)`,
    );
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
