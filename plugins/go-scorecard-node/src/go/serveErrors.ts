import { Node } from 'web-tree-sitter';
import { isFatalCall } from './fatalCalls';
import { ImportResolver } from './imports';
import { GoSource } from './syntax';
import { wordSites } from './wordSites';

/** Whether an `if` statement compares with http.ErrServerClosed anywhere in it. */
function mentionsErrServerClosed(src: GoSource, node: Node): boolean {
  return (
    wordSites(src, 'ErrServerClosed', node.startIndex, node.endIndex).length > 0
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
  if (mentionsErrServerClosed(src, ifStmt)) return false;
  const list = ifStmt.childForFieldName('consequence')?.namedChild(0);
  return !!list?.namedChildren.some(s => isFatalStatement(src, imports, s));
}

/**
 * Whether the error of a serve call ends the process without a comparison with
 * http.ErrServerClosed: `log.Fatal(srv.ListenAndServe())`, `if err := srv.ListenAndServe();
 * err != nil { log.Fatal(err) }`, or `err := ...` followed by such an `if`.
 */
export function serveErrorIsFatal(
  src: GoSource,
  imports: ImportResolver,
  call: Node,
): boolean {
  let n = call;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const p = n.parent;
  if (p?.type === 'argument_list') {
    return !!p.parent && isFatalCall(src, imports, p.parent);
  }
  const stmt = p?.type === 'expression_list' ? p.parent : null;
  if (
    !stmt ||
    (stmt.type !== 'short_var_declaration' &&
      stmt.type !== 'assignment_statement') ||
    stmt.childForFieldName('right')?.id !== p!.id
  ) {
    return false;
  }
  const owner = stmt.parent;
  if (
    owner?.type === 'if_statement' &&
    owner.childForFieldName('initializer')?.id === stmt.id
  ) {
    return ifIsFatal(src, imports, owner);
  }
  let next = stmt.nextNamedSibling;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  if (next?.type === 'if_statement') return ifIsFatal(src, imports, next);
  return isFatalStatement(src, imports, next);
}
