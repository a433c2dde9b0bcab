import { Node } from 'web-tree-sitter';
import { isNoReturnStatement } from './fatalCalls';
import { FlowBlock, FlowGraph } from './flow';
import { ImportResolver } from './imports';
import { enclosingFunction, GoSource, textOf } from './syntax';

const SHUTDOWN_CALL = /\.Shutdown(?:WithContext|WithTimeout)?\s*\(/;

/**
 * Whether every path from the entry of the function holding `call` to it passes a `Shutdown`
 * call first (`if err := srv.Shutdown(ctx); err != nil { srv.Close() }`): the Close is then the
 * fallback for a drain that ran past its deadline.
 */
export function followsShutdown(
  src: GoSource,
  imports: ImportResolver,
  call: Node,
): boolean {
  const fn = enclosingFunction(call);
  const body = fn?.childForFieldName('body');
  if (!body) return false;
  const flow = new FlowGraph(
    body,
    n => textOf(src, n),
    stmt => isNoReturnStatement(src, imports, stmt),
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
      if (SHUTDOWN_CALL.test(textOf(src, node))) {
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
