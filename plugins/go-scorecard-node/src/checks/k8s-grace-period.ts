import { builtIntoBinaries } from '../program/builtIntoBinaries';
import { runsIn } from '../program/binaries';
import { readsConfigKey } from '../config/configValues';
import {
  GoFileFacts,
  ServiceFacts,
  ShutdownBound,
  ValueExpr,
  Workload,
} from '../facts';
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

/** What one drain bound allows, before a workload's values are known. */
interface BoundBudget {
  /** The longest of its values that no workload changes. */
  best: DrainBudget;
  /** The environment variables and flags it is read from, with their units (see `scaledSeconds`). */
  reads: WorkloadRead[];
  /** Its values that are the code's defaults of environment variables, kept apart per workload. */
  defaults: { seconds: number; at: string; vars: string[] }[];
}

/** The values of one bound, followed through the program (see {@link shutdownSeconds}). */
function boundBudget(
  facts: ServiceFacts,
  program: ServiceProgram,
  file: GoFileFacts,
  bound: ShutdownBound,
): BoundBudget {
  const budget: BoundBudget = { best: { seconds: 0 }, reads: [], defaults: [] };
  const consider = (
    seconds: number | undefined,
    at: string,
    vars?: string[],
  ) => {
    if (vars && seconds !== undefined)
      budget.defaults.push({ seconds, at, vars });
    else budget.best = longer(budget.best, seconds, at);
  };
  for (const o of program.values.origins(bound.value, {
    file,
    owner: bound.owner ?? -1,
  })) {
    if (o.k === 'env' || o.k === 'flag') budget.reads.push(o);
    if (o.k === 'config')
      for (const v of facts.configValues)
        if (readsConfigKey(o.key, v.key))
          consider(scaledSeconds(o, filled(o, v.value)), `${v.path}:${v.line}`);
    let seconds: number | undefined;
    if (bound.kind === 'duration') seconds = durationSeconds(o);
    else if (o.k === 'number' && o.seconds) seconds = o.value;
    consider(
      seconds,
      `${o.at.path}:${o.at.line}`,
      o.k === 'string' || o.k === 'number' ? o.defaultFor : undefined,
    );
  }
  return budget;
}

/**
 * What a bound allows: for the service (every default counts), or for one workload (a variable
 * every Go container of the workload gives replaces the code's default of that variable there; a
 * default of another variable stays; what its containers give the variables and flags counts).
 */
function budgetOf(
  facts: ServiceFacts,
  b: BoundBudget,
  w: Workload | undefined,
): DrainBudget {
  if (!w)
    return b.defaults.reduce((x, d) => longer(x, d.seconds, d.at), b.best);
  let own = b.best;
  const given = workloadValues(facts, b.reads, [w]);
  const containers = [...goContainers(facts, [w])].map(c => c.container);
  const replaced = (vars: string[]) =>
    containers.length > 0 &&
    containers.every(c =>
      given.some(
        g =>
          g.container === c &&
          g.read.k === 'env' &&
          vars.includes(g.read.name) &&
          scaledSeconds(g.read, filled(g.read, g.value.value)) !== undefined,
      ),
    );
  for (const d of b.defaults)
    if (!replaced(d.vars)) own = longer(own, d.seconds, d.at);
  for (const { value, read } of given)
    own = longer(
      own,
      scaledSeconds(read, filled(read, value.value)),
      `${value.path}:${value.line}`,
    );
  return own;
}

/** Deepest chain of locals followed back to the timeout a drain's context comes from. */
const MAX_CONTEXT_DEPTH = 4;

/**
 * The `context.WithTimeout`/`WithDeadline` calls on `context.Background()` or `context.TODO()` a
 * drain call's context comes from (`ctx, cancel := context.WithTimeout(context.Background(), d)`
 * then `srv.Shutdown(ctx)`), by place; a duration handed to the drain call is its own
 * (`app.ShutdownWithTimeout(d)`). Undefined when the bound may come from anything else (a
 * parameter, a context derived from another one, whose deadline may be shared).
 */
