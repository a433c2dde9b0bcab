import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  getCheck,
  normalizeEntityRef,
} from '@internal/plugin-go-scorecard-common';
import {
  EntityResultReader,
  readEntityResult,
} from '../service/readEntityResult';
import { PortalLinks } from './portalLinks';
import { checkStatusSchema, statusCountsSchema } from './schemas';

/**
 * Registers `go-scorecard:get-entity-scorecard`: an entity's latest scorecard (the
 * result `GET /entities/{kind}/{namespace}/{name}` serves, see readEntityResult), each
 * check with its status, findings as `path:line` and fix link. Asked with the caller's
 * credentials: an entity they may not read is not found.
 */
export function registerGetEntityScorecardAction(options: {
  actionsRegistry: ActionsRegistryService;
  reader: EntityResultReader;
  links: PortalLinks;
}): void {
  const { actionsRegistry, reader, links } = options;
  actionsRegistry.register({
    name: 'get-entity-scorecard',
    title: "Get a service's Go scorecard",
    description:
      "Returns the Go Service Scorecard of one catalog entity (a Go service): its score, each check's status (pass, warn, fail, not_applicable, error), the findings with file:line, and a link to each check's fix page. Results come from the last scan (see scannedAt; stale means the last read failed and older results are shown). Entities the caller may not read are not found.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity ref, e.g. "component:default/checkout"; a bare name means a Component in the default namespace',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          title: z.string().optional(),
          owner: z.string().optional(),
          system: z.string().optional(),
          state: z
            .enum(['pending', 'scanned', 'failed', 'unsynced'])
            .describe(
              'pending: not scanned yet; failed: the scan failed with no earlier result; unsynced: not copied from the catalog yet',
            ),
          stale: z
            .boolean()
            .describe('The last read failed; the results are older'),
          error: z.string().optional().describe('Why the last scan failed'),
          scannedAt: z.string().optional(),
          score: z
            .number()
            .optional()
            .describe('pass / (pass + warn + fail), 0-100'),
          counts: statusCountsSchema(z),
          scorecardUrl: z.string().describe("The entity's scorecard tab"),
          checks: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              lesson: z.number(),
              severity: z.enum(['error', 'warning', 'info']),
              status: checkStatusSchema(z),
              message: z.string().optional(),
              totalFindings: z
                .number()
                .describe('All findings; `findings` may hold fewer'),
              findings: z.array(
                z.object({
                  location: z.string().describe('path:line'),
                  message: z.string(),
                  snippet: z.string().optional(),
                  waived: z
                    .object({ reason: z.string(), expires: z.string() })
                    .optional()
                    .describe(
                      'A waiver in .go-scorecard.yaml covers it: it does not count',
                    ),
                }),
              ),
              fixUrl: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = parseRef(input.entityRef);
      const result = await readEntityResult(reader, entityRef, credentials);
      return {
        output: {
          entityRef: result.entityRef,
          title: result.title,
          owner: result.owner,
          system: result.system,
          state: result.state,
          stale: result.stale,
          error: result.error,
          scannedAt: result.scannedAt,
          score: result.score,
          counts: result.counts,
          scorecardUrl: links.scorecard(result.entityRef),
          checks: result.checks.map(c => {
            const check = getCheck(c.id)!;
            return {
              id: c.id,
              title: check.title,
              lesson: c.lesson,
              severity: c.severity,
              status: c.status,
              message: c.message,
              totalFindings: c.totalFindings,
              findings: c.findings.map(f => ({
                location: `${f.path}:${f.line}`,
                message: f.message,
                snippet: f.snippet || undefined,
                waived: f.waiver
                  ? { reason: f.waiver.reason, expires: f.waiver.expires }
                  : undefined,
              })),
              fixUrl: links.fix(check),
            };
          }),
        },
      };
    },
  });
}

function parseRef(value: string): string {
  try {
    return normalizeEntityRef(value.trim(), { defaultKind: 'component' });
  } catch (e) {
    throw new InputError(
      `Invalid entity ref '${value}': ${(e as Error).message}`,
    );
  }
}
