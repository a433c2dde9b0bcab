import { Node } from 'web-tree-sitter';
import { isFatalCall } from './fatalCalls';
import { SIMPLE_STATEMENTS } from './flow';
import { ImportResolver } from './imports';
import {
  calledName,
  callArguments,
  qualifiedCall,
  enclosingFunction,
  GoSource,
  isFunctionNode,
  nextStatement,
  previousStatement,
  statementAfter,
  textOf,
  topLevelOf,
} from './syntax';
import { inLineComment, wordSites } from './wordSites';

/**
 * Whether an `if` statement compares with http.ErrServerClosed anywhere in it, or hands the
 * error in its condition to a helper of the tree or a library (`!httpx.IsClosed(err)`), which
 * may compare it one call away. The standard library's `errors.Is`/`errors.As` compare only
 * with what they are given.
 */
function mentionsErrServerClosed(
  src: GoSource,
  imports: ImportResolver,
  node: Node,
): boolean {
  if (wordSites(src, 'ErrServerClosed', node.startIndex, node.endIndex).length)
    return true;
  const condition = node.childForFieldName('condition');
  for (const call of condition?.descendantsOfType('call_expression') ?? []) {
    if (!call || !call.childForFieldName('arguments')?.namedChildCount)
      continue;
    const fn = call.childForFieldName('function');
    const qualifier =
      fn?.type === 'selector_expression'
        ? fn.childForFieldName('operand')
        : undefined;
    const path =
      qualifier?.type === 'identifier'
        ? imports.pathOf(textOf(src, qualifier))
        : undefined;
    if (path === 'errors' || path === 'github.com/pkg/errors') continue;
    return true;
  }
  return false;
}

/** The statements of a block (those of its statement list; comments left out). */
function statementsOf(block: Node | null): Node[] {
  const children = block?.namedChildren ?? [];
  const list = children.find(c => c?.type === 'statement_list');
  return (list ? list.namedChildren : children).filter(
    (c): c is Node => !!c && c.type !== 'comment',
  );
}

/** Whether a statement ends the process: a fatal call as an expression statement. */
function isFatalStatement(
  src: GoSource,
  imports: ImportResolver,
  stmt: Node | null,
): boolean {
  const expr =
    stmt?.type === 'expression_statement' ? stmt.namedChild(0) : null;
  return expr?.type === 'call_expression' && isFatalCall(src, imports, expr);
}

/** `if err != nil { log.Fatal(err) }` without a comparison with http.ErrServerClosed. */
function ifIsFatal(
  src: GoSource,
  imports: ImportResolver,
  ifStmt: Node,
): boolean {
  if (mentionsErrServerClosed(src, imports, ifStmt)) return false;
  return statementsOf(ifStmt.childForFieldName('consequence')).some(s =>
    isFatalStatement(src, imports, s),
  );
}

/**
 * Where a call's result goes: the call it is an argument of, or the statement that assigns it
 * (`err := f()`, `err = f()`), with the statement that next reads the variable (`if err != nil`
 * right after it, or past straight-line statements that do not name it: `err :=
 * srv.ListenAndServe(); <-shutdown; log.Println("stopped"); if err != nil { … }`), or else the
 * statement after it.
 */
export function resultUse(
  src: GoSource,
  call: Node,
): { argumentOf: Node } | { assignment: Node; next: Node | null } | undefined {
  let n = call;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const p = n.parent;
  if (p?.type === 'argument_list')
    return p.parent ? { argumentOf: p.parent } : undefined;
  const stmt = p?.type === 'expression_list' ? p.parent : null;
  if (
    !stmt ||
    (stmt.type !== 'short_var_declaration' &&
      stmt.type !== 'assignment_statement') ||
    stmt.childForFieldName('right')?.id !== p!.id
  )
    return undefined;
  const next = statementAfter(stmt);
  return { assignment: stmt, next: nextReader(src, stmt, next) };
}

/**
 * The statement that next reads what `stmt` assigns: `next`, or past straight-line statements
 * that do not name the variable.
 */
function nextReader(src: GoSource, stmt: Node, next: Node | null): Node | null {
  const left = stmt.childForFieldName('left')?.namedChild(0);
  if (stmt.parent?.type !== 'statement_list' || left?.type !== 'identifier')
    return next;
  const name = textOf(src, left);
  let reader = next;
  while (
    reader &&
    SIMPLE_STATEMENTS.has(reader.type) &&
    !wordSites(src, name, reader.startIndex, reader.endIndex).length
  )
    reader = nextStatement(reader);
  return reader ?? next;
}

