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
 * as separate backends are, with each backend's peak RSS during the cycles (target
 * < 1 GiB).
 *
 * Then the report (issue 13, target 4): a world of 5,000 and one of 50,000 services
 * (benchWorld.ts `seedReportWorld`, written through the store), and the latency p50/p95
 * of the report's first page, a filtered page, the team view's requests and the CSV, on
 * each database, side by side (target: p95 < 300 ms on PostgreSQL at 50,000); and in each
 * world the store's part of a catalog sync that finds nothing changed.
 *
 *   yarn bench:backend                                   everything
 *   yarn bench:backend --only report --entities 50000    the report at 50,000 only
 *   yarn bench:backend --only scan                       the scan cycles only
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
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
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
  createBenchAnalyzer,
  createBenchWorker,
  ENTITIES,
  ETAG_MS,
  logger,
  READ_MS,
  reportWorldTargets,
  seedReportWorld,
  targets,
} from './benchWorld';

const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING;

/** A set of replicas: `scan` runs one cycle on all of them and resolves with the entities they scanned. */
interface Replicas {
  scan(version: string): Promise<number>;
  /** The peak resident set of each replica's backend so far (bytes). */
  peakRss(): number[];
  stop(): Promise<void>;
}

/**
 * This process's peak resident set: the larger of `maxRSS` (the kernel's high-water mark)
 * and the samples taken while `sampleRss` runs.
 */
let sampledRss = 0;
function ownPeakRss(): number {
  return Math.max(process.resourceUsage().maxRSS * 1024, sampledRss);
}

/** Samples this process's RSS every 100 ms until the returned function is called. */
function sampleRss(): () => void {
  const timer = setInterval(() => {
    sampledRss = Math.max(sampledRss, process.memoryUsage().rss);
  }, 100);
  return () => clearInterval(timer);
}

/** A child process's peak resident set (Linux: VmHWM), or 0 when unknown. */
function childPeakRss(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

const MIB = 1024 * 1024;

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
    peakRss: () => [ownPeakRss()],
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
    peakRss: () => children.map(child => childPeakRss(child.pid)),
    async stop() {
      for (const child of children) child.stdin!.end();
      await Promise.all(exited);
    },
  };
}

/** p50 and p95 of `runs` requests (after two unmeasured ones), in ms. */
async function latency(app: express.Express, path: string, runs = 40) {
  for (let i = 0; i < 2; i++) await request(app).get(path).expect(200);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await request(app).get(path).expect(200);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

/** The report requests timed, as the frontend makes them. */
const reportRequests = [
  { name: 'report (page of 50, aggregates)', path: '/report', runs: 40 },
  {
    name: 'report filtered (owner, lesson 4, status fail, sort score)',
    path: '/report?owner=team-7&lesson=4&status=fail&orderBy=score&order=desc',
    runs: 40,
  },
  {
    // TeamView: the owners' aggregates, then the same per team.
    name: 'team view (owner aggregates, limit 1)',
    path: '/report?limit=1',
    runs: 40,
  },
  {
    name: 'team view, one team (owner=team-7, limit 1)',
    path: '/report?owner=team-7&limit=1',
    runs: 40,
  },
  { name: 'report.csv (every entity)', path: '/report.csv', runs: 20 },
];

/** p95 by database label, entity count and request name, for the side-by-side table. */
const p95s = new Map<string, number>();

/** Times the report requests on a seeded world of `entities` services. */
async function reportLatency(knex: Knex, label: string, entities: number) {
  const store = ScorecardStore.fromKnex(knex);
  // The caller's readable refs, as ReadableEntities' cache hands them out.
  const refs = new Set(
    Array.from({ length: entities }, (_, i) => `component:default/svc-${i}`),
  );
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
  const count = entities.toLocaleString('en-US');
  for (const { name, path, runs } of reportRequests) {
    const { p50, p95 } = await latency(app, path, runs);
    p95s.set(`${label}|${entities}|${name}`, p95);
    const [what, detail] = name.split(/ \((.*)\)$/);
    console.log(
      `  ${label} ${what} (${detail}; ${count} entities): p50 ${p50.toFixed(
        1,
      )} ms, p95 ${p95.toFixed(1)} ms`,
    );
  }
}

/** A fresh database with the report's world of `entities` services, its report timed. */
/**
 * A catalog sync that finds every entity as it left it (the usual one, every
 * `catalogSyncInterval`, 30 s by default): the store's part, five times.
 */
async function syncLatency(knex: Knex, label: string, entities: number) {
  const store = ScorecardStore.fromKnex(knex);
  const world = reportWorldTargets(entities);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await store.syncTargets(world, Date.now());
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label} catalog sync, nothing changed (${entities.toLocaleString(
      'en-US',
    )} entities): median ${times[2].toFixed(0)} ms, max ${times[4].toFixed(
      0,
    )} ms`,
  );
}

async function benchReport(
  label: string,
  connect: () => Promise<{ knex: Knex; drop(): Promise<void> }>,
  entities: number,
) {
  const { knex, drop } = await connect();
  try {
    await ScorecardStore.migrateUp(knex);
    const start = performance.now();
    await seedReportWorld(knex, entities);
    // What autovacuum does in a running database: statistics and the visibility map.
    if (knex.client.config.client === 'pg') await knex.raw('VACUUM ANALYZE');
    console.log(
      `  ${label}: ${entities.toLocaleString(
        'en-US',
      )} entities written through the store in ${(
        (performance.now() - start) /
        1000
      ).toFixed(1)} s`,
    );
    await reportLatency(knex, label, entities);
    await syncLatency(knex, label, entities);
  } finally {
    await knex.destroy();
    await drop();
  }
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
  const stopSampling = sampleRss();
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
    const peak = Math.max(...replicas.peakRss());
    console.log(
      `  peak RSS during the scan cycles, ${n} replica(s): ${(
        peak / MIB
      ).toFixed(0)} MiB per backend (target < 1 GiB: ${
        peak < 1024 * MIB ? 'met' : 'MISSED'
      })`,
    );
    await replicas.stop();
  }
  stopSampling();
  if (results.full3)
    console.log(
      `  speed-up 3 replicas vs 1: ${(results.full1 / results.full3).toFixed(
        2,
      )}x`,
    );
  await primary.destroy();
}

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    entities: { type: 'string', multiple: true },
  },
});
if (args.only && !['scan', 'report'].includes(args.only)) {
  throw new Error(`--only takes scan or report, not ${args.only}`);
}
/** The report worlds' sizes: `--entities` (repeatable, or comma-separated), else 5,000 and 50,000. */
const reportSizes = (args.entities ?? ['5000', '50000'])
  .flatMap(v => v.split(','))
  .map(v => {
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--entities takes a positive integer, not ${v}`);
    return n;
  });

