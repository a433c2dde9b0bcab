import { Finding } from '@internal/plugin-go-scorecard-common';
import {
  DialTarget,
  GoFileFacts,
  LocatedValue,
  ServiceFacts,
  Workload,
} from '../facts';
import { dotCount, isShortKubernetesTarget, targetHost } from './target';

/** Kubernetes' default `ndots` in a pod's resolv.conf. */
const DEFAULT_NDOTS = 5;

/** The gRPC package whose import makes the gRPC checks applicable. */
const GRPC_PACKAGE = 'google.golang.org/grpc';

/**
 * The ndots the service's lookups run with: the largest `dnsConfig` ndots when every
 * workload sets one, else Kubernetes' default 5.
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

function problem(value: string, ndots: number): string {
  const host = targetHost(value)!;
  const dots = dotCount(host);
  return `has ${dots} dot${
    dots === 1 ? '' : 's'
  }, fewer than ndots ${ndots}, and no trailing dot, so every lookup first walks the pod's DNS search domains; use "${qualified(
    value,
  )}"`;
}

function dialName(target: DialTarget): string {
  return `grpc.${target.func} at ${target.path}:${target.line}`;
}

/**
 * The `grpc-short-target` findings of a service: each literal or default that may be a
 * gRPC dial target, and each manifest env value feeding one, that
 * {@link isShortKubernetesTarget} calls short under the service's ndots.
 */
export function shortTargetFindings(facts: ServiceFacts): Finding[] {
  const ndots = effectiveNdots(facts.workloads);
  const findings = new Map<string, Finding>();
  const add = (v: LocatedValue, message: string) => {
    const key = `${v.path}:${v.line}:${v.value}`;
    if (!findings.has(key))
      findings.set(key, {
        path: v.path,
        line: v.line,
        snippet: v.snippet,
        message,
      });
  };
  for (const file of facts.goFiles) {
    for (const dialed of file.dialTargets) {
      const target = withPackageValues(dialed, file.dir, facts.goFiles);
      for (const v of target.values) {
        if (!isShortKubernetesTarget(v.value, ndots)) continue;
        add(
          v,
          `gRPC target "${v.value}" of ${dialName(target)} ${problem(
            v.value,
            ndots,
          )}`,
        );
      }
      for (const name of target.envVars) {
        for (const w of facts.workloads) {
          for (const c of w.containers) {
            for (const e of c.env) {
              if (
                e.name !== name ||
                !e.value ||
                !isShortKubernetesTarget(e.value.value, ndots)
              )
                continue;
              add(
                e.value,
                `env ${name}="${e.value.value}" of container "${c.name}" (${
                  w.kind
                } ${w.name}) is the gRPC target of ${dialName(
                  target,
                )}; it ${problem(e.value.value, ndots)}`,
              );
            }
          }
        }
      }
    }
  }
  return [...findings.values()];
}

/**
 * The target with the values and env vars of the package-level names it uses that its own
 * file does not declare, from the other files of its package (same folder).
 */
function withPackageValues(target: DialTarget, dir: string, files: GoFileFacts[]): DialTarget {
  if (!target.packageNames.length) return target;
  const found = files
    .filter(f => f.dir === dir)
    .flatMap(f => target.packageNames.map(name => f.packageValues[name]))
    .filter(Boolean);
  return {
    ...target,
    values: [...target.values, ...found.flatMap(v => v.values)],
    envVars: [...new Set([...target.envVars, ...found.flatMap(v => v.envVars)])],
  };
}

/** Whether any Go file imports the gRPC package. */
export function usesGrpc(facts: ServiceFacts): boolean {
  return facts.goFiles.some(f => f.imports.some(i => i.path === GRPC_PACKAGE));
}