/**
 * The receives of what a call's result is sent on (`errc <- srv.ListenAndServe()` in a goroutine,
 * then `<-errc` elsewhere in the same top-level function): a channel named by an identifier or a
 * selector, as written.
 */
function receivesOfSent(src: GoSource, call: Node): Node[] {
  let n = call;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const send = n.parent;
  const channel = send?.childForFieldName('channel');
  if (
    send?.type !== 'send_statement' ||
    send.childForFieldName('value')?.id !== n.id ||
    (channel?.type !== 'identifier' && channel?.type !== 'selector_expression')
  )
    return [];
  const name = textOf(src, channel);
  return topLevelOf(call)
    .descendantsOfType('unary_expression')
    .filter(
      (u): u is Node =>
        !!u &&
        textOf(src, u).startsWith('<-') &&
        textOf(src, u.childForFieldName('operand')!) === name,
    );
}

/**
 * The statement that reads a value received in a `select` case (`case err := <-errc:`): the
 * case's first statement that names it.
 */
function caseReader(src: GoSource, receive: Node): Node | null {
  const clause = receive.parent;
  if (clause?.type !== 'communication_case') return null;
  const list = clause.namedChildren.find(c => c?.type === 'statement_list');
  const first = list?.namedChildren.find(c => c && c.type !== 'comment');
  return first ? nextReader(src, receive, first) : null;
}

/**
 * Whether the error of a call ends the process without a comparison with
 * http.ErrServerClosed: `log.Fatal(srv.ListenAndServe())`, `if err := srv.ListenAndServe();
 * err != nil { log.Fatal(err) }`, or `err := ...` followed by such an `if`; also where it is
 * received when it is sent on a channel (`errc <- srv.ListenAndServe()`, then `log.Fatal(<-errc)`,
 * `if err := <-errc; err != nil { … }`, or `case err := <-errc:` and such a statement).
 */
export function serveErrorIsFatal(
  src: GoSource,
  imports: ImportResolver,
  call: Node,
  depth = 0,
): boolean {
  // Sent on a channel: judged where it is received (`if err := <-errc; err != nil { … }`).
  const receives = depth < 2 ? receivesOfSent(src, call) : [];
  if (receives.length)
    return receives.some(r => serveErrorIsFatal(src, imports, r, depth + 1));
  const receive = call.parent;
  const next =
    receive?.type === 'receive_statement' &&
    receive.childForFieldName('right')?.id === call.id
      ? caseReader(src, receive)
      : undefined;
  if (next !== undefined) return readerIsFatal(src, imports, next);
  const use = resultUse(src, call);
  if (!use) return false;
  if ('argumentOf' in use) {
    if (wrapsError(src, imports, use.argumentOf))
      return serveErrorIsFatal(src, imports, use.argumentOf, depth);
    return isFatalCall(src, imports, use.argumentOf);
  }
  return readerIsFatal(src, imports, use.next);
}

/** Whether the statement that reads an error ends the process on it. */
function readerIsFatal(
  src: GoSource,
  imports: ImportResolver,
  reader: Node | null,
): boolean {
  if (reader?.type === 'if_statement') return ifIsFatal(src, imports, reader);
  return isFatalStatement(src, imports, reader);
}

/**
 * The function a serve call's error is returned from, unchecked: `return srv.ListenAndServe()`,
 * or an `if` on it that does not compare it with http.ErrServerClosed and returns a value
 * (`if err := srv.ListenAndServe(); err != nil { return fmt.Errorf("serve: %w", err) }`).
 */
export function serveErrorReturnedFrom(
  src: GoSource,
  imports: ImportResolver,
  call: Node,
): Node | undefined {
  let n = call;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  if (
    n.parent?.type === 'expression_list' &&
    n.parent.parent?.type === 'return_statement'
  )
    return enclosingFunction(call);
  const use = resultUse(src, call);
  // Wrapped on the way (`return fmt.Errorf("listen: %w", srv.ListenAndServe())`): the
  // wrapper's error is the serve call's.
  if (use && 'argumentOf' in use && wrapsError(src, imports, use.argumentOf))
    return serveErrorReturnedFrom(src, imports, use.argumentOf);
  if (!use || 'argumentOf' in use || use.next?.type !== 'if_statement')
    return undefined;
  const ifStmt = use.next;
  if (mentionsErrServerClosed(src, imports, ifStmt)) return undefined;
  const returns = statementsOf(ifStmt.childForFieldName('consequence')).some(
    s =>
      s.type === 'return_statement' &&
      s.namedChildren.some(v => v && textOf(src, v) !== 'nil'),
  );
  return returns ? enclosingFunction(call) : undefined;
}

