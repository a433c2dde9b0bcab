import { Container, ServiceFacts, Workload } from '../facts';
import { RepositoryImages } from '../k8s/thirdPartyImages';

/** A container left out of a k8s check: it runs a third-party image. */
export interface ThirdPartyContainer {
  workload: Workload;
  container: Container;
  reason: string;
}

/** The third-party containers of the facts' workloads, with why. */
export function thirdPartyContainers(
  facts: ServiceFacts,
): Map<Container, ThirdPartyContainer> {
  const repo = new RepositoryImages(facts.builtImages ?? []);
  const out = new Map<Container, ThirdPartyContainer>();
  for (const workload of facts.workloads) {
    for (const container of workload.containers) {
      const reason = repo.thirdPartyReason(container.image);
      if (reason) out.set(container, { workload, container, reason });
    }
  }
  return out;
}

/** `container "redis" of StatefulSet cache (deploy/redis.yaml:12)`. */
export function thirdPartyContainerName(t: ThirdPartyContainer): string {
  return `container "${t.container.name}" of ${t.workload.kind} ${t.workload.name} (${t.container.ref.path}:${t.container.ref.line})`;
}

/** `runs redis:7.2, a stock image the repository does not build`. */
export function thirdPartyWhy(t: ThirdPartyContainer): string {
  return `runs ${t.container.image}, ${t.reason}`;
}

/** `container "redis" of StatefulSet cache (deploy/redis.yaml:12) runs redis:7.2, <reason>`. */
export function describeThirdParty(t: ThirdPartyContainer): string {
  return `${thirdPartyContainerName(t)} ${thirdPartyWhy(t)}`;
}
