import { Node } from 'web-tree-sitter';
import { CallRef, ShutdownFallback } from '../facts';
import { MethodCall } from './methodCalls';
import { resultUse } from './serveErrors';
import { GoSource, textOf } from './syntax';

/** The last name of a receiver: `srv` of `srv`, `http` of `s.http`. */
export function serverName(text: string): string {
  const parts = text.replace(/\s+/g, '').split('.');
  return parts[parts.length - 1];
}

/** The last name of a method call's receiver: `peer` of `peer.Stop`, `http` of `s.http.Close`. */
export function receiverName(call: CallRef): string {
  return serverName(call.callee.slice(0, call.callee.lastIndexOf('.')));
}

/** The `if` whose error branch handles a Shutdown call's error, if any. */
function errorBranchOf(src: GoSource, call: Node): Node | undefined {
  const use = resultUse(src, call);
  return use && 'assignment' in use && use.next?.type === 'if_statement'
    ? use.next.childForFieldName('consequence') ?? undefined
    : undefined;
}

/**
 * The calls made where a server's Shutdown failed (`if err := s.http.Shutdown(ctx); err != nil {
 * return s.forceClose() }`), or a call of a helper that shuts it down (`helperCalls`, see
 * `shutdownHelperCalls`): a helper called only there closes the server as the fallback the
 * net/http documentation describes, wherever its Close is written.
 */
export function shutdownFallbacks(
  src: GoSource,
  shutdowns: MethodCall[],
  helperCalls: { call: Node; server: string }[] = [],
): ShutdownFallback[] {
  const out: ShutdownFallback[] = [];
  const drains = [
    ...shutdowns
      .filter(m => !m.value)
      .map(m => ({
        call: m.call,
        server: serverName(textOf(src, m.receiver)),
      })),
    ...helperCalls,
  ];
  for (const { call: drain, server } of drains) {
    const branch = errorBranchOf(src, drain);
    if (!branch) continue;
    for (const call of branch.descendantsOfType('call_expression')) {
      if (call) out.push({ line: call.startPosition.row + 1, server });
    }
  }
  return out;
}
