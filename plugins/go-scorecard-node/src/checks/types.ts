import { Finding } from '@internal/plugin-go-scorecard-common';
import { ServiceFacts } from '../facts';
import { InputKind } from '../inputKind';
import { ServiceProgram } from '../program/serviceProgram';

/**
 * What a check decided: findings (none means pass), with notes on what it left out (they
 * become the result's message), or that there was nothing to check. `undecided` names the
 * places the check could not judge (a workload line a template produces that the analyzer
 * cannot see): with no finding, the result is `error` naming them, never a silent `pass`
 * (design.md, Rule notes: "Never a silent pass"). A check that throws is reported with
 * status `error` and the exception's message.
 */
export type CheckOutcome = (
  | { findings: Finding[]; notes?: string[]; undecided?: string[] }
  | { notApplicable: string }
) & {
  /**
   * The kinds of input this outcome rests on, when fewer than the check {@link Check.reads}:
   * a file of another kind that could not be read cannot change it, so
   * it does not turn the result into `error` (no gRPC import: a broken manifest is beside the
   * point for `grpc-short-target`).
   */
  decidedBy?: InputKind[];
};

/**
 * One check of the catalog, run on a service's facts and the program linked from them. Its
 * catalog metadata (title, lesson, severity) is joined by id in the registry (`checks/index.ts`).
 */
export interface Check {
  /** A check id of the catalog in `@internal/plugin-go-scorecard-common`. */
  id: string;
  /**
   * The kinds of file the check reads. When one of them could not be analyzed (a malformed
   * go.mod, a Go file whose parse ran out of time), a check that found nothing reports `error`
   * naming the file instead of a `pass` it cannot vouch for.
   */
  reads: readonly InputKind[];
  run(facts: ServiceFacts, program: ServiceProgram): CheckOutcome;
}

/** A findings outcome that carries `notes` and `undecided` only when there are some. */
export function findingsOutcome(
  findings: Finding[],
  notes: string[] = [],
  undecided: string[] = [],
): CheckOutcome {
  return {
    findings,
    ...(notes.length ? { notes } : {}),
    ...(undecided.length ? { undecided } : {}),
  };
}
