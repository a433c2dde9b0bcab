import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';

/**
 * `k8s-prestop`: a workload container that serves traffic (ports, or an httpGet/grpc/
 * tcpSocket readiness or liveness probe) has no `lifecycle.preStop`. Finding on the
 * container's `name:`.
 */
export const k8sPrestopCheck: Check = {
  id: 'k8s-prestop',
  run(facts) {
    if (facts.workloads.length === 0)
      return { notApplicable: 'no Deployment, StatefulSet or DaemonSet' };
    const findings: Finding[] = [];
    for (const w of facts.workloads) {
      for (const c of w.containers) {
        if (!c.servesTraffic || c.preStop || c.templated) continue;
        findings.push(
          findingAt(
            c.ref,
            `container "${c.name}" of ${w.kind} ${w.name} serves traffic but has no lifecycle.preStop: the pod gets SIGTERM while endpoints and load balancers still send it requests; add a preStop hook that sleeps a few seconds (e.g. sleep: {seconds: 5})`,
          ),
        );
      }
    }
    return { findings };
  },
};
