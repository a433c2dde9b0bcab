import { Node } from 'web-tree-sitter';
import { ShutdownFallback } from '../facts';
import { MethodCall } from './methodCalls';
import { GoSource, textOf } from './syntax';

/** The last name of a receiver: `srv` of `srv`, `http` of `s.http`. */
export function serverName(text: string): string {
  const parts = text.replace(/\s+/g, '').split('.');
  return parts[parts.length - 1];
}

/** The `if` whose error branch handles a Shutdown call's error, if any. */
function errorBranchOf(call: Node): Node | undefined {
  let n = call;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const list = n.parent;
  const stmt = list?.type === 'expression_list' ? list.parent : undefined;
  if (
    !stmt ||
    (stmt.type !== 'short_var_declaration' &&
      stmt.type !== 'assignment_statement')
  )
    return undefined;
  const owner = stmt.parent;
  // if err := srv.Shutdown(ctx); err != nil { … }
  if (
    owner?.type === 'if_statement' &&
    owner.childForFieldName('initializer')?.id === stmt.id
  )
    return owner.childForFieldName('consequence') ?? undefined;
  // err := srv.Shutdown(ctx) \n if err != nil { … }
  let next = stmt.nextNamedSibling;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  return next?.type === 'if_statement'
    ? next.childForFieldName('consequence') ?? undefined
    : undefined;
}

/**
 * The calls made where a server's Shutdown failed (`if err := s.http.Shutdown(ctx); err != nil {
 * return s.forceClose() }`): a helper called only there closes the server as the fallback the
 * net/http documentation describes, wherever its Close is written.
 */
export function shutdownFallbacks(
  src: GoSource,
  shutdowns: MethodCall[],
): ShutdownFallback[] {
  const out: ShutdownFallback[] = [];
  for (const m of shutdowns) {
    if (m.value) continue;
    const branch = errorBranchOf(m.call);
    if (!branch) continue;
    const server = serverName(textOf(src, m.receiver));
    for (const call of branch.descendantsOfType('call_expression')) {
      if (call) out.push({ line: call.startPosition.row + 1, server });
    }
  }
  return out;
}