function ownTimeouts(
  file: GoFileFacts,
  bound: ShutdownBound,
): string[] | undefined {
  if (bound.kind === 'duration') return [`${bound.path}:${bound.line}`];
  const from = (v: ValueExpr, depth: number): string[] | undefined => {
    if (v.k === 'timeout')
      return v.fresh ? [`${v.at.path}:${v.at.line}`] : undefined;
    if (v.k !== 'local' || depth >= MAX_CONTEXT_DEPTH) return undefined;
    const defs = file.program.locals[v.id]?.defs ?? [];
    const out: string[] = [];
    for (const d of defs) {
      const keys = from(d, depth + 1);
      if (!keys) return undefined;
      out.push(...keys);
    }
    return out.length ? out : undefined;
  };
  return from(bound.value, 0);
}

/**
 * The drains a function runs one after another, each under its own timeout: drain calls in
 * statements of its body itself (`StatementPlace.sync`; not in a goroutine, a loop, a branch),
 * whose contexts come from distinct `context.WithTimeout` calls on a root context (see
 * {@link ownTimeouts}). Bounds that may share a timeout are one step (the longest of them).
 */
class DrainSequence {
  readonly steps: { keys: Set<string>; budgets: BoundBudget[] }[] = [];

  add(keys: string[], budget: BoundBudget) {
    const joined = { keys: new Set(keys), budgets: [budget] };
    for (let i = this.steps.length - 1; i >= 0; i--) {
      const step = this.steps[i];
      if (![...step.keys].some(k => joined.keys.has(k))) continue;
      step.keys.forEach(k => joined.keys.add(k));
      joined.budgets.push(...step.budgets);
      this.steps.splice(i, 1);
    }
    this.steps.push(joined);
  }

  /** The steps' budgets added up: Kubernetes counts the grace period from SIGTERM on. */
  total(of: (b: BoundBudget) => DrainBudget): DrainBudget {
    let seconds = 0;
    const at: string[] = [];
    for (const step of this.steps) {
      const longest = step.budgets
        .map(of)
        .reduce((x, y) => (y.seconds > x.seconds ? y : x), { seconds: 0 });
      seconds += longest.seconds;
      if (longest.at && longest.seconds > 0) at.push(longest.at);
    }
    // In whole nanoseconds, as each step's bound is (0.1 s + 0.2 s is 0.3 s).
    const exact = durationResolution(seconds);
    return at.length
      ? { seconds: exact, at: at.join(' + ') }
      : { seconds: exact };
  }
}

/**
 * The longest drain the Go code allows, in seconds (0 when nothing bounds one): every shutdown
 * bound of the non-test files that runs in a binary (every one, in a tree with no binary), followed through the program (a context from
 * `context.WithTimeout` passed down to `Shutdown`, a duration from a const, a flag, a config
 * default), with where it is written; drains a function runs one after another under their own
 * timeouts add up (see {@link DrainSequence}). A duration read from a config key is also the value a
 * config file of the tree gives that key (`shutdown_timeout: 45s`); one read from an environment
 * variable is also the value a workload gives it, for that workload only (`workloadSeconds`).
 */
export function shutdownSeconds(
  facts: ServiceFacts,
  program: ServiceProgram,
): DrainBudget & { workloadSeconds: (w: Workload) => DrainBudget } {
  const singles: BoundBudget[] = [];
  const sequences = new Map<string, DrainSequence>();
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
      const budget = boundBudget(facts, program, file, bound);
      const keys = bound.place?.sync ? ownTimeouts(file, bound) : undefined;
      if (!keys) {
        singles.push(budget);
        continue;
      }
      const fn = `${file.path}#${bound.owner}`;
      let sequence = sequences.get(fn);
      if (!sequence) {
        sequence = new DrainSequence();
        sequences.set(fn, sequence);
      }
      sequence.add(keys, budget);
    }
  }
  const longest = (w: Workload | undefined): DrainBudget => {
    const of = (b: BoundBudget) => budgetOf(facts, b, w);
    let best: DrainBudget = { seconds: 0 };
    const keep = (d: DrainBudget) => {
      if (d.seconds > best.seconds) best = d;
    };
    singles.forEach(b => keep(of(b)));
    for (const sequence of sequences.values()) keep(sequence.total(of));
    return best;
  };
  return { ...longest(undefined), workloadSeconds: w => longest(w) };
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
