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
  /** The container that gives it. */
  container: Container;
  /**
   * The value stands in for one the pod learns at run time (its namespace): it tells what the
   * value it is part of looks like, not a value of its own.
   */
  standIn?: true;
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

/** Kubernetes' `$(VAR)` reference to a container env variable. */
const ENV_REFERENCE = /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g;

/**
 * What a namespace reference reads as: one DNS label, as `helm template` renders
 * `.Release.Namespace`, so that `ratings.$(POD_NAMESPACE):9080` has one dot.
 */
export const NAMESPACE_STAND_IN = 'default';

/** The pod's namespace, as a `fieldRef` names it. */
const NAMESPACE_FIELD = 'metadata.namespace';

/**
 * A value with its `$(VAR)` references replaced as the kubelet expands them (Kubernetes docs,
 * "Define Dependent Environment Variables"): by a variable of the container listed before
 * `before` (all of them for `command`/`args`) with a literal value, or the pod's namespace
 * (`fieldRef: metadata.namespace`, read as {@link NAMESPACE_STAND_IN}); undefined when one names
 * a variable whose value cannot be told.
 */
export function expandReferences(
  value: string,
  c: Container,
  before = c.env.length,
): string | undefined {
  if (!value.includes('$(')) return value;
  let unknown = false;
  const listed = c.env.slice(0, before);
  const out = value.replace(ENV_REFERENCE, (_, name: string) => {
    const e = listed.filter(x => x.name === name).pop();
    const v =
      e?.value?.value ??
      (e?.fieldRef?.value === NAMESPACE_FIELD ? NAMESPACE_STAND_IN : undefined);
    if (v === undefined) unknown = true;
    return v ?? '';
  });
  return unknown ? undefined : out;
}

/**
 * The values the service's workloads give an environment variable: a container's `env` value, a
 * ConfigMap entry it names with `valueFrom.configMapKeyRef`, or one an `envFrom` ConfigMap holds
 * under the name (after the prefix), from the ConfigMaps of that name the workload sees
 * ({@link visibleConfigMaps}); `$(VAR)` references in an `env` value expanded ({@link
 * expandReferences}). A container of the repository's programs in another language
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
    c.env.forEach((e, i) => {
      if (e.name !== name) return;
      const value = e.value && expandReferences(e.value.value, c, i);
      if (e.value && value !== undefined)
        out.push({
          value: { ...e.value, value },
          where:
            value === e.value.value
              ? where
              : `${where}, expanded from "${e.value.value}",`,
          workload: w,
          container: c,
        });
      // The pod's namespace: one label, whatever it is (`"users." + ns + ".svc.cluster.local"`).
      if (e.fieldRef?.value === NAMESPACE_FIELD)
        out.push({
          value: { ...e.fieldRef, value: NAMESPACE_STAND_IN },
          where: `${where}, the pod's namespace (one label, read as "${NAMESPACE_STAND_IN}"),`,
          workload: w,
          container: c,
          standIn: true,
        });
      const ref = e.configMapKeyRef;
      for (const map of ref ? visibleConfigMaps(facts, ref.name, w) : []) {
        const data = map.data[ref!.key];
        if (data)
          out.push({
            value: data,
            where: `${where}, from ConfigMap ${ref!.name}`,
            workload: w,
            container: c,
          });
      }
    });
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
            container: c,
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
