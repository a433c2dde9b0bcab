import { ServiceFacts } from '../facts';
import { Check, CheckOutcome } from '../checks/types';
import { ServiceProgram } from '../program/serviceProgram';

/** Runs a check on hand-made facts, linked as the analyzer links them. */
export function runCheck(check: Check, facts: ServiceFacts): CheckOutcome {
  return check.run(facts, ServiceProgram.link(facts));
}
