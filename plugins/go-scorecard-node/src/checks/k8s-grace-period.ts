import { builtIntoBinaries } from '../program/builtIntoBinaries';
import { runsIn } from '../program/binaries';
import { readsConfigKey } from '../config/configValues';
import { ServiceFacts, Workload } from '../facts';
import { ServiceProgram } from '../program/serviceProgram';
import {
  durationResolution,
  durationSeconds,
  filled,
  scaledSeconds,
} from '../program/origins';
import {
  reasonText,
  thirdPartyContainerName,
  thirdPartyContainers,
  thirdPartyWhy,
} from './thirdPartyContainers';
import { hiddenByTemplate } from './templateLines';
import { Check, findingsOutcome } from './types';
import { OverlayFindings } from './overlayFindings';
import { workloadValues, WorkloadRead } from './workloadValues';
import { goContainers } from './workloadEnv';

/** Kubernetes' default terminationGracePeriodSeconds. */
const DEFAULT_GRACE_SECONDS = 30;

/** The longest drain, in seconds, and where its bound is written (`path:line`). */
export interface DrainBudget {
  seconds: number;
  at?: string;
}

/** `budget`, or `seconds` at `at` when they are longer. */
function longer(
  budget: DrainBudget,
  seconds: number | undefined,
  at: string,
): DrainBudget {
  if (seconds === undefined) return budget;
  const exact = durationResolution(seconds);
  return exact > budget.seconds ? { seconds: exact, at } : budget;
}

/**
 * The longest drain the Go code allows, in seconds (0 when nothing bounds one): every shutdown
 * bound of the non-test files that runs in a binary (every one, in a tree with no binary), followed through the program (a context from
 * `context.WithTimeout` passed down to `Shutdown`, a duration from a const, a flag, a config
 * default), with where it is written. A duration read from a config key is also the value a
 * config file of the tree gives that key (`shutdown_timeout: 45s`); one read from an environment
 * variable is also the value a workload gives it, for that workload only (`workloadSeconds`).
 */
export function shutdownSeconds(
  facts: ServiceFacts,
  program: ServiceProgram,
): DrainBudget & { workloadSeconds: (w: Workload) => DrainBudget } {
  let best: DrainBudget = { seconds: 0 };
  /** The environment variables and flags bounds are read from, with their units (see `scaledSeconds`). */
  const reads: WorkloadRead[] = [];
  /** Bounds that are the code's defaults of environment variables, kept apart per workload. */
  const defaults: { seconds: number; at: string; vars: string[] }[] = [];
  const consider = (
    seconds: number | undefined,
    at: string,
    vars?: string[],
  ) => {
    if (vars && seconds !== undefined) defaults.push({ seconds, at, vars });
    else best = longer(best, seconds, at);
  };
  // With binaries, a bound counts where one of them runs its function; a library (no binary)
  // keeps every bound of its built files.
  const bins = program.binaries;
  for (const file of facts.goFiles) {
    if (!builtIntoBinaries(file)) continue;
    for (const bound of file.shutdownBounds) {
      if (
        bins.length &&
        !bins.some(b => runsIn(b, program.program, file, bound.owner))
      )
        continue;
      for (const o of program.values.origins(bound.value, {
        file,
        owner: bound.owner ?? -1,
      })) {
        if (o.k === 'env' || o.k === 'flag') reads.push(o);
        if (o.k === 'config')
          for (const v of facts.configValues)
            if (readsConfigKey(o.key, v.key))
              consider(
                scaledSeconds(o, filled(o, v.value)),
                `${v.path}:${v.line}`,
              );
        let seconds: number | undefined;
        if (bound.kind === 'duration') seconds = durationSeconds(o);
        else if (o.k === 'number' && o.seconds) seconds = o.value;
        consider(
          seconds,
          `${o.at.path}:${o.at.line}`,
          o.k === 'string' || o.k === 'number' ? o.defaultFor : undefined,
        );
      }
    }
  }
  const service = defaults.reduce((b, d) => longer(b, d.seconds, d.at), best);
  return {
    ...service,
    workloadSeconds: w => {
      let own = best;
      const given = workloadValues(facts, reads, [w]);
      const containers = [...goContainers(facts, [w])].map(c => c.container);
      // A variable every Go container of the workload gives a duration replaces the code's
      // default of that variable there (a default of another variable stays).
      const replaced = (vars: string[]) =>
        containers.length > 0 &&
        containers.every(c =>
          given.some(
            g =>
              g.container === c &&
              g.read.k === 'env' &&
              vars.includes(g.read.name) &&
              scaledSeconds(g.read, filled(g.read, g.value.value)) !==
                undefined,
          ),
        );
      for (const d of defaults)
        if (!replaced(d.vars)) own = longer(own, d.seconds, d.at);
      for (const { value, read } of given)
        own = longer(
          own,
          scaledSeconds(read, filled(read, value.value)),
          `${value.path}:${value.line}`,
        );
      return own;
    },
  };
}

