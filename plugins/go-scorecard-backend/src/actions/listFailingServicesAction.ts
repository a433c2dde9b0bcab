import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  reportStatusFilters,
  ReportStatusFilter,
} from '@internal/plugin-go-scorecard-common';
import { ReportStore } from '../database/ReportStore';
import { queryReport } from '../report/queryReport';
import {
  parseReportQuery,
  ReportFilterParameters,
} from '../report/ReportQuery';
import { ReadableEntities } from '../service/ReadableEntities';
import { LocalRoots } from '../source/LocalRoots';
import { PortalLinks } from './portalLinks';

/** Rows per page when the caller gives no limit, and the most one call returns. */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/**
 * The report's statuses that together match every entity it holds: any check status, a
 * scan failed or not done yet, and the non-Go services (listed only when asked).
 */
const ANY_STATUS: ReportStatusFilter[] = reportStatusFilters.filter(
  s => s !== 'stale' && s !== 'waived',
);

/**
 * Registers `go-scorecard:list-failing-services`: the report (`GET /report`, the same
 * query and store) filtered to services with a failing check, optionally by owner,
 * lesson and check, worst score (or most depended-on) first, one page at a time. Only
 * entities the caller may read are listed (their readable refs, as the report). An owner
 * the scorecard holds no service of (itself or a group below it) is named in `notes`, so
 * an empty list is not read as "nothing fails".
 */
export function registerListFailingServicesAction(options: {
  actionsRegistry: ActionsRegistryService;
  store: ReportStore;
  readable: Pick<ReadableEntities, 'refs'>;
  /** A stored scan error may name a server path: shown relative to the roots, as the report does. */
  localRoots: LocalRoots;
  links: PortalLinks;
}): void {
  const { actionsRegistry, store, readable, localRoots, links } = options;
  actionsRegistry.register({
    name: 'list-failing-services',
    title: 'List failing Go services',
    description:
      'Lists the Go services whose Go Service Scorecard has a failing check (or, with statuses, a warning or a scan error), worst score first, or with orderBy "impact" the most depended-on first (impact: how many catalog entities depend on the service), to decide what to fix first. Filter by owner (a group ref or name, e.g. "team-a", which also covers the groups below it; several comma-separated), lesson (1-5 or its slug, e.g. "context") and check id; the counts and failing checks are then scoped to that lesson or check. Paged with offset and limit. Only services the caller may read are listed. notes says when an owner has no scanned service at all (an empty list then does not mean nothing fails).',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .optional()
            .describe(
              'Owner entity ref or group name, e.g. "group:default/team-a" or "team-a"; comma-separated for several',
            ),
          lesson: z
            .union([z.number().int(), z.string()])
            .optional()
            .describe(
              'Lesson number 1-5 or slug: tooling, protobuf, grpc-dns, context, shutdown',
            ),
          check: z
            .string()
            .optional()
            .describe('Check id, e.g. "shutdown-http-close"'),
          statuses: z
            .array(z.enum(['fail', 'warn', 'error']))
            .optional()
            .describe(
              'Which statuses count as failing (any of them, on a check in scope). Default ["fail"]',
            ),
          orderBy: z
            .enum(['score', 'impact'])
            .optional()
            .describe(
              'score (default): worst score first; impact: the most depended-on services first (ties by entity ref)',
            ),
          offset: z.number().int().min(0).optional().describe('Default 0'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(MAX_LIMIT)
            .optional()
            .describe(`Default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}`),
        }),
      output: z =>
        z.object({
          totalItems: z.number().describe('Matching services, every page'),
          offset: z.number(),
          limit: z.number(),
          items: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              owner: z.string().optional(),
              system: z.string().optional(),
              score: z
                .number()
                .optional()
                .describe('Over the checks in scope, 0-100'),
              impact: z
                .number()
                .describe(
                  'How many catalog entities depend on the service (dependsOn it, or consume an API it provides), as of the last catalog sync',
                ),
              stale: z
                .boolean()
                .describe(
                  'The last read failed; the results are from an earlier scan',
                ),
              error: z.string().optional(),
              failingChecks: z
                .array(z.string())
                .describe('Checks in scope that fail'),
              warningChecks: z
                .array(z.string())
                .describe('Checks in scope that warn'),
              scorecardUrl: z.string(),
            }),
          ),
          notes: z
            .array(z.string())
            .optional()
            .describe(
              'Why the list may be empty, e.g. an owner that no scanned service belongs to',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const offset = input.offset ?? 0;
      const limit = input.limit ?? DEFAULT_LIMIT;
      const byImpact = input.orderBy === 'impact';
      const query = parseReportQuery(
        {
          owner: input.owner === undefined ? undefined : [input.owner],
          lesson: input.lesson === undefined ? undefined : String(input.lesson),
          check: input.check,
          status: input.statuses?.length ? input.statuses : ['fail'],
          orderBy: byImpact ? 'impact' : 'score',
          order: byImpact ? 'desc' : 'asc',
        } as ReportFilterParameters,
        { offset, limit },
      );
      const refs = await readable.refs(credentials);
      const report = await queryReport(store, refs, query, {
        aggregates: true,
        redact: e => localRoots.redactPaths(e),
      });
      const notes: string[] = [];
      // An owner without a single service here (or below it) is likely a typo or a
      // group the scorecard does not scan: say so, rather than answer "nothing fails".
      for (const owner of query.owners ?? []) {
        const held = await queryReport(
          store,
          refs,
          {
            owners: [owner],
            statuses: ANY_STATUS,
            orderBy: 'entity',
            order: 'asc',
            offset: 0,
            limit: 1,
          },
          { aggregates: false },
        );
        if (!held.items.length) {
          notes.push(
            `no scanned service is owned by ${owner} or a group below it`,
          );
        }
      }
      const withStatus = (checks: Record<string, string>, status: string) =>
        Object.entries(checks)
          .filter(([, s]) => s === status)
          .map(([id]) => id);
      return {
        output: {
          totalItems: report.totalItems,
          offset,
          limit,
          items: report.items.map(row => ({
            entityRef: row.entityRef,
            title: row.title,
            owner: row.owner,
            system: row.system,
            score: row.score,
            impact: row.impact ?? 0,
            stale: row.stale,
            error: row.error,
            failingChecks: withStatus(row.checks, 'fail'),
            warningChecks: withStatus(row.checks, 'warn'),
            scorecardUrl: links.scorecard(row.entityRef),
          })),
          notes: notes.length ? notes : undefined,
        },
      };
    },
  });
}
