/* eslint-disable no-console */
/*
 * Benchmark body, loaded by bench.ts. `yarn bench` in this package (the root `yarn bench:backend`).
 *
 * 5,000 synthetic entities with generated trees behind a fake UrlReader (simulated
 * latency GO_SCORECARD_BENCH_READ_MS, default 20 ms), scanned by ScanWorkers:
 * full cycle on SQLite (one replica; SQLite is single-process) and on PostgreSQL
 * (one and three replicas, each with its own connection pool, as separate backends
 * would have) when BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING is set; an
 * unchanged-ETag cycle; report and CSV latency p50/p95 over 5,000 entities x 18 checks.
 * Replicas share this process's CPU, so CPU-bound analysis does not scale here as it
 * does across machines.
 */
import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Analyzer } from '@internal/plugin-go-scorecard-node';
import { defaultScorecardConfig } from '../src/config/ScorecardConfig';
import { ScorecardStore } from '../src/database/ScorecardStore';
import { ScanTarget } from '../src/database/types';
import { EntitySelection } from '../src/scanning/EntitySelection';
import { SourceScanner } from '../src/scanning/EntityScanner';
import { ScanWorker } from '../src/scanning/ScanWorker';
import { createRouter } from '../src/service/router';
import { ReadableEntities } from '../src/service/ReadableEntities';
import { LocalRoots } from '../src/source/LocalRoots';
import { SourceFetcher } from '../src/source/SourceFetcher';

const ENTITIES = Number(process.env.GO_SCORECARD_BENCH_ENTITIES ?? 5000);
/** Latency of a full tree fetch (request plus archive download). */
const READ_MS = Number(process.env.GO_SCORECARD_BENCH_READ_MS ?? 20);
/** Latency of the ETag check that answers NotModified (one small request). */
const ETAG_MS = Number(process.env.GO_SCORECARD_BENCH_ETAG_MS ?? 1);
const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING;
const noop = () => {};
const logger: LoggerService = { error: noop, warn: noop, info: noop, debug: noop, child: () => logger };
const config = { ...defaultScorecardConfig, batchSize: 20, concurrency: 8, timeoutMs: 60_000 };

let version = 'v1';

function files(i: number): Record<string, string> {
  const dial = i % 3 === 0 ? 'grpc.Dial("user-service:8080", grpc.WithInsecure())' : 'grpc.NewClient("dns:///user-service.prod.svc.cluster.local.:8080")';
  return {
    'go.mod': `module example.com/svc${i}\n\ngo 1.22\n\nrequire google.golang.org/grpc v1.64.0\n`,
    'go.sum': 'google.golang.org/grpc v1.64.0 h1:abc=\ngoogle.golang.org/grpc v1.64.0/go.mod h1:def=\n',
    'cmd/server/main.go': [
      'package main', '', 'import (', '\t"context"', '\t"net/http"', '\t"os"', '\t"os/signal"', '\t"syscall"', '\t"time"', '', '\t"google.golang.org/grpc"', ')', '',
      'func main() {',
      '\tctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)',
      '\tdefer stop()',
      `\tconn, _ := ${dial}`,
      '\t_ = conn',
      '\tsrv := &http.Server{Addr: ":8080"}',
      '\tgo func() {',
      '\t\tif err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {',
      '\t\t\tpanic(err)',
      '\t\t}',
      '\t}()',
      '\t<-ctx.Done()',
      i % 2 ? '\tsctx, _ := context.WithTimeout(context.Background(), 10*time.Second)' : '\tsctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)\n\tdefer cancel()',
      '\t_ = srv.Shutdown(sctx)',
      '}', '',
    ].join('\n'),
    'deploy/deployment.yaml': [
      'apiVersion: apps/v1', 'kind: Deployment', `metadata: { name: svc${i} }`, 'spec:', '  template:', '    spec:',
      '      containers:', `        - name: svc${i}`, '          image: example/svc:1', '          ports: [{ containerPort: 8080 }]', '',
    ].join('\n'),
    '.github/workflows/ci.yml': `name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go install golang.org/x/tools/cmd/stringer@${i % 4 ? 'v0.21.0' : 'latest'}\n`,
    'README.md': 'not fetched',
  };
}

const urlReader = {
  readTree: async (url: string, options?: { etag?: string; filter?(p: string, i?: { size: number }): boolean }): Promise<UrlReaderServiceReadTreeResponse> => {
    await new Promise(r => setTimeout(r, ETAG_MS));
    const etag = `${version}-${url}`;
    if (options?.etag === etag) throw new NotModifiedError();
    await new Promise(r => setTimeout(r, READ_MS - ETAG_MS));
    const i = Number(url.slice(url.lastIndexOf('-') + 1));
    const entries = Object.entries(files(i)).filter(([p, c]) => !options?.filter || options.filter(p, { size: c.length }));
    return {
      etag,
      files: async () => entries.map(([path, c]) => ({ path, content: async () => Buffer.from(c) })),
      archive: async () => { throw new Error('unsupported'); },
      dir: async () => { throw new Error('unsupported'); },
    };
  },
} as any;

