import { Node } from 'web-tree-sitter';
import { lastAtOrBefore } from '../text/lastAtOrBefore';
import { StatementPlace } from '../programFacts';
import type { GoSource } from './syntax';

const NESTING = new Set([
  'func_literal',
  'go_statement',
  'defer_statement',
  'block',
  'expression_case',
  'default_case',
  'type_case',
  'communication_case',
  'type_switch_statement',
  'expression_switch_statement',
  'select_statement',
  'for_statement',
]);

/** A top-level function or method of a file: its extent, and its body's statements once read. */
interface TopFunction {
  node: Node;
  start: number;
  end: number;
  statements?: Node[];
}

const functionsBySource = new WeakMap<GoSource, TopFunction[]>();

/** The top-level function or method declaration holding an offset, if any. */
export function topFunctionAt(src: GoSource, offset: number): Node | undefined {
  const fns = topFunctions(src);
  const fn = fns[lastAtOrBefore(fns, f => f.start, offset)];
  return fn && offset < fn.end ? fn.node : undefined;
}

function topFunctions(src: GoSource): TopFunction[] {
  let fns = functionsBySource.get(src);
  if (!fns) {
    fns = [];
    for (const n of src.root.namedChildren) {
      if (
        n?.type === 'function_declaration' ||
        n?.type === 'method_declaration'
      )
        fns.push({ node: n, start: n.startIndex, end: n.endIndex });
    }
    functionsBySource.set(src, fns);
  }
  return fns;
}

/**
 * Where a node sits in the body of its top-level function or method (see
 * {@link StatementPlace}): the index of the body statement that holds it, and whether it runs
 * to its end before the next body statement starts. Undefined outside a top-level function's
 * body (a package-level initializer, a signature) and in a test file.
 *
 * `sync` holds for a call in a body statement's own expression (`srv.Serve(l)`, `err :=
 * srv.Serve(l)`, `if err := srv.Serve(l); err != nil {…}`, `log.Fatal(srv.ListenAndServe())`),
 * not for one under `go`, `defer`, a function literal, a loop, a switch or select, or a nested
 * block: those may run later, elsewhere, or not at all (the arguments of a `go` or `defer`
 * statement's call are evaluated in place: `go log.Fatal(srv.ListenAndServe())` is sync).
 * `deferred` holds for one in the deferred call of a `defer` statement of the top-level function
 * itself, at any depth of its blocks (`defer handle()`, `defer func() { signal.Notify(…) }()`),
 * not of a function literal's own `defer`: it runs when the function returns (Go spec, "Defer
 * statements"). The statement is found by offset and the
 * path to the node walked down from it (a node's `parent` costs a walk from the root).
 */
export function statementPlace(
  src: GoSource,
  node: Node,
): StatementPlace | undefined {
  // A test file is never part of a binary: nothing asks where its calls sit.
  if (src.path.endsWith('_test.go')) return undefined;
  const at = node.startIndex;
  const fns = topFunctions(src);
  const fn = fns[lastAtOrBefore(fns, f => f.start, at)];
  if (!fn || at >= fn.end) return undefined;
  fn.statements ??= (
    fn.node
      .childForFieldName('body')
      ?.namedChildren.find(c => c?.type === 'statement_list')?.namedChildren ??
    []
  ).filter((c): c is Node => !!c && c.type !== 'comment');
  const stmts = fn.statements;
  const index = lastAtOrBefore(stmts, s => s.startIndex, at);
  const stmt = stmts[index];
  if (!stmt || node.endIndex > stmt.endIndex) return undefined;
  let cur = stmt;
  let sync = true;
  while (cur.id !== node.id) {
    const next = cur.childWithDescendant(node);
    if (!next) break;
    // Go spec, "Go statements" and "Defer statements": the function value and the arguments are
    // evaluated where the statement is; only the call itself runs later (`go
    // log.Fatal(srv.ListenAndServe())` serves in the calling goroutine).
    const now =
      (cur.type === 'go_statement' || cur.type === 'defer_statement') &&
      next.type === 'call_expression' &&
      next.id !== node.id &&
      evaluatedNow(next, node);
    if (now) {
      cur = now;
      continue;
    }
    // A function literal's own `defer` runs when the literal returns, not the top function.
    if (cur.type === 'func_literal') return { stmt: index };
    // Go spec, "Defer statements": the deferred call runs when the surrounding function returns.
    if (cur.type === 'defer_statement') return { stmt: index, deferred: true };
    if (
      NESTING.has(cur.type) ||
      (cur.type === 'if_statement' &&
        cur.childForFieldName('initializer')?.id !== next.id &&
        cur.childForFieldName('condition')?.id !== next.id)
    )
      sync = false;
    cur = next;
  }
  return sync ? { stmt: index, sync: true } : { stmt: index };
}

/**
 * The part of a `go` or `defer` statement's call holding `node` that is evaluated where the
 * statement is: its arguments, or the operand of a method value (`go newServer(cfg).Run()`).
 */
function evaluatedNow(call: Node, node: Node): Node | undefined {
  const inner = call.childWithDescendant(node);
  if (!inner) return undefined;
  if (inner.id === call.childForFieldName('arguments')?.id) return inner;
  const operand =
    inner.id === call.childForFieldName('function')?.id &&
    inner.type === 'selector_expression'
      ? inner.childForFieldName('operand')
      : undefined;
  return operand &&
    operand.startIndex <= node.startIndex &&
    node.endIndex <= operand.endIndex
    ? inner
    : undefined;
}
