/*
 * The benchmark's world, shared by the in-process run (runBench.ts) and the replica
 * processes (replica.ts): generated entities and trees behind a UrlReader with simulated
 * latency, and the worker that scans them.
 */
import {
  LoggerService,
  UrlReaderService,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  CheckResult,
  CheckStatus,
  checks,
} from '@internal/plugin-go-scorecard-common';
import { Analyzer } from '@internal/plugin-go-scorecard-node';
import { defaultScorecardConfig } from '../src/config/ScorecardConfig';
import { ScorecardStore } from '../src/database/ScorecardStore';
import { ScanTarget } from '../src/database/types';
import { SourceScanner } from '../src/scanning/EntityScanner';
import { ScanWorker } from '../src/scanning/ScanWorker';
import { LocalRoots } from '../src/source/LocalRoots';
import { SourceFetcher } from '../src/source/SourceFetcher';

export const ENTITIES = Number(process.env.GO_SCORECARD_BENCH_ENTITIES ?? 5000);
/**
 * Latency of a full tree fetch (request plus archive download). 50 ms is still faster
 * than any SCM serves an archive (GitHub: an API call, a redirect and the download, a few
 * hundred ms). Below it, on a 2-core machine, the cycle measures the CPU the replicas
 * share rather than the scanner: at 20 ms three replicas reach about 2.2x one.
 */
export const READ_MS = Number(process.env.GO_SCORECARD_BENCH_READ_MS ?? 50);
/** Latency of the ETag check that answers NotModified (one small request). */
export const ETAG_MS = Number(process.env.GO_SCORECARD_BENCH_ETAG_MS ?? 1);
const noop = () => {};
export const logger: LoggerService = {
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  child: () => logger,
};
export const config = {
  ...defaultScorecardConfig,
  batchSize: 20,
  concurrency: 8,
  timeoutMs: 60_000,
};

/** The generated source tree of entity i. */
function files(i: number): Record<string, string> {
  const dial =
    i % 3 === 0
      ? 'grpc.Dial("user-service:8080", grpc.WithInsecure())'
      : 'grpc.NewClient("dns:///user-service.prod.svc.cluster.local.:8080")';
  return {
    'go.mod': `module example.com/svc${i}\n\ngo 1.22\n\nrequire google.golang.org/grpc v1.64.0\n`,
    'go.sum':
      'google.golang.org/grpc v1.64.0 h1:abc=\ngoogle.golang.org/grpc v1.64.0/go.mod h1:def=\n',
    'cmd/server/main.go': [
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"net/http"',
      '\t"os"',
      '\t"os/signal"',
      '\t"syscall"',
      '\t"time"',
      '',
      '\t"google.golang.org/grpc"',
      ')',
      '',
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
      i % 2
        ? '\tsctx, _ := context.WithTimeout(context.Background(), 10*time.Second)'
        : '\tsctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)\n\tdefer cancel()',
      '\t_ = srv.Shutdown(sctx)',
      '}',
      '',
    ].join('\n'),
    'deploy/deployment.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      `metadata: { name: svc${i} }`,
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      `        - name: svc${i}`,
      '          image: example/svc:1',
      '          ports: [{ containerPort: 8080 }]',
      '',
    ].join('\n'),
    '.github/workflows/ci.yml': `name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go install golang.org/x/tools/cmd/stringer@${
      i % 4 ? 'v0.21.0' : 'latest'
    }\n`,
    'README.md': 'not fetched',
  };
}

/**
 * A UrlReader over generated trees: NotModified when the caller's ETag matches the
 * current `version()`, else the tree after the simulated read latency.
 */
export function createUrlReader(version: () => string): UrlReaderService {
  return {
    readTree: async (
      url: string,
      options?: {
        etag?: string;
        filter?(p: string, i?: { size: number }): boolean;
      },
    ): Promise<UrlReaderServiceReadTreeResponse> => {
      await new Promise(r => setTimeout(r, ETAG_MS));
      const etag = `${version()}-${url}`;
      if (options?.etag === etag) throw new NotModifiedError();
      await new Promise(r => setTimeout(r, READ_MS - ETAG_MS));
      const i = Number(url.slice(url.lastIndexOf('-') + 1));
      const entries = Object.entries(files(i)).filter(
        ([p, c]) => !options?.filter || options.filter(p, { size: c.length }),
      );
      return {
        etag,
        files: async () =>
          entries.map(([path, c]) => ({
            path,
            content: async () => Buffer.from(c),
          })),
        archive: async () => {
          throw new Error('unsupported');
        },
        dir: async () => {
          throw new Error('unsupported');
        },
      };
    },
  } as unknown as UrlReaderService;
}

