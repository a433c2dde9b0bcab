import {
  ConfigMapFacts,
  Container,
  LocatedValue,
  ServiceFacts,
  Workload,
} from '../facts';
import { runsOtherLanguage } from './otherLanguageImages';

/** A value a workload gives the service's program; `where` names the container, for messages. */
export interface GivenValue {
  value: LocatedValue;
  where: string;
  workload: Workload;
}

/**
 * The containers of some workloads that may run the service's Go programs: a container of the
 * repository's programs in another language is left out (see `otherLanguageImages`).
 */
export function* goContainers(
  facts: ServiceFacts,
  workloads: Workload[],
): Generator<{ workload: Workload; container: Container; where: string }> {
  for (const workload of workloads)
    for (const container of workload.containers)
      if (!runsOtherLanguage(facts, container))
        yield {
          workload,
          container,
          where: `of container "${container.name}" (${workload.kind} ${workload.name})`,
        };
}

/**
 * The values the service's workloads give an environment variable: a container's `env` value, a
 * ConfigMap entry it names with `valueFrom.configMapKeyRef`, or one an `envFrom` ConfigMap holds
 * under the name (after the prefix), from the ConfigMaps of that name the workload sees
 * ({@link visibleConfigMaps}). A container of the repository's programs in another language
 * is left out (see `otherLanguageImages`): no Go code reads its environment. `where` says which container, for messages. `workloads`:
 * those to look in (all of the service's by default).
 */
export function envValues(
  facts: ServiceFacts,
  name: string,
  workloads: Workload[] = facts.workloads,
): GivenValue[] {
  const out: GivenValue[] = [];
  for (const { workload: w, container: c, where } of goContainers(
    facts,
    workloads,
  )) {
    for (const e of c.env) {
      if (e.name !== name) continue;
      if (e.value) out.push({ value: e.value, where, workload: w });
      const ref = e.configMapKeyRef;
      for (const map of ref ? visibleConfigMaps(facts, ref.name, w) : []) {
        const data = map.data[ref!.key];
        if (data)
          out.push({
            value: data,
            where: `${where}, from ConfigMap ${ref!.name}`,
            workload: w,
          });
      }
    }
    for (const from of c.envFrom ?? []) {
      const prefix = from.prefix ?? '';
      if (!name.startsWith(prefix)) continue;
      for (const map of visibleConfigMaps(facts, from.configMap, w)) {
        const data = map.data[name.slice(prefix.length)];
        if (data)
          out.push({
            value: data,
            where: `${where}, from ConfigMap ${from.configMap}`,
            workload: w,
          });
      }
    }
  }
  return out;
}

/** How many leading path segments two paths share. */
function sharedDepth(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length - 1 && i < y.length - 1 && x[i] === y[i]) i++;
  return i;
}

/**
 * The ConfigMaps named `name` a workload sees: those its own root kustomization's
 * configMapGenerators make, else the ConfigMap manifests of that name nearest to the
 * workload's file (the most leading folders in common: the one deployed beside it, not a
 * docs example elsewhere in the repository).
 */
export function visibleConfigMaps(
  facts: ServiceFacts,
  name: string,
  w: Workload,
): ConfigMapFacts[] {
  const named = facts.configMaps.filter(c => c.name === name);
  const generated = named.filter(
    c => c.overlay !== undefined && c.overlay === w.overlay,
  );
  if (generated.length) return generated;
  const plain = named.filter(c => c.overlay === undefined);
  const depth = Math.max(
    -1,
    ...plain.map(c => sharedDepth(c.ref.path, w.ref.path)),
  );
  return plain.filter(c => sharedDepth(c.ref.path, w.ref.path) === depth);
}
