import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  getCheck,
  isGoService,
  normalizeEntityRef,
} from '@internal/plugin-go-scorecard-common';
import {
  EntityResultReader,
  readEntityResult,
} from '../service/readEntityResult';
import { PortalLinks } from './portalLinks';
import { checkStatusSchema, statusCountsSchema } from './schemas';

/** What an entity without Go is told instead of a score (the report leaves it out). */
export const NOT_GO_NOTE =
  'Not a Go service: the last scan found no go.mod and no Go files, so it is not scored (the report leaves it out; shown with its status filter not_go).';

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
      "Returns the Go Service Scorecard of one catalog entity: whether it is a Go service (goService), its score, each check's status (pass, warn, fail, not_applicable, error), the findings with file:line (and whether a waiver covers them or covered them until it expired), and a link to each check's fix page. A service without Go is not scored (no score; notes says so), as the report leaves it out. Results come from the last scan (see scannedAt; stale means the last read failed and older results are shown). Entities the caller may not read are not found; a malformed ref is an input error.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity ref [kind:][namespace/]name, e.g. "component:default/checkout-service"; a bare name means a Component in the default namespace',
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
            .describe(
              'The last read failed and the results shown are from an earlier scan; false when there are no results (state failed, pending, unsynced)',
            ),
          error: z.string().optional().describe('Why the last scan failed'),
          scannedAt: z.string().optional(),
          goService: z
            .boolean()
            .describe(
              'False when the last scan found no Go (no go.mod, no Go files): such a service is not scored; true otherwise, also before the first scan',
            ),
          score: z
            .number()
            .optional()
            .describe(
              'pass / (pass + warn + fail), 0-100; omitted when not scanned yet, and for a service that is not a Go service (goService false)',
            ),
          notes: z
            .array(z.string())
            .optional()
            .describe(
              'What an assistant should say about the result, e.g. that a service without Go is not scored',
            ),
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
                  expiredWaiver: z
                    .object({ reason: z.string(), expires: z.string() })
                    .optional()
                    .describe(
                      'A waiver in .go-scorecard.yaml covered it until it expired (expires, its last day, is past): it counts again',
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
      // The rule the report and the card apply (stored with each scan): a service whose
      // scan found no Go is listed as not_go and has no score.
      const goService = isGoService(result.checks);
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
          goService,
          score: goService ? result.score : undefined,
          notes: goService ? undefined : [NOT_GO_NOTE],
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
                expiredWaiver: f.expiredWaiver
                  ? {
                      reason: f.expiredWaiver.reason,
                      expires: f.expiredWaiver.expires,
                    }
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

const validator = makeValidator();

/**
 * The normalized ref of `value` ([kind:][namespace/]name, a bare name a Component in the
 * default namespace); InputError when it is malformed or its kind, namespace or name is
 * not one the catalog accepts (`a:b:c/d/e` parses as namespace `b:c`, name `d/e`).
 */
export function parseRef(value: string): string {
  let ref: string;
  try {
    ref = normalizeEntityRef(value.trim(), { defaultKind: 'component' });
  } catch (e) {
    throw new InputError(
      `Invalid entity ref '${value}': ${(e as Error).message}`,
    );
  }
  const { kind, namespace, name } = parseEntityRef(ref);
  const bad = [
    validator.isValidKind(kind) ? undefined : `kind '${kind}'`,
    validator.isValidNamespace(namespace)
      ? undefined
      : `namespace '${namespace}'`,
    validator.isValidEntityName(name) ? undefined : `name '${name}'`,
  ].filter(Boolean);
  if (bad.length) {
    throw new InputError(
      `Invalid entity ref '${value}': not a valid ${bad.join(
        ', ',
      )}; expected [kind:][namespace/]name`,
    );
  }
  return ref;
}