/** The entities of the benchmark, as the catalog sync would write them. */
export function targets(): ScanTarget[] {
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

/**
 * The analyzer as the plugin creates it by default (plugin.ts): with the default worker
 * threads (`goScorecard.analyzer.workers`), so a replica's RSS counts them. Close it.
 */
export function createBenchAnalyzer(): Promise<Analyzer> {
  return Analyzer.create({
    maxFileBytes: config.maxFileBytes,
    workers: config.analyzerWorkers,
    policy: config.policy,
  });
}

/** One replica's worker over `knex`, reading trees whose ETags carry `version()`. */
export function createBenchWorker(
  knex: Knex,
  analyzer: Analyzer,
  id: string,
  version: () => string,
): ScanWorker {
  return new ScanWorker({
    store: ScorecardStore.fromKnex(knex),
    scanner: new SourceScanner(
      new SourceFetcher({
        urlReader: createUrlReader(version),
        localRoots: new LocalRoots([]),
        maxFileBytes: config.maxFileBytes,
      }),
      analyzer,
      { maxFindingsPerCheck: config.maxFindingsPerCheck },
    ),
    logger,
    config,
    id,
  });
}

/**
 * The report's world of `n` entities, written through the store as scans write it (in
 * batches of 500): owners team-0…39, systems system-0…99, every check of the catalog
 * with a status mix (about 60% pass, 10% each warn, fail, not applicable; a few errors),
 * 2% never scanned and 2% failed without a result. No analyzer: the report's cost is
 * the rows, not how they were made.
 */
/** The report world's `n` entities as the catalog sync hands them to the store. */
export function reportWorldTargets(n: number): ScanTarget[] {
  return Array.from({ length: n }, (_, i) => ({
    entityRef: `component:default/svc-${i}`,
    kind: 'Component',
    namespace: 'default',
    name: `svc-${i}`,
    title: `Service ${i}`,
    type: i % 7 ? 'service' : 'library',
    owner: `group:default/team-${i % 40}`,
    system: `system:default/system-${i % 100}`,
    source: `url:https://git.example.com/acme/svc-${i}`,
  }));
}

export async function seedReportWorld(knex: Knex, n: number): Promise<void> {
  const store = ScorecardStore.fromKnex(knex);
  const world = reportWorldTargets(n);
  const now = Date.now();
  await store.syncTargets(world, now);
  const owner = 'seed';
  await store.claimDue({ owner, now, limit: n, leaseMs: 3600_000 });
  const statusOf = (i: number, j: number): CheckStatus => {
    const roll = (i * 7919 + j * 104_729) % 100;
    if (roll < 60) return 'pass';
    if (roll < 70) return 'warn';
    if (roll < 80) return 'fail';
    if (roll < 97) return 'not_applicable';
    return 'error';
  };
  const scanned = world.filter((_, i) => i % 50 > 1);
  for (let start = 0; start < scanned.length; start += 500) {
    await store.completeScans(
      scanned.slice(start, start + 500).map(t => {
        const i = Number(t.name.slice(4));
        return {
          entityRef: t.entityRef,
          unchanged: false,
          etag: 'seed',
          report: {
            schemaVersion: 1,
            root: t.name,
            checks: checks.map(
              (c, j): CheckResult =>
                ({
                  id: c.id,
                  lesson: c.lesson,
                  severity: c.severity,
                  status: statusOf(i, j),
                  findings: [],
                } as CheckResult),
            ),
          },
        };
      }),
      owner,
      { now: now - (start % 7) * 3600_000, nextScanAt: now + 86_400_000 },
    );
  }
  for (let i = 1; i < n; i += 50) {
    await store.failScan(world[i].entityRef, owner, {
      error: 'Source not found',
      now,
      nextScanAt: now + 60_000,
      attempts: 1,
    });
  }
  for (let i = 0; i < n; i += 50) {
    await store.releaseLease(world[i].entityRef, owner);
  }
}
