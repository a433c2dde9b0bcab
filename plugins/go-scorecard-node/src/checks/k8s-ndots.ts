import { Workload } from '../facts';
import { shortTargets, usesGrpc } from './shortTargets';
import { thirdPartyContainers } from './thirdPartyContainers';
import { hiddenByTemplate } from './templateLines';
import { InputKind } from '../inputKind';
import { Check, findingsOutcome } from './types';
import { OverlayFindings } from './overlayFindings';

/** Largest ndots that keeps short in-cluster names (`svc.ns`) from walking the search list first. */
const MAX_GOOD_NDOTS = 2;

/**
 * `k8s-ndots`: a workload that dials short names keeps ndots above 2 (Kubernetes' default 5).
 * The workloads that dial are those whose env (or ConfigMap) gives a short target; when a short
 * target is written in code or a config file, every workload of the service may run it, except
 * those that run only third-party images (`k8s/thirdPartyImages.ts`), left out with a note,
 * unless their own env or args give the code a short target.
 * A workload whose template has lines the analyzer cannot render and shows no ndots is
 * undecided. Finding on the workload's `kind:`.
 */
export const k8sNdotsCheck: Check = {
  id: 'k8s-ndots',
  reads: ['go', 'manifest'],
  run(facts, program) {
    // Without gRPC no name is dialled: a manifest that could not be read changes nothing.
    const grpc = usesGrpc(facts);
    const decidedBy = grpc ? undefined : (['go'] as InputKind[]);
    // No workload: a Go file that could not be read cannot add one. Without gRPC either,
    // each alone decides: one unreadable kind of input cannot change the outcome.
    if (facts.workloads.length === 0)
      return {
        notApplicable: 'no Deployment, StatefulSet or DaemonSet',
        decidedBy: grpc ? ['manifest'] : [],
      };
    if (!grpc) return { findings: [], decidedBy };
    const { findings: short, dialing, ownFirst } = shortTargets(facts, program);
    if (short.length === 0) return { findings: [] };
    // The workload's own short value when it has one, else the service's first.
    const exampleOf = (w: Workload) => {
      const at = ownFirst.get(w) ?? short[0];
      return `${at.path}:${at.line}`;
    };
    const thirdParty = thirdPartyContainers(facts);
    const leftOut: string[] = [];
    const undecided: string[] = [];
    const findings = new OverlayFindings();
    facts.workloads
      .filter(w => {
        if (w.ndots !== undefined && w.ndots <= MAX_GOOD_NDOTS) return false;
        if (dialing !== 'all' && !dialing.has(w)) return false;
        // A short name written in code runs in the service's own pods, not in a stock image's;
        // a workload whose own env or args give the code a short target runs the code, whatever
        // its image is called (HotROD's `jaegertracing/example-hotrod`).
        if (
          dialing === 'all' &&
          !ownFirst.has(w) &&
          w.containers.length > 0 &&
          w.containers.every(c => thirdParty.has(c))
        ) {
          leftOut.push(`${w.kind} ${w.name} (${w.ref.path}:${w.ref.line})`);
          return false;
        }
        if (w.templated && w.ndots === undefined) {
          undecided.push(
            `the ndots of ${w.kind} ${w.name} (${w.ref.path}:${
              w.ref.line
            }): ${hiddenByTemplate(w.ref, w.templated)}`,
          );
          return false;
        }
        return true;
      })
      .forEach(w =>
        findings.add(
          w.ref,
          `${w.kind} ${w.name} runs a service that dials short names (${
            short.length
          } short gRPC target${
            short.length === 1 ? '' : 's'
          }, first at ${exampleOf(w)}) with ${
            w.ndots === undefined ? 'the default ndots 5' : `ndots ${w.ndots}`
          }: each lookup tries the search domains first; set spec.template.spec.dnsConfig.options to [{name: ndots, value: "2"}] (or dial fully qualified names ending in a dot)`,
          w.overlay,
        ),
      );
    const notes = leftOut.length
      ? [
          `workloads left out, as they run only third-party images: ${[
            ...new Set(leftOut),
          ].join('; ')}`,
        ]
      : [];
    return findingsOutcome(findings.findings(), notes, [...new Set(undecided)]);
  },
};
