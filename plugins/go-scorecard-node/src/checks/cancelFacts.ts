import { CancelFact, GoFileFacts, TypeRef } from '../facts';
import { CANCEL_FUNC_TYPES } from '../go/knownCalls';
import { ServiceProgram } from '../program/serviceProgram';

const isCancelFunc = (t: TypeRef | undefined): boolean =>
  t?.k === 'named' && t.pkg === 'context' && CANCEL_FUNC_TYPES.has(t.name);

/**
 * Whether a result type is a type of the tree declared as `context.CancelFunc` (or
 * `CancelCauseFunc`): `type CancelFunc = context.CancelFunc`, `type Stop context.CancelFunc`.
 */
function declaredCancelFunc(
  program: ServiceProgram,
  t: TypeRef | undefined,
  file: GoFileFacts,
): boolean {
  if (t?.k !== 'named' || t.pkg === 'context') return false;
  const resolved = program.program.resolveType(t, { file, owner: -1 });
  return resolved.k === 'named' && isCancelFunc(resolved.decl?.facts.type);
}

/**
 * A file's cancel facts the program confirms: those of `context.With*` calls, and those of
 * calls of the tree's functions and methods (`via`) whose callee resolves, and every function
 * it may be returns a `context.CancelFunc` (or `CancelCauseFunc`) at that result, a tree type
 * declared as one, or a `func()` that hands one back (`FuncFacts.cancelResults`).
 */
export function confirmedCancels(
  file: GoFileFacts,
  program: ServiceProgram,
): CancelFact[] {
  return file.cancels.filter(c => {
    if (!c.via) return true;
    const { callee, index } = c.via;
    const callees = program.program.callees(callee, {
      file,
      owner: c.owner ?? -1,
    });
    return (
      callees.length > 0 &&
      callees.every(
        fn =>
          isCancelFunc(fn.facts.results[index]) ||
          !!fn.facts.cancelResults?.includes(index) ||
          declaredCancelFunc(program, fn.facts.results[index], fn.file),
      )
    );
  });
}

/** The function that returned a cancel fact's cancel func, as a message names it. */
export function cancelSource(c: CancelFact): string {
  return c.via ? c.func ?? c.via.callee.name : `context.${c.func}`;
}
