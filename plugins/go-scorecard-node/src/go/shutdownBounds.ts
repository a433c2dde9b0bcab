import { ShutdownBound } from '../facts';
import { MethodCall, methodCalls } from './methodCalls';
import { PackageRef } from './packageRefs';
import { Framework, ServerFunc } from './serverMethods';
import { callArguments, GoSource, refOf, topLevelOf } from './syntax';
import { statementPlace } from './statementPlace';
import { ValueReader } from './values';
import { wordSites } from './wordSites';

/** References to the packages that make servers, by package. */
export interface ServerPackageRefs {
  http: PackageRef[];
  grpc: PackageRef[];
  /** References to the web frameworks' packages, with what each package makes. */
  frameworks: { ref: PackageRef; framework: Framework }[];
  /** Calls of library functions that serve or drain a server handed to them (`SERVER_FUNCS`). */
  serverFuncs: { ref: PackageRef; func: ServerFunc }[];
}

/** Timers a drain may be raced against: the duration's argument. */
const TIMER_FUNCS: Record<string, number> = {
  After: 0,
  NewTimer: 0,
  AfterFunc: 0,
};

/**
 * What bounds the drains of a file (design.md, Rule notes: "Shutdown bounds"): the context handed
 * to a server's `Shutdown(ctx)` (net/http, echo, a framework's `ShutdownWithContext`), fiber's
 * `ShutdownWithTimeout(d)`, echo v5's `GracefulTimeout: d`, and, in a top-level declaration that
 * calls `GracefulStop()`, every `time.After(d)`, `time.NewTimer(d)` or `time.AfterFunc(d, …)`
 * (a timer raced against it) and every context whose `Done()` it waits on (`<-ctx.Done()` with
 * `ctx` from `context.WithTimeout` here or in a caller); likewise every such timer in a
 * declaration that calls both `Shutdown` and `Close` on servers (`select { case <-done: case
 * <-time.After(d): srv.Close() }`, the drain raced against a timer with Close as the hard stop).
 * A `context.WithTimeout` whose `Done()` is not read there bounds something else (a startup
 * step), not the drain. Values stay expressions: the link step follows them.
 */
export function shutdownBounds(
  src: GoSource,
  values: ValueReader,
  timeRefs: () => PackageRef[],
  shutdowns: MethodCall[],
  gracefulStops: MethodCall[],
  closes: MethodCall[],
): ShutdownBound[] {
  const bounds: ShutdownBound[] = [];
  for (const s of shutdowns) {
    const kind = s.name === 'ShutdownWithTimeout' ? 'duration' : 'context';
    // A method value (`lifecycle.WaitAndShutdown(srv.Shutdown)`): what the function it is
    // handed to calls it with.
    const arg = s.value ? undefined : callArguments(s.call)[0];
    const value = s.value ? values.handed(s.call, 0) : arg && values.value(arg);
    const place = s.value ? undefined : statementPlace(src, s.call);
    if (value)
      bounds.push({
        kind,
        value,
        ...refOf(src, s.call),
        ...(place ? { place } : {}),
      });
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
  const closing = new Set(closes.map(c => topLevelOf(c.call).id));
  const timerScopes = new Set([
    ...scopes,
    ...shutdowns.map(s => topLevelOf(s.call).id).filter(id => closing.has(id)),
  ]);
  if (timerScopes.size) {
    for (const r of timeRefs()) {
      const arg = TIMER_FUNCS[r.name];
      if (
        !r.call ||
        arg === undefined ||
        !timerScopes.has(topLevelOf(r.call).id)
      )
        continue;
      const d = callArguments(r.call)[arg];
      if (d)
        bounds.push({
          kind: 'duration',
          value: values.value(d),
          ...refOf(src, r.call),
        });
    }
    for (const done of methodCalls(src, 'Done')) {
      if (done.value || callArguments(done.call).length) continue;
      if (!scopes.has(topLevelOf(done.call).id)) continue;
      bounds.push({
        kind: 'context',
        value: values.value(done.receiver),
        ...refOf(src, done.call),
      });
    }
  }
  return bounds;
}
