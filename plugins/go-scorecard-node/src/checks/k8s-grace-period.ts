import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';

/** Kubernetes' default terminationGracePeriodSeconds. */
const DEFAULT_GRACE_SECONDS = 30;

/**
 * `k8s-grace-period`: a workload's terminationGracePeriodSeconds (30 when absent) is
 * shorter than its longest preStop sleep plus the shutdown timeout found in the Go code
 * (the largest one, 0 when none). Finding on the terminationGracePeriodSeconds line, or
 * on `kind:` when the default applies.
 */
export const k8sGracePeriodCheck: Check = {
  id: 'k8s-grace-period',
  run(facts) {
    if (facts.workloads.length === 0)
      return { notApplicable: 'no Deployment, StatefulSet or DaemonSet' };
    const timeouts = facts.goFiles
      .filter(f => !f.isTest)
      .map(f => f.shutdownTimeoutSeconds ?? 0);
    const shutdown = Math.max(0, ...timeouts);
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
          }: ${setting} < preStop sleep ${sleep} s + Shutdown timeout ${shutdown} s: the kubelet kills the pod before it finishes draining; set terminationGracePeriodSeconds to at least ${Math.ceil(
            needed,
          )}`,
        ),
      );
    }
    return { findings };
  },
};
