import { builtIntoBinaries } from '../program/builtIntoBinaries';
import { readsConfigKey } from '../config/configValues';
import { resolvePlaceholders } from '../config/placeholders';
import { Finding } from '@internal/plugin-go-scorecard-common';
import { DialTarget, ServiceFacts, Workload } from '../facts';
import { ServiceProgram } from '../program/serviceProgram';
import { inOverlays } from './overlayFindings';
import { workloadValues } from './workloadValues';
import { envValues } from './workloadEnv';
import { flagValues } from './workloadFlags';
import { GRPC_CLIENT_PACKAGES } from '../go/knownCalls';
import { displayValue, filled, Origin } from '../program/origins';
import { dotCount, isShortKubernetesTarget, targetHost } from '../grpc/target';

/** Kubernetes' default `ndots` in a pod's resolv.conf. */
const DEFAULT_NDOTS = 5;

/** The packages whose import makes the gRPC checks applicable. */
const GRPC_PACKAGES: ReadonlySet<string> = new Set(GRPC_CLIENT_PACKAGES);

/**
 * The ndots the service's lookups run with where the pod is not known (a value in code or a config
 * file, which any workload of the service may run): the largest `dnsConfig` ndots when every
 * workload sets one, else Kubernetes' default 5. A manifest's env value is judged with the ndots of
 * the workload that sets it.
 */
function effectiveNdots(workloads: Workload[]): number {
  const set = workloads.map(w => w.ndots);
  if (set.length === 0 || set.some(n => n === undefined)) return DEFAULT_NDOTS;
  return Math.max(...(set as number[]));
}

/** A fully qualified spelling of a short target, for the fix in a message. */
function qualified(target: string): string {
  const host = targetHost(target)!;
  const dots = dotCount(host);
  let fqdn: string;
  if (host.endsWith('.svc.cluster.local')) fqdn = `${host}.`;
  else if (dots === 0) fqdn = `${host}.<namespace>.svc.cluster.local.`;
  else if (dots === 1) fqdn = `${host}.svc.cluster.local.`;
  else if (dots === 2 && host.endsWith('.svc')) fqdn = `${host}.cluster.local.`;
  else fqdn = `${host}.`;
  return target.trim().replace(host, fqdn);
}

/** What is wrong with a short target (its unknown parts shown as `…`). */
function problem(value: string, ndots: number): string {
  const host = targetHost(value)!;
  const dots = dotCount(host);
  return `has ${dots} dot${
    dots === 1 ? '' : 's'
  }, fewer than ndots ${ndots}, and no trailing dot, so every lookup first walks the pod's DNS search domains; use "${displayValue(
    qualified(value),
  )}"`;
}

function dialName(target: DialTarget): string {
  const func = target.func.includes('.') ? target.func : `grpc.${target.func}`;
  return `${func} at ${target.path}:${target.line}`;
}

/**
 * The short targets of a service, and which workloads dial them: the workloads whose env (or
 * ConfigMap) gives a short value, or `all` when a short value is written in code or a config
 * file, which any workload of the service may run.
 */
export interface ShortTargets {
  findings: Finding[];
  dialing: Set<Workload> | 'all';
  /** For each workload whose own env (or ConfigMap) gives a short target: where the first one is. */
  ownFirst: Map<Workload, { path: string; line: number }>;
  /**
   * Whether some target's value is a configuration key, so that the config files' values
   * were looked up: without one, a config file that could not be read hides nothing.
   */
  readsConfig: boolean;
}

const cache = new WeakMap<ServiceProgram, ShortTargets>();

/** See {@link ShortTargets}. */
export function shortTargets(
  facts: ServiceFacts,
  program: ServiceProgram,
): ShortTargets {
  const known = cache.get(program);
  if (known) return known;
  const result = computeShortTargets(facts, program);
  cache.set(program, result);
  return result;
}

