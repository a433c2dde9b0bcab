import { Finding } from '@internal/plugin-go-scorecard-common';
import { ServiceFacts } from '../facts';
import { ServiceProgram } from '../program/serviceProgram';

/**
 * What a check decided: findings (none means pass), with notes on what it left out (they
 * become the result's message), or that there was nothing to check. A check that throws is
 * reported with status `error` and the exception's message.
 */
export type CheckOutcome =
  | { findings: Finding[]; notes?: string[] }
  | { notApplicable: string };

/** One check of the catalog, run on a service's facts and the program linked from them. */
export interface Check {
  /** A check id of the catalog in `@internal/plugin-go-scorecard-common`. */
  id: string;
  run(facts: ServiceFacts, program: ServiceProgram): CheckOutcome;
}
