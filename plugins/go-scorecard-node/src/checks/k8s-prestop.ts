import {
  describeThirdParty,
  thirdPartyContainers,
} from './thirdPartyContainers';
import { hiddenByTemplate } from './templateLines';
import { Check, findingsOutcome } from './types';
import { OverlayFindings } from './overlayFindings';

/**
 * `k8s-prestop`: a workload container that serves traffic (ports, or an httpGet/grpc/
 * tcpSocket readiness or liveness probe) has no `lifecycle.preStop`. Finding on the
 * container's `name:`. Containers that run a third-party image (`k8s/thirdPartyImages.ts`)
 * are left out, with a note naming them; not applicable when only they serve traffic. A
 * serving container whose template has lines the analyzer cannot render (a Helm `include`
 * of a chart it does not have) and shows no preStop is undecided: `error`, not `pass`.
 */
export const k8sPrestopCheck: Check = {
  id: 'k8s-prestop',
  reads: ['manifest'],
  run(facts) {
    if (facts.workloads.length === 0)
      return { notApplicable: 'no Deployment, StatefulSet or DaemonSet' };
    const findings = new OverlayFindings();
    const thirdParty = thirdPartyContainers(facts);
    const leftOut: string[] = [];
    const undecided: string[] = [];
    let ownServing = false;
    for (const w of facts.workloads) {
      for (const c of w.containers) {
        const third = thirdParty.get(c);
        if (third) {
          if (c.servesTraffic) leftOut.push(describeThirdParty(third));
          continue;
        }
        // A templated container may serve traffic through what its template adds.
        if (c.servesTraffic || c.templated) ownServing = true;
        if (!c.servesTraffic || c.preStop) continue;
        if (c.templated) {
          undecided.push(
            `whether container "${c.name}" of ${w.kind} ${w.name} (${
              c.ref.path
            }:${c.ref.line}) has a preStop hook: ${hiddenByTemplate(
              c.ref,
              c.templated,
            )}`,
          );
          continue;
        }
        findings.add(
          c.ref,
          `container "${c.name}" of ${w.kind} ${w.name} serves traffic but has no lifecycle.preStop: the pod gets SIGTERM while endpoints and load balancers still send it requests; add a preStop hook that sleeps a few seconds (e.g. sleep: {seconds: 5})`,
          w.overlay,
        );
      }
    }
    // A base's container is met once per root kustomization that includes it.
    const list = [...new Set(leftOut)].join('; ');
    if (!ownServing && leftOut.length)
      return {
        notApplicable: `only containers that run third-party images serve traffic: ${list}`,
      };
    const notes = leftOut.length
      ? [`containers left out, as they run third-party images: ${list}`]
      : [];
    return findingsOutcome(findings.findings(), notes, [...new Set(undecided)]);
  },
};
