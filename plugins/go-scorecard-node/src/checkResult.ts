import { CheckResult, CheckStatus } from '@internal/plugin-go-scorecard-common';
import { RegisteredCheck } from './checks';
import { CheckOutcome } from './checks/types';
import { ServiceFacts } from './facts';
import { InputKind } from './inputKind';
import { messageOf } from './text/messageOf';
import { ServiceProgram } from './program/serviceProgram';
import {
  CheckPolicy,
  NO_CHECK_POLICY,
  waiveFindings,
} from './policy/resolvePolicy';
import { POLICY_FILE, RepositoryWaiver } from './policy/policyTypes';

/** A file that could not be analyzed, and why: checks that read its kind report `error`. */
export interface InputFailure {
  kind: InputKind;
  path: string;
  message: string;
}

/**
 * Runs one check and turns its outcome into the check's result: its status, sorted findings,
 * and a message naming the unreadable inputs, the undecided places and the check's notes.
 * With a policy (design.md, "Policy as code"): a check turned off is `not_applicable` and not
 * run; the severity may be the org's; findings a waiver covers stay, marked with it, and the
 * status counts only the others, and `waivedFindings` says how many are waived; findings an
 * expired waiver covered count, marked `expiredWaiver`.
 * `usedWaivers` collects the waivers that covered a finding.
 */
export function runCheck(
  { check, definition }: RegisteredCheck,
  facts: ServiceFacts,
  program: ServiceProgram,
  failures: InputFailure[],
  policy: CheckPolicy = NO_CHECK_POLICY,
  usedWaivers?: Set<RepositoryWaiver>,
): CheckResult {
  const severity = policy.severity ?? definition.severity;
  const base = {
    id: check.id,
    lesson: definition.lesson,
    severity,
  };
  if (policy.offAtLine !== undefined) {
    return {
      ...base,
      status: 'not_applicable',
      findings: [],
      message: `turned off in ${POLICY_FILE} (line ${policy.offAtLine})`,
    };
  }
  let outcome: CheckOutcome;
  try {
    outcome = check.run(facts, program);
  } catch (e) {
    return {
      ...base,
      status: 'error',
      findings: [],
      message: `check failed: ${messageOf(e)}`,
    };
  }
  // The inputs the outcome rests on: a file of one of them that could not be read may hide
  // a finding, so the check cannot pass (design.md, Rule notes: "Never a silent pass").
  const reads = outcome.decidedBy ?? check.reads;
  const blocking = failures.filter(f => reads.includes(f.kind));
  const blockedMessage = blocking.length
    ? `could not analyze ${blocking
        .map(f => `${f.path} (${f.message})`)
        .join('; ')}`
    : undefined;

  if ('notApplicable' in outcome) {
    return blockedMessage
      ? { ...base, status: 'error', findings: [], message: blockedMessage }
      : {
          ...base,
          status: 'not_applicable',
          findings: [],
          message: outcome.notApplicable,
        };
  }
  // The same finding twice (a command read once per job of a build matrix) is one finding.
  const distinct = new Map(
    outcome.findings.map(f => [`${f.path}\0${f.line}\0${f.message}`, f]),
  );
  const waived = waiveFindings(
    [...distinct.values()].sort(
      (a, b) => a.path.localeCompare(b.path) || a.line - b.line,
    ),
    policy.waivers,
    policy.expired,
  );
  const findings = waived.findings;
  for (const waiver of waived.used) usedWaivers?.add(waiver);
  const counted = findings.filter(f => !f.waiver).length;
  const undecided = outcome.undecided ?? [];
  const undecidedMessage = undecided.length
    ? `could not decide ${undecided.join('; ')}`
    : undefined;
  let status: CheckStatus;
  if (counted) status = severity === 'error' ? 'fail' : 'warn';
  else status = blockedMessage || undecidedMessage ? 'error' : 'pass';
  const message = [
    blockedMessage,
    undecidedMessage,
    ...(outcome.notes ?? []),
  ].filter(Boolean);
  return {
    ...base,
    status,
    findings,
    ...(counted < findings.length
      ? { waivedFindings: findings.length - counted }
      : {}),
    ...(message.length ? { message: message.join('; ') } : {}),
  };
}