/** A new PostgreSQL database for one part of the bench, dropped after it. */
async function pgDatabase(base: string) {
  const database = `go_scorecard_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: base });
  await admin.raw('CREATE DATABASE ??', [database]);
  const url = new URL(base);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
      await admin.destroy();
    },
  };
}

const sqlite = () =>
  knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
const pg = (url: string) =>
  knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 10 } });

async function scanPart() {
  const analyzer = await createBenchAnalyzer();
  console.log(
    `Go scorecard backend benchmark: ${ENTITIES} entities, full read ${READ_MS} ms, ETag check ${ETAG_MS} ms, batch ${config.batchSize}, concurrency ${config.concurrency}/replica`,
  );
  try {
    await benchDatabase('SQLite (in memory)', sqlite, [1], analyzer);
    if (!PG) return;
    const db = await pgDatabase(PG);
    try {
      await benchDatabase(
        'PostgreSQL',
        () => pg(db.url),
        [1, 3],
        analyzer,
        db.url,
      );
    } finally {
      await db.drop();
    }
  } finally {
    await analyzer.close();
  }
}

async function reportPart() {
  console.log(
    `Report latency: ${reportSizes
      .map(n => n.toLocaleString('en-US'))
      .join(
        ' and ',
      )} services x 18 checks (target: p95 < 300 ms on PostgreSQL)`,
  );
  const labels = ['SQLite (in memory)'];
  for (const n of reportSizes) {
    await benchReport(
      'SQLite (in memory)',
      async () => ({ knex: sqlite(), drop: async () => {} }),
      n,
    );
  }
  if (PG) {
    labels.push('PostgreSQL');
    for (const n of reportSizes) {
      await benchReport(
        'PostgreSQL',
        async () => {
          const db = await pgDatabase(PG);
          return { knex: pg(db.url), drop: db.drop };
        },
        n,
      );
    }
  }
  // Side by side: p95 per request, database and world size.
  const sizes = reportSizes.map(n => `${n.toLocaleString('en-US')}`);
  console.log(`Report p95 (ms) by entities: ${sizes.join(' | ')}`);
  for (const label of labels) {
    for (const { name } of reportRequests) {
      const cells = reportSizes.map(n => {
        const p95 = p95s.get(`${label}|${n}|${name}`);
        return p95 === undefined ? '-' : p95.toFixed(1);
      });
      console.log(`  ${label} ${name}: ${cells.join(' | ')}`);
    }
  }
}

async function main() {
  if (args.only !== 'report') await scanPart();
  if (args.only !== 'scan') await reportPart();
  if (!PG) {
    console.log(
      'PostgreSQL: skipped (set BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING)',
    );
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
