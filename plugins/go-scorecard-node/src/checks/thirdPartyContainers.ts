import { Container, ServiceFacts, Workload } from '../facts';
import { RepositoryImages, ThirdPartyReason } from '../k8s/thirdPartyImages';

/** A container left out of a k8s check: it runs a third-party image. */
export interface ThirdPartyContainer {
  workload: Workload;
  container: Container;
  reason: ThirdPartyReason;
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

/** `a stock image the repository does not build`, `not one of the images the repository builds (…)`. */
export function reasonText(reason: ThirdPartyReason): string {
  if (reason.k === 'stock')
    return 'a stock image the repository does not build';
  const { built } = reason;
  const list =
    built.length > 4 ? `${built.slice(0, 4).join(', ')}, …` : built.join(', ');
  return `not one of the images the repository builds (${list})`;
}

/** `runs redis:7.2, a stock image the repository does not build`. */
export function thirdPartyWhy(t: ThirdPartyContainer): string {
  return `runs ${t.container.image}, ${reasonText(t.reason)}`;
}

/** `container "redis" of StatefulSet cache (deploy/redis.yaml:12) runs redis:7.2, <reason>`. */
export function describeThirdParty(t: ThirdPartyContainer): string {
  return `${thirdPartyContainerName(t)} ${thirdPartyWhy(t)}`;
}
