import { Node } from 'web-tree-sitter';
import { noReturnTest } from './fatalCalls';
import { FlowBlock, FlowGraph } from './flow';
import { ImportResolver } from './imports';
import { compactText, enclosingFunction, GoSource, textOf } from './syntax';
import { wordSites } from './wordSites';

const SHUTDOWN_METHODS = [
  'Shutdown',
  'ShutdownWithContext',
  'ShutdownWithTimeout',
];

/** A receiver's text without blanks (`s . srv` is `s.srv`). */
function receiverText(src: GoSource, call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'selector_expression') return undefined;
  const operand = fn.childForFieldName('operand');
  return operand ? compactText(src, operand) : undefined;
}

/**
 * Whether `node` holds a Shutdown call on the receiver `recv` that runs where `node` does:
 * not one in a goroutine it starts (`go func() { <-ctx.Done(); srv.Shutdown(ctx) }()` runs
 * beside the path, not before it).
 */
function shutsDown(src: GoSource, node: Node, recv: string): boolean {
  for (const word of SHUTDOWN_METHODS) {
    for (const site of wordSites(src, word, node.startIndex, node.endIndex)) {
      const selector = site.parent;
      const call = selector?.parent;
      if (
        selector?.type !== 'selector_expression' ||
        call?.type !== 'call_expression' ||
        call.childForFieldName('function')?.id !== selector.id ||
        receiverText(src, call) !== recv
      )
        continue;
      let inGoroutine = false;
      for (let n: Node | null = call; n && n.id !== node.id; n = n.parent) {
        if (n.type === 'go_statement') inGoroutine = true;
      }
      if (!inGoroutine && node.type !== 'go_statement') return true;
    }
  }
  return false;
}

/**
 * Whether every path from the entry of the function holding `call` to it passes a `Shutdown`
 * call on the same server first (`if err := srv.Shutdown(ctx); err != nil { srv.Close() }`):
 * the Close is then the fallback for a drain that ran past its deadline. Another object's
 * Shutdown (a tracer provider's `tp.Shutdown(ctx)`) and one in a goroutine started on the
 * way do not count.
 */
export function followsShutdown(
  src: GoSource,
  imports: ImportResolver,
  call: Node,
): boolean {
  const fn = enclosingFunction(call);
  const body = fn?.childForFieldName('body');
  const recv = receiverText(src, call);
  if (!body || recv === undefined) return false;
  const flow = new FlowGraph(
    body,
    n => textOf(src, n),
    noReturnTest(src, imports),
  );
  const contains = (node: Node) =>
    node.startIndex <= call.startIndex && call.endIndex <= node.endIndex;
  // A deferred Close runs when the function returns: it follows a Shutdown when every path from
  // the defer statement to a return passes one.
  const deferred = call.parent?.type === 'defer_statement';
  let start: { block: FlowBlock; from: number } = {
    block: flow.entry,
    from: 0,
  };
  if (deferred) {
    const home = findNode(flow, contains);
    if (!home) return false;
    start = { block: home.block, from: home.index + 1 };
  }
  const seen = new Set<FlowBlock>([start.block]);
  const queue = [start];
  while (queue.length) {
    const { block, from } = queue.shift()!;
    let stopped = false;
    for (let i = from; i < block.nodes.length; i++) {
      const node = block.nodes[i];
      if (!deferred && contains(node)) return false;
      if (shutsDown(src, node, recv)) {
        stopped = true;
        break;
      }
    }
    if (stopped) continue;
    if (deferred && block.returnLine !== undefined) return false;
    for (const next of block.succs) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push({ block: next, from: 0 });
      }
    }
  }
  return true;
}

/** The flow block and index of the node for which `test` holds. */
function findNode(
  flow: FlowGraph,
  test: (node: Node) => boolean,
): { block: FlowBlock; index: number } | undefined {
  const seen = new Set<FlowBlock>([flow.entry]);
  const queue = [flow.entry];
  while (queue.length) {
    const block = queue.shift()!;
    const index = block.nodes.findIndex(test);
    if (index >= 0) return { block, index };
    for (const next of block.succs) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return undefined;
}
