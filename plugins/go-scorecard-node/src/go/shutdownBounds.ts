import { ShutdownBound } from '../facts';
import { MethodCall } from './methodCalls';
import { PackageRef } from './packageRefs';
import { callArguments, GoSource, refOf, topLevelOf } from './syntax';
import { ValueReader } from './values';
import { wordSites } from './wordSites';

/** References to the packages that make servers, by package. */
export interface ServerPackageRefs {
  http: PackageRef[];
  grpc: PackageRef[];
  context: PackageRef[];
  frameworks: PackageRef[];
}

/** Timers a GracefulStop may be raced against, and contexts that bound a drain: the duration's argument. */
const TIMER_FUNCS: Record<string, number> = {
  After: 0,
  NewTimer: 0,
  AfterFunc: 0,
};
const TIMEOUT_FUNCS: Record<string, number> = {
  WithTimeout: 1,
  WithTimeoutCause: 1,
};

/**
 * What bounds the drains of a file (design.md, Rule notes: "Shutdown bounds"): the context handed
 * to a server's `Shutdown(ctx)` (net/http, echo, a framework's `ShutdownWithContext`), fiber's
 * `ShutdownWithTimeout(d)`, echo v5's `GracefulTimeout: d`, and every `time.After(d)`,
 * `time.NewTimer(d)` or `context.WithTimeout(_, d)` in a top-level declaration that calls
 * `GracefulStop()` (a timer raced against it). Values stay expressions: the link step follows them.
 */
export function shutdownBounds(
  src: GoSource,
  values: ValueReader,
  refs: ServerPackageRefs,
  timeRefs: () => PackageRef[],
  shutdowns: MethodCall[],
  gracefulStops: MethodCall[],
): ShutdownBound[] {
  const bounds: ShutdownBound[] = [];
  for (const s of shutdowns) {
    const arg = callArguments(s.call)[0];
    if (!arg) continue;
    const kind = s.name === 'ShutdownWithTimeout' ? 'duration' : 'context';
    bounds.push({ kind, value: values.value(arg), ...refOf(src, s.call) });
  }
  for (const site of wordSites(src, 'GracefulTimeout')) {
    const key = site.parent?.type === 'literal_element' ? site.parent : site;
    const element = key.parent;
    if (
      element?.type !== 'keyed_element' ||
      element.namedChild(0)?.id !== key.id
    )
      continue;
    const value = element.namedChild(1);
    const v = value?.type === 'literal_element' ? value.namedChild(0) : value;
    if (v)
      bounds.push({
        kind: 'duration',
        value: values.value(v),
        ...refOf(src, element),
      });
  }
  const scopes = new Set(gracefulStops.map(g => topLevelOf(g.call).id));
  if (scopes.size) {
    const candidates = [
      ...timeRefs()
        .filter(r => r.call && TIMER_FUNCS[r.name] !== undefined)
        .map(r => ({ call: r.call!, arg: TIMER_FUNCS[r.name] })),
      ...refs.context
        .filter(r => r.call && TIMEOUT_FUNCS[r.name] !== undefined)
        .map(r => ({ call: r.call!, arg: TIMEOUT_FUNCS[r.name] })),
    ];
    for (const { call, arg } of candidates) {
      if (!scopes.has(topLevelOf(call).id)) continue;
      const d = callArguments(call)[arg];
      if (d)
        bounds.push({
          kind: 'duration',
          value: values.value(d),
          ...refOf(src, call),
        });
    }
  }
  return bounds;
}