/**
 * `k8s-grace-period`: a workload's terminationGracePeriodSeconds (30 when absent) is
 * shorter than its longest preStop sleep plus the shutdown timeout found in the Go code
 * (the largest one, 0 when none). Finding on the terminationGracePeriodSeconds line, or
 * on `kind:` when the default applies. Containers that run a third-party image
 * (`k8s/thirdPartyImages.ts`) are left out, with a note: a workload of only such containers
 * is not judged, and their preStop sleeps do not count; not applicable when no workload is
 * left.
 */
export const k8sGracePeriodCheck: Check = {
  id: 'k8s-grace-period',
  reads: ['manifest', 'go'],
  run(facts, program) {
    // No workload: what the Go code says cannot change that.
    if (facts.workloads.length === 0)
      return {
        notApplicable: 'no Deployment, StatefulSet or DaemonSet',
        decidedBy: ['manifest'],
      };
    const drains = shutdownSeconds(facts, program);
    const findings = new OverlayFindings();
    const thirdParty = thirdPartyContainers(facts);
    const workloadsLeftOut: string[] = [];
    const sleepsLeftOut: string[] = [];
    const undecided: string[] = [];
    for (const w of facts.workloads) {
      const own = w.containers.filter(c => !thirdParty.has(c));
      if (w.containers.length > 0 && own.length === 0) {
        const images = w.containers
          .map(c => `${c.image}, ${reasonText(thirdParty.get(c)!.reason)}`)
          .join('; ');
        workloadsLeftOut.push(
          `${w.kind} ${w.name} (${w.ref.path}:${w.ref.line}): ${images}`,
        );
        continue;
      }
      for (const c of w.containers) {
        const third = thirdParty.get(c);
        const seconds = c.preStop?.sleepSeconds;
        if (!third || !seconds) continue;
        const name = thirdPartyContainerName(third);
        sleepsLeftOut.push(
          `${seconds} s of ${name}, which ${thirdPartyWhy(third)}`,
        );
      }
      const grace = w.terminationGracePeriodSeconds;
      if (!grace && w.templated) {
        undecided.push(
          `the terminationGracePeriodSeconds of ${w.kind} ${w.name} (${
            w.ref.path
          }:${w.ref.line}): ${hiddenByTemplate(w.ref, w.templated)}`,
        );
        continue;
      }
      const budget = drains.workloadSeconds(w);
      const shutdown = budget.seconds;
      const sleep = Math.max(0, ...own.map(c => c.preStop?.sleepSeconds ?? 0));
      const granted = grace?.value ?? DEFAULT_GRACE_SECONDS;
      const needed = sleep + shutdown;
      if (granted >= needed) continue;
      const setting = grace
        ? `terminationGracePeriodSeconds ${granted}`
        : `terminationGracePeriodSeconds ${granted} (the default)`;
      findings.add(
        grace?.ref ?? w.ref,
        `${w.kind} ${
          w.name
        }: ${setting} < preStop sleep ${sleep} s + drain bound ${shutdown} s${
          budget.at ? ` (${budget.at})` : ''
        }: the kubelet kills the pod before it finishes draining; set terminationGracePeriodSeconds to at least ${Math.ceil(
          needed,
        )}`,
        w.overlay,
      );
    }
    // A base's workload is met once per root kustomization that includes it.
    const workloads = [...new Set(workloadsLeftOut)].join('; ');
    const sleeps = [...new Set(sleepsLeftOut)].join('; ');
    if (workloadsLeftOut.length === facts.workloads.length)
      return {
        notApplicable: `every workload runs only third-party images: ${workloads}`,
      };
    const notes: string[] = [];
    if (workloads)
      notes.push(
        `workloads left out, as they run only third-party images: ${workloads}`,
      );
    if (sleeps)
      notes.push(
        `preStop sleeps left out, of containers that run third-party images: ${sleeps}`,
      );
    return findingsOutcome(findings.findings(), notes, [...new Set(undecided)]);
  },
};
