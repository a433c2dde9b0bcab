import { CloseCall, FuncFacts, GoFileFacts, ValueExpr } from '../facts';
import { receiverName } from '../go/shutdownFallbacks';
import { ServiceProgram } from '../program/serviceProgram';
import { serverKindOfType } from './serverReceivers';

/** The name a value is known by in messages and in fallback matching (`srv`, `httpSrv` of `h.httpSrv`). */
function valueName(
  expr: ValueExpr,
  file: GoFileFacts,
  program: ServiceProgram,
  owner: number,
): string | undefined {
  switch (expr.k) {
    case 'field':
    case 'global':
      return expr.name;
    case 'local':
      return file.program.locals[expr.id]?.name;
    case 'param':
      return program.program.funcAt({ file, owner })?.facts.params[expr.index]
        ?.name;
    case 'addr':
      return valueName(expr.of, file, program, owner);
    default:
      return undefined;
  }
}

/**
 * The values a call hands to the closer parameter `param` of `fn`: its argument there; for a
 * variadic `cs ...io.Closer`, every argument from there on (`closeAll(db, srv)`); and the
 * elements of a slice literal handed whole (`closeAll([]io.Closer{db, srv}...)`).
 */
function closedArguments(
  fn: FuncFacts,
  args: ValueExpr[],
  param: number,
): ValueExpr[] {
  const handed =
    fn.variadic && param === fn.params.length - 1
      ? args.slice(param)
      : args.slice(param, param + 1);
  return handed.flatMap(a => (a.k === 'new' && a.elems ? a.elems : [a]));
}

/** The names of the tree's functions that close a closer parameter, per program. */
const closingHelpers = new WeakMap<ServiceProgram, Set<string | undefined>>();

/**
 * The calls of a file that hand an `*http.Server` to a helper of the tree that closes it
 * (`util.CloseQuietly(h.httpSrv)`, where `func CloseQuietly(c io.Closer) { _ = c.Close() }`): each
 * is a Close of that server at the call's line. One made where a Shutdown of a server of the
 * same name failed (its `if err != nil` branch), or in a function that calls Shutdown on it, is
 * the fallback after a drain (`afterShutdown`).
 */
export function helperCloses(
  program: ServiceProgram,
  file: GoFileFacts,
): CloseCall[] {
  let closers = closingHelpers.get(program);
  if (!closers) {
    closers = new Set(
      program.program.facts.goFiles.flatMap(f =>
        f.paramCloseCalls.flatMap(c =>
          c.owner === undefined || c.owner < 0
            ? []
            : [f.program.funcs[c.owner]?.name],
        ),
      ),
    );
    closingHelpers.set(program, closers);
  }
  const out: CloseCall[] = [];
  if (closers.size === 0) return out;
  for (const call of file.program.calls) {
    if (call.ref || !closers.has(call.callee.name)) continue;
    const site = { file, owner: call.owner };
    for (const fn of program.program.callees(call.callee, site)) {
      for (const close of fn.file.paramCloseCalls) {
        if (close.owner !== fn.index) continue;
        for (const arg of closedArguments(fn.facts, call.args, close.param)) {
          if (arg.k === 'unknown') continue;
          const kind = serverKindOfType(
            program,
            program.program.typeOf(arg, site),
            'Close',
          );
          if (kind !== 'http') continue;
          const name = valueName(arg, file, program, call.owner);
          const drainsThere = [
            ...file.httpServerShutdownCalls,
            ...file.unboundFieldCalls.filter(c => c.method === 'Shutdown'),
          ].some(s => s.owner === call.owner && receiverName(s) === name);
          const fallback = file.shutdownFallbacks.some(
            f => f.line === call.at.line && f.server === name,
          );
          out.push({
            path: call.at.path,
            line: call.at.line,
            snippet: call.at.snippet,
            callee: fn.facts.name,
            owner: call.owner,
            via: { callee: close.callee, path: close.path, line: close.line },
            ...(name !== undefined ? { server: name } : {}),
            ...(drainsThere || fallback ? { afterShutdown: true } : {}),
          });
        }
      }
    }
  }
  return out;
}