async function loadAnalyzer() {
  return Analyzer.create({ maxFileBytes: config.maxFileBytes });
}

function targets(): ScanTarget[] {
  return Array.from({ length: ENTITIES }, (_, i) => ({
    entityRef: `component:default/svc-${i}`,
    kind: 'Component',
    namespace: 'default',
    name: `svc-${i}`,
    title: `Service ${i}`,
    type: 'service',
    owner: `group:default/team-${i % 40}`,
    system: `system:default/system-${i % 100}`,
    source: `url:https://git.example.com/acme/svc-${i}`,
  }));
}

async function cycle(knexes: Knex[], analyzer: Analyzer): Promise<{ ms: number; scanned: number }> {
  await knexes[0]('go_scorecard_entities').update({ next_scan_at: 0 });
  const workers = knexes.map((knex, i) => new ScanWorker({
    store: ScorecardStore.fromKnex(knex),
    scanner: new SourceScanner(
      new SourceFetcher({ urlReader, localRoots: new LocalRoots([]), maxFileBytes: config.maxFileBytes }),
      analyzer,
    ),
    logger,
    config,
    id: `bench-${i}`,
  }));
  const start = performance.now();
  const counts = await Promise.all(workers.map(w => w.runOnce()));
  return { ms: performance.now() - start, scanned: counts.reduce((a, b) => a + b, 0) };
}

async function latency(app: express.Express, path: string, runs = 40) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await request(app).get(path).expect(200);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`;
}

async function reportLatency(knex: Knex, label: string) {
  const store = ScorecardStore.fromKnex(knex);
  const refs = new Set(targets().map(t => t.entityRef));
  const readable = { refs: async () => refs, get: async () => ({}) } as unknown as ReadableEntities;
  const router = await createRouter({
    store,
    worker: {} as ScanWorker,
    selection: new EntitySelection({ kinds: ['Component'] }),
    readable,
    httpAuth: { credentials: async () => ({}) } as unknown as HttpAuthService,
    permissions: {} as PermissionsService,
    logger,
    historyRetentionDays: 90,
  });
  const app = express().use(router);
  console.log(`  ${label} report (page of 50, aggregates): ${await latency(app, '/report')}`);
  console.log(`  ${label} report filtered (owner, lesson 4, status fail, sort score): ${await latency(app, '/report?owner=team-7&lesson=4&status=fail&orderBy=score&order=desc')}`);
  console.log(`  ${label} report.csv (all ${ENTITIES}): ${await latency(app, '/report.csv', 20)}`);
}

async function benchDatabase(label: string, connect: () => Knex, replicaCounts: number[], analyzer: Analyzer) {
  const primary = connect();
  await ScorecardStore.migrateUp(primary);
  await ScorecardStore.fromKnex(primary).syncTargets(targets(), Date.now());
  console.log(`${label}:`);
  const results: Record<string, number> = {};
  for (const n of replicaCounts) {
    version = `full-${n}`;
    const knexes = n === 1 ? [primary] : Array.from({ length: n }, connect);
    const full = await cycle(knexes, analyzer);
    results[`full${n}`] = full.ms;
    console.log(`  full cycle, ${n} replica(s): ${(full.ms / 1000).toFixed(2)} s for ${full.scanned} entities (${(full.scanned / (full.ms / 1000)).toFixed(0)}/s)`);
    const unchanged = await cycle(knexes, analyzer);
    results[`unchanged${n}`] = unchanged.ms;
    console.log(`  unchanged-ETag cycle, ${n} replica(s): ${(unchanged.ms / 1000).toFixed(2)} s (${(full.ms / unchanged.ms).toFixed(1)}x faster than full)`);
    if (n > 1) await Promise.all(knexes.map(k => k.destroy()));
  }
  if (results.full3) console.log(`  speed-up 3 replicas vs 1: ${(results.full1 / results.full3).toFixed(2)}x`);
  await reportLatency(primary, label);
  await primary.destroy();
}

async function main() {
  const analyzer = await loadAnalyzer();
  console.log(`Go scorecard backend benchmark: ${ENTITIES} entities, full read ${READ_MS} ms, ETag check ${ETAG_MS} ms, batch ${config.batchSize}, concurrency ${config.concurrency}/replica`);

  await benchDatabase('SQLite (in memory)', () => knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true }), [1], analyzer);

  if (!PG) {
    console.log('PostgreSQL: skipped (set BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING)');
    return;
  }
  const database = `go_scorecard_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: PG });
  await admin.raw('CREATE DATABASE ??', [database]);
  try {
    const url = new URL(PG);
    url.pathname = `/${database}`;
    await benchDatabase('PostgreSQL', () => knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 10 } }), [1, 3], analyzer);
  } finally {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
    await admin.destroy();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
