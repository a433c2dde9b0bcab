import { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';

/** The zod namespace the actions registry hands to schema builders. */
export type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** Checks per status, as the REST API's `StatusCounts`. */
export function statusCountsSchema(z: Zod) {
  return z
    .object({
      pass: z.number(),
      warn: z.number(),
      fail: z.number(),
      notApplicable: z.number(),
      error: z.number(),
    })
    .describe('Checks per status');
}

/** A check status. */
export function checkStatusSchema(z: Zod) {
  return z.enum(['pass', 'warn', 'fail', 'not_applicable', 'error']);
}