/** Calls that wrap an error into a new one, by package: fmt's, errors', github.com/pkg/errors'. */
const ERROR_WRAPPERS: Record<string, ReadonlySet<string>> = {
  fmt: new Set(['Errorf']),
  errors: new Set(['Join']),
  'github.com/pkg/errors': new Set([
    'Wrap',
    'Wrapf',
    'WithStack',
    'WithMessage',
    'WithMessagef',
  ]),
};

/** Whether a call makes an error out of its arguments (`fmt.Errorf("serve: %w", err)`). */
function wrapsError(
  src: GoSource,
  imports: ImportResolver,
  call: Node,
): boolean {
  const q = qualifiedCall(src, call);
  if (!q) return false;
  const path = imports.pathOf(q.qualifier);
  return !!path && !!ERROR_WRAPPERS[path]?.has(q.name);
}

/** The names of the calls {@link isFatalCall} accepts, before their `(`. */
const FATAL_CALL = /\b(?:Fatal(?:f|ln|w)?|Panic(?:f|ln|w)?|Exit|panic)\s*\(/g;

/**
 * The fatal calls of a file ({@link isFatalCall}), each as the whole logger chain
 * (`log.Fatal().Err(err).Msg("…")`), found from their names.
 */
function fatalCallsOf(src: GoSource, imports: ImportResolver): Node[] {
  if (!/Fatal|Exit|Panic|panic/.test(src.source)) return [];
  const out: Node[] = [];
  FATAL_CALL.lastIndex = 0;
  for (
    let m = FATAL_CALL.exec(src.source);
    m;
    m = FATAL_CALL.exec(src.source)
  ) {
    if (inLineComment(src.source, m.index)) continue;
    const site = src.root.descendantForIndex(m.index);
    if (!site || site.startIndex !== m.index) continue;
    let call: Node | null = site.parent;
    for (let up = 0; call && call.type !== 'call_expression' && up < 2; up++)
      call = call.parent;
    if (call?.type !== 'call_expression' || !isFatalCall(src, imports, call))
      continue;
    // A logger chain ends the process as a whole: `log.Fatal().Err(err).Msg("…")`.
    while (
      call.parent?.type === 'selector_expression' &&
      call.parent.parent?.type === 'call_expression'
    )
      call = call.parent.parent;
    out.push(call);
  }
  return out;
}

/** The `if` whose consequence is the statement of a call, if any. */
function ifAround(call: Node): Node | undefined {
  const stmt = call.parent;
  let block = stmt?.type === 'expression_statement' ? stmt.parent : null;
  if (block?.type === 'statement_list') block = block.parent;
  const ifStmt = block?.parent;
  return ifStmt?.type === 'if_statement' &&
    ifStmt.childForFieldName('consequence')?.id === block!.id
    ? ifStmt
    : undefined;
}

/**
 * Calls whose error ends the process without a comparison with http.ErrServerClosed (see
 * {@link serveErrorIsFatal}): `log.Fatal(run())`, `if err := run(); err != nil { …; os.Exit(1)
 * }`, `err = g.Wait()` then such an `if`. Found from the file's fatal calls.
 */
export function fatalErrorCalls(
  src: GoSource,
  imports: ImportResolver,
): Node[] {
  const out: Node[] = [];
  const seen = new Set<number>();
  const add = (call: Node | null | undefined) => {
    if (call?.type === 'call_expression' && !seen.has(call.id)) {
      seen.add(call.id);
      out.push(call);
    }
  };
  for (const call of fatalCallsOf(src, imports)) {
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? [])
      if (arg?.type === 'call_expression') add(arg);
    const ifStmt = ifAround(call);
    if (!ifStmt || mentionsErrServerClosed(src, imports, ifStmt)) continue;
    const assignment =
      ifStmt.childForFieldName('initializer') ?? previousStatement(ifStmt);
    if (
      assignment?.type === 'short_var_declaration' ||
      assignment?.type === 'assignment_statement'
    )
      add(assignment.childForFieldName('right')?.namedChild(0));
  }
  return out;
}

