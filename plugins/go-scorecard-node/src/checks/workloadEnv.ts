import { LocatedValue, ServiceFacts, Workload } from '../facts';

/**
 * The values the service's workloads give an environment variable: a container's `env` value, a
 * ConfigMap entry it names with `valueFrom.configMapKeyRef`, or one an `envFrom` ConfigMap holds
 * under the name (after the prefix); every ConfigMap of that name the workload may see counts
 * (the manifests', and the generated ones of its root kustomization). `where` says which container, for messages. `workloads`:
 * those to look in (all of the service's by default).
 */
export function envValues(
  facts: ServiceFacts,
  name: string,
  workloads: Workload[] = facts.workloads,
): { value: LocatedValue; where: string; workload: Workload }[] {
  const out: { value: LocatedValue; where: string; workload: Workload }[] = [];
  // Every ConfigMap of the name the workload may see: the manifests', and those the
  // configMapGenerators of its own root kustomization make.
  const configMaps = (n: string, w: Workload) =>
    facts.configMaps.filter(
      c => c.name === n && (c.overlay === undefined || c.overlay === w.overlay),
    );
  for (const w of workloads) {
    for (const c of w.containers) {
      const where = `of container "${c.name}" (${w.kind} ${w.name})`;
      for (const e of c.env) {
        if (e.name !== name) continue;
        if (e.value) out.push({ value: e.value, where, workload: w });
        const ref = e.configMapKeyRef;
        for (const map of ref ? configMaps(ref.name, w) : []) {
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
        for (const map of configMaps(from.configMap, w)) {
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
  }
  return out;
}