function computeShortTargets(
  facts: ServiceFacts,
  program: ServiceProgram,
): ShortTargets {
  let dialing: Set<Workload> | 'all' = new Set<Workload>();
  const ownFirst = new Map<Workload, { path: string; line: number }>();
  let readsConfig = false;
  // A loader that resolves `${key:default}` in the values it reads (Kratos' config).
  const placeholders = facts.goFiles.some(f =>
    f.program.configLoads.some(l => l.resolvesPlaceholders),
  );
  const ndots = effectiveNdots(facts.workloads);
  // A value of a base's env is met once per root kustomization that includes it: one
  // finding, naming the overlays.
  // A value several dials read (two binaries reading one env variable) is one finding that
  // names every dial: the first in its message, the others after it.
  const findings = new Map<
    string,
    { finding: Finding; overlays: string[]; dials: string[] }
  >();
  const add = (
    v: { path: string; line: number; snippet: string },
    value: string,
    message: string,
    dial: string,
    overlay?: string,
  ) => {
    const key = `${v.path}:${v.line}:${value}`;
    let entry = findings.get(key);
    if (!entry) {
      entry = {
        finding: { path: v.path, line: v.line, snippet: v.snippet, message },
        overlays: [],
        dials: [dial],
      };
      findings.set(key, entry);
    } else if (!entry.dials.includes(dial)) entry.dials.push(dial);
    if (overlay !== undefined) entry.overlays.push(overlay);
  };
  for (const file of facts.goFiles) {
    // Tests dial in-process servers and local fakes, not the cluster's names; a file the
    // build leaves out dials nothing either.
    if (!builtIntoBinaries(file)) continue;
    for (const target of file.dialTargets) {
      const origins = program.values.origins(target.target, {
        file,
        owner: target.owner ?? -1,
      });
      for (const o of origins) {
        if (o.k !== 'string' || !isShortKubernetesTarget(o.value, ndots))
          continue;
        if (target.customDialer && reachesOwnDialer(target, o.value)) continue;
        dialing = 'all';
        add(
          o.at,
          o.value,
          `gRPC target "${displayValue(o.value)}" of ${dialName(
            target,
          )} ${problem(o.value, ndots)}`,
          dialName(target),
        );
      }
      // What a workload gives the env variables and flags the target is read from.
      // A target built from several variables is one finding, at the first that makes it.
      const judgedIn = new Set<string>();
      for (const {
        value,
        where,
        workload,
        container,
        what,
        read,
        standIn,
      } of workloadValues(facts, origins)) {
        if (standIn && !read.template) continue;
        // The value is looked up in the pods of the workload that sets it, with their ndots,
        // in the target it is part of (`"users." + ns`), its other variables as the same
        // container gives them.
        const own = workload.ndots ?? DEFAULT_NDOTS;
        const judged = filled(read, value.value, (kind, name) => {
          if (kind === 'config') return configValue(facts, name);
          const given =
            kind === 'env'
              ? envValues(facts, name, [workload])
              : flagValues(facts, name, [workload]);
          return given.find(g => g.container === container)?.value.value;
        });
        if (!isShortKubernetesTarget(judged, own)) continue;
        const once = `${workload.ref.path}:${workload.ref.line}|${judged}`;
        if (judgedIn.has(once)) continue;
        judgedIn.add(once);
        if (dialing !== 'all') dialing.add(workload);
        if (!ownFirst.has(workload)) ownFirst.set(workload, value);
        add(
          value,
          judged,
          `${what}="${value.value}" ${where} ${partOf(
            judged,
            value.value,
          )}the gRPC target of ${dialName(target)}; it ${problem(judged, own)}`,
          dialName(target),
          workload.overlay,
        );
      }
      const keys = origins.filter(
        (o): o is Extract<Origin, { k: 'config' }> => o.k === 'config',
      );
      if (keys.length) readsConfig = true;
      for (const v of facts.configValues) {
        for (const k of keys) {
          if (!readsConfigKey(k.key, v.key)) continue;
          const judged = filled(
            k,
            placeholders
              ? resolvePlaceholders(v.value, key => configValue(facts, key))
              : v.value,
            (kind, name) =>
              kind === 'config' ? configValue(facts, name) : undefined,
          );
          if (!isShortKubernetesTarget(judged, ndots)) continue;
          if (judgedIn.has(`config|${judged}`)) continue;
          judgedIn.add(`config|${judged}`);
          dialing = 'all';
          add(
            v,
            judged,
            `config key ${v.key}="${v.value}" ${partOf(
              judged,
              v.value,
            )}the gRPC target of ${dialName(target)}; it ${problem(
              judged,
              ndots,
            )}`,
            dialName(target),
          );
        }
      }
    }
  }
  return {
    findings: [...findings.values()].map(({ finding, overlays, dials }) => {
      let message = finding.message;
      if (dials.length > 1)
        message += ` (also the target of ${dials.slice(1).join(', ')})`;
      if (overlays.length) message += inOverlays(overlays);
      return message === finding.message ? finding : { ...finding, message };
    }),
    dialing,
    ownFirst,
    readsConfig,
  };
}

/**
 * Whether a target goes to the caller's own dialer rather than to DNS: under the `passthrough`
 * resolver (explicit, or the default of Dial and DialContext) the name is handed to the dialer
 * as is; the `dns` resolver looks it up first.
 */
function reachesOwnDialer(target: DialTarget, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v.startsWith('passthrough:')) return true;
  if (v.startsWith('dns:')) return false;
  return target.func === 'Dial' || target.func === 'DialContext';
}

/** Whether any Go file imports a gRPC package. */
export function usesGrpc(facts: ServiceFacts): boolean {
  return facts.goFiles.some(f =>
    f.imports.some(i => GRPC_PACKAGES.has(i.path)),
  );
}

/** `is ` a value that is the whole target, `makes "users.prod:9090", ` one that is a part of it. */
function partOf(judged: string, value: string): string {
  return judged === value ? 'is ' : `is part of "${displayValue(judged)}", `;
}

/** The value a configuration file gives a key (the first, when several do). */
function configValue(facts: ServiceFacts, key: string): string | undefined {
  return facts.configValues.find(v => readsConfigKey(key, v.key))?.value;
}
