import { Container, Workload } from '../facts';

function mergeContainer(base: Container, patch: Container): Container {
  const env = [...base.env];
  for (const e of patch.env) {
    const i = env.findIndex(b => b.name === e.name);
    if (i >= 0) env[i] = e;
    else env.push(e);
  }
  return {
    ...base,
    servesTraffic: base.servesTraffic || patch.servesTraffic,
    preStop: patch.preStop ?? base.preStop,
    env,
    // A list of strings is replaced whole by a strategic merge.
    ...(patch.args ?? base.args ? { args: patch.args ?? base.args } : {}),
  };
}

/**
 * One strategic-merge patch applied to a workload: see {@link mergeKustomizePatches} for
 * which fields win. The base's kind, name and ref are kept.
 */
export function mergeStrategicPatch(base: Workload, patch: Workload): Workload {
  return {
    ...base,
    terminationGracePeriodSeconds:
      patch.terminationGracePeriodSeconds ?? base.terminationGracePeriodSeconds,
    ndots: patch.ndots ?? base.ndots,
    containers: base.containers.map(c => {
      const p = patch.containers.find(pc => pc.name === c.name);
      return p ? mergeContainer(c, p) : c;
    }),
  };
}

/**
 * Applies Kustomize strategic-merge patches (workloads marked `patch`, typically in an
 * overlay) to the workloads of the same kind and name: a patch's
 * terminationGracePeriodSeconds, ndots, and per container (by name) preStop hook and env
 * entries win; ports and probes add up. For patch files no kustomization names: each is
 * applied to every workload of its kind and name, wherever it lies (the patches a
 * kustomization names apply per root kustomization, `applyKustomizePatches`). Patches
 * without a base are dropped. Returns new objects; the input is not changed.
 */
export function mergeKustomizePatches(workloads: Workload[]): Workload[] {
  const patches = workloads.filter(w => w.patch);
  if (patches.length === 0) return workloads;
  return workloads
    .filter(w => !w.patch)
    .map(base =>
      patches
        .filter(p => p.kind === base.kind && p.name === base.name)
        .reduce(mergeStrategicPatch, base),
    );
}