/** `x != nil` or `x == nil` (by `op`): the identifier `x`. */
function nilComparison(condition: Node | null, op: '!=' | '=='): Node | null {
  if (
    condition?.type !== 'binary_expression' ||
    condition.childForFieldName('operator')?.type !== op ||
    condition.childForFieldName('right')?.type !== 'nil'
  )
    return null;
  const left = condition.childForFieldName('left');
  return left?.type === 'identifier' ? left : null;
}

/**
 * The parameters whose error a function ends the process on, without a comparison with
 * http.ErrServerClosed: `if err != nil { log.Fatal(…) }`, or a fatal call in the function's body
 * after `if err == nil { return }` (botkube's `loggerx.ExitOnError`), with `err` a parameter of
 * the top-level function. `paramIndex` tells a parameter's index.
 */
export function exitOnErrorParams(
  src: GoSource,
  imports: ImportResolver,
  paramIndex: (id: Node) => number | undefined,
): { call: Node; param: number }[] {
  const out: { call: Node; param: number }[] = [];
  for (const call of fatalCallsOf(src, imports)) {
    const ifStmt = ifAround(call);
    let checked: Node | null = null;
    if (ifStmt) {
      if (mentionsErrServerClosed(src, imports, ifStmt)) continue;
      checked = nilComparison(ifStmt.childForFieldName('condition'), '!=');
    } else {
      // In the body itself, after a guard that returns on nil.
      const stmt = call.parent;
      const list = stmt?.type === 'expression_statement' ? stmt.parent : null;
      const body = list?.type === 'statement_list' ? list.parent : list;
      if (
        body?.type !== 'block' ||
        !body.parent ||
        !isFunctionNode(body.parent)
      )
        continue;
      for (const s of statementsOf(body)) {
        if (s.startIndex >= call.startIndex) break;
        const guard =
          s.type === 'if_statement'
            ? nilComparison(s.childForFieldName('condition'), '==')
            : null;
        const returns = statementsOf(s.childForFieldName('consequence')).some(
          r => r.type === 'return_statement',
        );
        if (guard && returns) checked = guard;
      }
    }
    const param = checked ? paramIndex(checked) : undefined;
    if (param !== undefined) out.push({ call, param });
  }
  return out;
}

/**
 * The call a serve call's error is handed to as an argument, when it is not ended, wrapped or
 * compared there: `loggerx.ExitOnError(srv.ListenAndServe(), "serve")`, or `err := …` then
 * `exitOnError(err, …)` (also inside an `if err != nil`). A helper of the tree may end the
 * process on it (see {@link exitOnErrorParams}).
 */
export function serveErrorHandedTo(
  src: GoSource,
  imports: ImportResolver,
  call: Node,
): { name: string; line: number; arg: number } | undefined {
  const use = resultUse(src, call);
  if (!use) return undefined;
  const handed = (helper: Node, arg: (a: Node) => boolean) => {
    const name = calledName(src, helper);
    if (name === undefined) return undefined;
    const index = callArguments(helper).findIndex(arg);
    return index < 0
      ? undefined
      : { name, line: helper.startPosition.row + 1, arg: index };
  };
  if ('argumentOf' in use) {
    if (wrapsError(src, imports, use.argumentOf)) return undefined;
    return handed(use.argumentOf, a => a.id === call.id);
  }
  const name = use.assignment.childForFieldName('left')?.namedChild(0);
  if (name?.type !== 'identifier') return undefined;
  const err = textOf(src, name);
  const isErr = (a: Node) => a.type === 'identifier' && textOf(src, a) === err;
  let stmts: Node[] = use.next ? [use.next] : [];
  if (use.next?.type === 'if_statement') {
    if (mentionsErrServerClosed(src, imports, use.next)) return undefined;
    stmts = statementsOf(use.next.childForFieldName('consequence'));
  }
  for (const stmt of stmts) {
    const expr =
      stmt.type === 'expression_statement' ? stmt.namedChild(0) : null;
    if (expr?.type !== 'call_expression' || isFatalCall(src, imports, expr))
      continue;
    const found = handed(expr, isErr);
    if (found) return found;
  }
  return undefined;
}
