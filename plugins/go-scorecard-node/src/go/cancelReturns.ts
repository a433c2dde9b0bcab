import { Node } from 'web-tree-sitter';
import { cancelTarget } from './lostcancel';
import { Scopes } from './scopes';
import { enclosingFunction, returnedExpressions, unparen } from './syntax';

/**
 * The results of a function or method declaration typed `func()` that hand back the cancel func
 * of a context the function derives: every `return` gives, at that result, the cancel func of a
 * `context.With*` call of the function (`return ctx, cancel`, `return context.WithTimeout(ctx,
 * d)`, a bare return of a named result assigned one), a function literal that uses one (`return
 * ctx, func() { stop(); cancel() }`) or a no-op `func() {}` (a path that derived nothing), and
 * one `return` at least gives a cancel func. Their callers then hold a cancel func as they do
 * after `context.With*`: go vet's lostcancel reads only `context.CancelFunc` results of the
 * context package's own functions; wrapping the cancel func in a `func()` leaks the context the
 * same way when the caller drops it.
 *
 * `withCalls` are the file's `context.With*` calls (any function); `scopes` the declaration's.
 */
export function cancelReturnIndexes(
  fn: Node,
  withCalls: readonly Node[],
  scopes: Scopes,
): number[] {
  const slots = resultSlots(fn);
  const funcSlots = slots.flatMap((s, i) =>
    isBareFuncType(s.type) ? [i] : [],
  );
  if (funcSlots.length === 0) return [];
  const own = withCalls.filter(
    c =>
      c.startIndex >= fn.startIndex &&
      c.endIndex <= fn.endIndex &&
      enclosingFunction(c)?.id === fn.id,
  );
  // The declarations the cancel funcs of the function's own `context.With*` calls are assigned to.
  const cancels = new Set<number>();
  for (const call of own) {
    const lhs = cancelTarget(call, 1)?.lhs;
    const decl = lhs?.type === 'identifier' ? scopes.resolve(lhs) : undefined;
    if (decl) cancels.add(decl.id.id);
  }
  const isCancel = (id: Node) => {
    const decl = scopes.resolve(id);
    return !!decl && cancels.has(decl.id.id);
  };
  const returns = fn
    .descendantsOfType('return_statement')
    .filter((r): r is Node => !!r && enclosingFunction(r)?.id === fn.id);
  return funcSlots.filter(index => {
    let gives = false;
    for (const ret of returns) {
      const given = givenAt(ret, index, slots.length, own, slots);
      if (given === undefined) return false;
      if (given === 'none') continue;
      if (given.type === 'identifier') {
        if (!isCancel(given)) return false;
        gives = true;
      } else if (given.type === 'func_literal') {
        const body = given.childForFieldName('body');
        const uses = body
          ?.descendantsOfType('identifier')
          .some(id => !!id && isCancel(id));
        if (uses) gives = true;
        else if (body?.namedChildren.some(s => s?.type !== 'comment'))
          return false;
      } else if (given.type !== 'cancel') return false;
      else gives = true;
    }
    return gives;
  });
}

/** A result of the declaration: its name when it has one, and its type node. */
interface Slot {
  name?: Node;
  type: Node;
}

/** The declaration's results, one per value (`(a, b func())` gives two). */
function resultSlots(fn: Node): Slot[] {
  const result = fn.childForFieldName('result');
  if (!result) return [];
  if (result.type !== 'parameter_list') return [{ type: result }];
  const slots: Slot[] = [];
  for (const p of result.namedChildren) {
    if (p?.type !== 'parameter_declaration') continue;
    const type = p.childForFieldName('type');
    if (!type) continue;
    const names = p.childrenForFieldName('name').filter((n): n is Node => !!n);
    if (names.length === 0) slots.push({ type });
    for (const name of names) slots.push({ name, type });
  }
  return slots;
}

/** `func()`: no parameters, no results. */
function isBareFuncType(t: Node): boolean {
  if (t.type !== 'function_type') return false;
  const params = t.childForFieldName('parameters');
  return (
    !t.childForFieldName('result') &&
    (params?.namedChildren.filter(c => c?.type !== 'comment').length ?? 0) === 0
  );
}

/**
 * What a `return` gives at a result: the expression (a named result's identifier for a bare
 * return), `cancel` for `return context.WithX(…)` at its cancel func, `none` for `nil` (a
 * failure's return, `return nil, nil, err`), or undefined when it cannot be told.
 */
function givenAt(
  ret: Node,
  index: number,
  arity: number,
  withCalls: readonly Node[],
  slots: readonly Slot[],
): Node | { type: 'cancel' } | 'none' | undefined {
  const items = returnedExpressions(ret);
  if (items.length === 0) return slots[index]?.name ?? undefined;
  if (items.length === 1 && arity > 1) {
    const call = unparen(items[0]);
    return index === 1 && withCalls.some(c => c.id === call.id)
      ? { type: 'cancel' }
      : undefined;
  }
  if (items.length !== arity) return undefined;
  const item = unparen(items[index]);
  return item.type === 'nil' ? 'none' : item;
}
