import { Entity } from '@backstage/catalog-model';
import { CheckResult, checks } from '@internal/plugin-go-scorecard-common';
import { EntityResult, Report, ReportRow } from '../api/types';

const failing: Record<string, Partial<CheckResult>> = {
  'go-install-unpinned': {
    status: 'warn',
    findings: [
      {
        path: 'Dockerfile',
        line: 4,
        message: '`go install` is not pinned',
        snippet:
          'go install github.com/grpc-ecosystem/grpc-health-probe@latest',
      },
    ],
  },
  'shutdown-http-close': {
    status: 'fail',
    findings: [
      {
        path: 'cmd/notification/main.go',
        line: 59,
        message: 'srv.Close() closes the http.Server at once',
        snippet: 'srv.Close()',
      },
    ],
  },
  'shutdown-grpc-stop': {
    status: 'fail',
    findings: [
      {
        path: 'cmd/notification/main.go',
        line: 60,
        message: 'grpcServer.Stop() cancels in-flight RPCs',
        snippet: 'grpcServer.Stop()',
      },
    ],
  },
  'goleak-missing': {
    status: 'not_applicable',
    message: 'no test files',
  },
};

/** A scanned service from a GitHub source with two failed checks, two warnings and one n/a. */
export const entityResult: EntityResult = {
  schemaVersion: 1,
  root: 'url:https://github.com/acme/notification-service/tree/main/',
  entityRef: 'component:default/notification-service',
  kind: 'Component',
  namespace: 'default',
  name: 'notification-service',
  type: 'service',
  owner: 'group:default/fulfilment-team',
  system: 'system:default/fulfilment',
  state: 'scanned',
  scanning: false,
  scannedAt: '2026-05-01T10:00:00.000Z',
  checkedAt: '2026-05-01T10:00:00.000Z',
  etag: '0123456789abcdef0123456789abcdef01234567',
  commit: '0123456789abcdef0123456789abcdef01234567',
  stale: false,
  counts: { pass: 14, warn: 1, fail: 2, notApplicable: 1, error: 0 },
  score: 82,
  checks: checks.map(c => {
    const result = {
      id: c.id,
      lesson: c.lesson,
      severity: c.severity,
      status: 'pass' as const,
      findings: [],
      ...failing[c.id],
    };
    return { ...result, totalFindings: result.findings.length };
  }),
};

/** The catalog entity of {@link entityResult}. */
export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'notification-service',
    namespace: 'default',
    annotations: {
      'backstage.io/source-location':
        'url:https://github.com/acme/notification-service/tree/main/',
    },
  },
  spec: { type: 'service', owner: 'group:default/fulfilment-team' },
};

/** A report row with the given ref and owner. */
export function reportRow(
  name: string,
  overrides: Partial<ReportRow> = {},
): ReportRow {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    type: 'service',
    owner: 'group:default/fulfilment-team',
    system: 'system:default/fulfilment',
    state: 'scanned',
    scannedAt: '2026-05-01T10:00:00.000Z',
    stale: false,
    counts: { pass: 14, warn: 1, fail: 2, notApplicable: 1, error: 0 },
    score: 82,
    goService: true,
    waived: 0,
    impact: 0,
    checks: { 'shutdown-http-close': 'fail', 'go-install-unpinned': 'warn' },
    lessons: {
      '1': 'warn',
      '2': 'pass',
      '3': 'pass',
      '4': 'not_applicable',
      '5': 'fail',
    },
    ...overrides,
  };
}

/** A report page of `rows` out of `totalItems`, with aggregates over two teams. */
export function report(rows: ReportRow[], totalItems = rows.length): Report {
  return {
    items: rows,
    totalItems,
    offset: 0,
    limit: 25,
    aggregates: {
      entities: totalItems,
      notGoEntities: 0,
      failedEntities: 0,
      counts: { pass: 89, warn: 14, fail: 13, notApplicable: 28, error: 0 },
      score: 77,
      byLesson: [
        {
          lesson: 1,
          slug: 'tooling',
          title: 'Install tools with go install, pinned',
          entities: { pass: 5, warn: 1, fail: 2, notApplicable: 0, error: 0 },
        },
        {
          lesson: 2,
          slug: 'protobuf',
          title: 'One protobuf runtime',
          entities: { pass: 6, warn: 0, fail: 1, notApplicable: 1, error: 0 },
        },
        {
          lesson: 3,
          slug: 'grpc-dns',
          title: 'gRPC targets and Kubernetes DNS',
          entities: { pass: 7, warn: 1, fail: 0, notApplicable: 0, error: 0 },
        },
        {
          lesson: 4,
          slug: 'context',
          title: 'Every context cancel is called',
          entities: { pass: 4, warn: 1, fail: 3, notApplicable: 0, error: 0 },
        },
        {
          lesson: 5,
          slug: 'shutdown',
          title: 'Graceful shutdown',
          entities: { pass: 2, warn: 3, fail: 3, notApplicable: 0, error: 0 },
        },
      ],
      byOwner: [
        {
          owner: 'group:default/fulfilment-team',
          entities: 3,
          failingEntities: 3,
          failedEntities: 0,
          pendingEntities: 0,
          notGoEntities: 0,
          counts: { pass: 34, warn: 5, fail: 7, notApplicable: 8, error: 0 },
          score: 74,
        },
        {
          owner: 'group:default/checkout-team',
          entities: 2,
          failingEntities: 1,
          failedEntities: 0,
          pendingEntities: 0,
          notGoEntities: 0,
          counts: { pass: 25, warn: 5, fail: 2, notApplicable: 4, error: 0 },
          score: 78,
        },
      ],
      byCheck: [
        {
          id: 'shutdown-http-close',
          counts: { pass: 4, warn: 0, fail: 3, notApplicable: 1, error: 0 },
        },
        {
          id: 'context-cancel-discarded',
          counts: { pass: 5, warn: 0, fail: 2, notApplicable: 1, error: 0 },
        },
        {
          id: 'k8s-ndots',
          counts: { pass: 6, warn: 2, fail: 0, notApplicable: 0, error: 0 },
        },
      ],
    },
  };
}
