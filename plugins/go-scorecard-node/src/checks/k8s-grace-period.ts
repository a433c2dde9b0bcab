import { Finding } from '@internal/plugin-go-scorecard-common';
import { ServiceFacts } from '../facts';
import { ServiceProgram } from '../program/serviceProgram';
import { durationSeconds } from '../program/valueFlow';
import { Check } from './types';
import { findingAt } from './findingAt';

/** Kubernetes' default terminationGracePeriodSeconds. */
const DEFAULT_GRACE_SECONDS = 30;

/**
 * The longest drain the Go code allows, in seconds (0 when nothing bounds one): every shutdown
 * bound of the non-test files, followed through the program (a context from
 * `context.WithTimeout` passed down to `Shutdown`, a duration from a const, a flag, a config
 * default), with where it is written.
 */
export function shutdownSeconds(
  facts: ServiceFacts,
  program: ServiceProgram,
): { seconds: number; at?: string } {
  let best = { seconds: 0 } as { seconds: number; at?: string };
  for (const file of facts.goFiles) {
    if (file.isTest) continue;
    for (const bound of file.shutdownBounds) {
      for (const o of program.values.origins(bound.value, {
        file,
        owner: bound.owner ?? -1,
      })) {
        let seconds: number | undefined;
        if (bound.kind === 'duration') seconds = durationSeconds(o);
        else if (o.k === 'number' && o.seconds) seconds = o.value;
        if (seconds !== undefined && seconds > best.seconds) {
          best = { seconds, at: `${o.at.path}:${o.at.line}` };
        }
      }
    }
  }
  return best;
}

/**
 * `k8s-grace-period`: a workload's terminationGracePeriodSeconds (30 when absent) is
 * shorter than its longest preStop sleep plus the shutdown timeout found in the Go code
 * (the largest one, 0 when none). Finding on the terminationGracePeriodSeconds line, or
 * on `kind:` when the default applies.
 */
export const k8sGracePeriodCheck: Check = {
  id: 'k8s-grace-period',
  run(facts, program) {
    if (facts.workloads.length === 0)
      return { notApplicable: 'no Deployment, StatefulSet or DaemonSet' };
    const budget = shutdownSeconds(facts, program);
    const shutdown = budget.seconds;
    const findings: Finding[] = [];
    for (const w of facts.workloads) {
      const grace = w.terminationGracePeriodSeconds;
      if (!grace && w.templated) continue;
      const sleep = Math.max(
        0,
        ...w.containers.map(c => c.preStop?.sleepSeconds ?? 0),
      );
      const granted = grace?.value ?? DEFAULT_GRACE_SECONDS;
      const needed = sleep + shutdown;
      if (granted >= needed) continue;
      const setting = grace
        ? `terminationGracePeriodSeconds ${granted}`
        : `terminationGracePeriodSeconds ${granted} (the default)`;
      findings.push(
        findingAt(
          grace?.ref ?? w.ref,
          `${w.kind} ${
            w.name
          }: ${setting} < preStop sleep ${sleep} s + drain bound ${shutdown} s${
            budget.at ? ` (${budget.at})` : ''
          }: the kubelet kills the pod before it finishes draining; set terminationGracePeriodSeconds to at least ${Math.ceil(
            needed,
          )}`,
        ),
      );
    }
    return { findings };
  },
};
