import { Node } from 'web-tree-sitter';
import { noReturnTest } from './fatalCalls';
import { FlowBlock, FlowGraph } from './flow';
import { ImportResolver } from './imports';
import {
  compactText,
  enclosingFunction,
  GoSource,
  textOf,
  topLevelDeclaration,
} from './syntax';
import { serverName } from './shutdownFallbacks';
import { topFunctionAt } from './statementPlace';
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

/** Helpers followed from a Close's function to a Shutdown: `drain` calling `stop` calling Shutdown. */
const MAX_HELPER_DEPTH = 2;

/**
 * Whether `node` holds a Shutdown call on the receiver `recv` that runs where `node` does:
 * not one in a goroutine it starts (`go func() { <-ctx.Done(); srv.Shutdown(ctx) }()` runs
 * beside the path, not before it).
 */
function shutsDown(
  src: GoSource,
  node: Node,
  recv: string,
  depth = 0,
): boolean {
  if (shutsDownDirectly(src, node, recv)) return true;
  return (
    depth < MAX_HELPER_DEPTH && callsShutdownHelper(src, node, recv, depth)
  );
}

/**
 * Whether `node` calls a function or method of the file that shuts the server down on every
 * path of its own, one or two calls away: `if err := s.gracefulStop(ctx); err != nil {
 * s.http.Close() }` with `func (s *Server) gracefulStop(ctx) error { …; return
 * s.http.Shutdown(ctx) }` (the receiver renamed), or `stopServer(ctx, srv)` with the server
 * passed as an argument (the parameter renamed). A call in a goroutine does not count.
 */
function callsShutdownHelper(
  src: GoSource,
  node: Node,
  recv: string,
  depth: number,
): boolean {
  const dot = recv.indexOf('.');
  const base = dot < 0 ? recv : recv.slice(0, dot);
  const rest = dot < 0 ? '' : recv.slice(dot);
  const calls =
    node.type === 'call_expression'
      ? [node]
      : node.descendantsOfType('call_expression');
  for (const call of calls) {
    if (!call || inGoroutine(call, node)) continue;
    const fn = call.childForFieldName('function');
    let decl: Node | undefined;
    let renamed: string | undefined;
    if (fn?.type === 'selector_expression') {
      const operand = fn.childForFieldName('operand');
      if (!operand || compactText(src, operand) !== base) continue;
      decl = topLevelDeclaration(
        src,
        'method_declaration',
        textOf(src, fn.childForFieldName('field')!),
      );
      const receiver = decl?.childForFieldName('receiver')?.namedChildren[0];
      const name = receiver?.childForFieldName('name');
      renamed = name ? textOf(src, name) + rest : undefined;
    } else if (fn?.type === 'identifier') {
      decl = topLevelDeclaration(src, 'function_declaration', textOf(src, fn));
      const args = call.childForFieldName('arguments')?.namedChildren ?? [];
      const index = args.findIndex(a => a && compactText(src, a) === recv);
      if (index >= 0) renamed = parameterNames(src, decl)[index];
    }
    const body = decl?.childForFieldName('body');
    if (!body || !renamed) continue;
    if (followedOnEveryPath(src, body, renamed, depth + 1)) return true;
  }
  return false;
}

/** Whether a call sits in a goroutine started within `node`. */
function inGoroutine(call: Node, node: Node): boolean {
  for (let n: Node | null = call; n && n.id !== node.id; n = n.parent) {
    if (n.type === 'go_statement') return true;
  }
  return node.type === 'go_statement';
}

/** A function's parameter names in order (one per parameter, `_` and unnamed as ''). */
function parameterNames(src: GoSource, decl: Node | undefined): string[] {
  const out: string[] = [];
  for (const p of decl?.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p?.type !== 'parameter_declaration') continue;
    const names = p.childrenForFieldName('name');
    if (!names.length) out.push('');
    for (const n of names) out.push(n ? textOf(src, n) : '');
  }
  return out;
}

/**
 * Whether every path through a helper's body to its end or a return passes a Shutdown of
 * `recv` (its own name for the server): the helper then always drains before it returns.
 */
function followedOnEveryPath(
  src: GoSource,
  body: Node,
  recv: string,
  depth: number,
): boolean {
  const flow = new FlowGraph(
    body,
    n => textOf(src, n),
    () => false,
  );
  const seen = new Set<FlowBlock>([flow.entry]);
  const queue = [flow.entry];
  while (queue.length) {
    const block = queue.shift()!;
    if (block.nodes.some(n => shutsDown(src, n, recv, depth))) continue;
    if (block.returnLine !== undefined || block.succs.length === 0)
      return false;
    for (const next of block.succs) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return true;
}

/** The Shutdown method calls (`x.Shutdown(ctx)`, fiber's `ShutdownWithTimeout(d)`) written in [from, to). */
function* shutdownCalls(
  src: GoSource,
  from?: number,
  to?: number,
): Generator<Node> {
  for (const word of SHUTDOWN_METHODS) {
    for (const site of wordSites(src, word, from, to)) {
      const selector = site.parent;
      const call = selector?.parent;
      if (
        selector?.type === 'selector_expression' &&
        call?.type === 'call_expression' &&
        call.childForFieldName('function')?.id === selector.id
      )
        yield call;
    }
  }
}

/** A Shutdown call on `recv` written in `node` itself. */
function shutsDownDirectly(src: GoSource, node: Node, recv: string): boolean {
  for (const call of shutdownCalls(src, node.startIndex, node.endIndex)) {
    if (receiverText(src, call) === recv && !inGoroutine(call, node))
      return true;
  }
  return false;
}

/**
 * When `node` is a goroutine that shuts the server down (`go func() { srv.Shutdown(ctx);
 * close(done) }()`, `go srv.Shutdown(ctx)`), the channels it signals when the drain ends
 * (`close(done)`, `done <- err`); undefined for any other node.
 */
function shutdownGoroutine(
  src: GoSource,
  node: Node,
  recv: string,
): Set<string> | undefined {
  if (node.type !== 'go_statement') return undefined;
  const call = node.namedChildren.find(c => c?.type === 'call_expression');
  if (!call || !shutsDown(src, call, recv)) return undefined;
  const signals = new Set<string>();
  for (const c of call.descendantsOfType('call_expression')) {
    const fn = c?.childForFieldName('function');
    const arg = c?.childForFieldName('arguments')?.namedChildren[0];
    if (fn?.type === 'identifier' && textOf(src, fn) === 'close' && arg)
      signals.add(compactText(src, arg));
  }
  for (const send of call.descendantsOfType('send_statement')) {
    const channel = send?.childForFieldName('channel');
    if (channel) signals.add(compactText(src, channel));
  }
  return signals;
}

/**
 * Whether `node` waits for a drain running beside it to end or run out of time: a receive from
 * a channel the drain signals, from a timer (`<-time.After(d)`, `<-t.C`), `time.Sleep(d)` or a
 * `Wait()` (a WaitGroup's, an errgroup's). Waiting for the signal that started the drain
 * (`<-ctx.Done()`) is none of those.
 */
function waitsForDrain(
  src: GoSource,
  node: Node,
  signals: Set<string>,
): boolean {
  let expr: Node | null =
    node.type === 'expression_statement' ? node.namedChild(0) : node;
  if (expr?.type === 'receive_statement')
    expr = expr.childForFieldName('right');
  if (
    expr?.type === 'unary_expression' &&
    textOf(src, expr.childForFieldName('operator')!) === '<-'
  ) {
    const channel = expr.childForFieldName('operand');
    if (!channel) return false;
    const text = compactText(src, channel);
    return (
      signals.has(text) ||
      /^time\.(After|Tick)\(/.test(text) ||
      /\.C$/.test(text)
    );
  }
  if (expr?.type !== 'call_expression') return false;
  const text = compactText(src, expr.childForFieldName('function')!);
  return /\.Wait$/.test(text) || text === 'time.Sleep';
}

/**
 * Whether every path from the entry of the function holding `call` to it passes a `Shutdown`
 * call on the same server first (`if err := srv.Shutdown(ctx); err != nil { srv.Close() }`):
 * the Close is then the fallback for a drain that ran past its deadline. Another object's
 * Shutdown (a tracer provider's `tp.Shutdown(ctx)`) does not count, nor does one in a goroutine
 * started on the way, unless the path then waits before the Close (`go func() {
 * srv.Shutdown(ctx); close(done) }()` then `select { case <-done: case <-time.After(d):
 * srv.Close() }`): the Close is then the deadline of a drain that runs beside it.
 */
export function followsShutdown(
  src: GoSource,
  imports: ImportResolver,
  call: Node,
): boolean {
  // A Close in a deferred function literal (`defer func() { … srv.Close() }()`) runs where the
  // literal's own call is deferred, as `defer srv.Close()` does.
  let site = call;
  let deferred = call.parent?.type === 'defer_statement';
  const literal = enclosingFunction(call);
  const literalCall = literal?.parent;
  if (
    literal?.type === 'func_literal' &&
    literalCall?.type === 'call_expression' &&
    literalCall.childForFieldName('function')?.id === literal.id &&
    literalCall.parent?.type === 'defer_statement'
  ) {
    site = literalCall;
    deferred = true;
  }
  const fn = enclosingFunction(site);
  const body = fn?.childForFieldName('body');
  const recv = receiverText(src, call);
  if (!body || recv === undefined) return false;
  // No Shutdown in the function, nor a call of a helper of the file that may shut down:
  // nothing to follow (decided on the text).
  if (!mayShutDown(src, body)) return false;
  const flow = new FlowGraph(
    body,
    n => textOf(src, n),
    noReturnTest(src, imports),
  );
  const contains = (node: Node) =>
    node.startIndex <= site.startIndex && site.endIndex <= node.endIndex;
  // A deferred Close runs when the function returns: it follows a Shutdown when every path to
  // the defer statement passes one, or every path from it to a return does.
  return (
    everyPathShutsDown(src, flow, recv, contains, false) ||
    (deferred && everyPathShutsDown(src, flow, recv, contains, true))
  );
}

/**
 * Whether every path passes a Shutdown of `recv`: from the entry to the node `contains` holds,
 * or, `fromThere`, from that node on to every return.
 */
function everyPathShutsDown(
  src: GoSource,
  flow: FlowGraph,
  recv: string,
  contains: (node: Node) => boolean,
  fromThere: boolean,
): boolean {
  let start: { block: FlowBlock; from: number } = {
    block: flow.entry,
    from: 0,
  };
  if (fromThere) {
    const home = findNode(flow, contains);
    if (!home) return false;
    start = { block: home.block, from: home.index + 1 };
  }
  // Each block is walked once per state: before or after a goroutine that shuts down.
  const seen = { plain: new Set([start.block]), racing: new Set<FlowBlock>() };
  const queue: { block: FlowBlock; from: number; racing?: Set<string> }[] = [
    start,
  ];
  while (queue.length) {
    const item = queue.shift()!;
    const { block, from } = item;
    let racing = item.racing;
    let stopped = false;
    for (let i = from; i < block.nodes.length; i++) {
      const node = block.nodes[i];
      if (!fromThere && contains(node)) return false;
      if (
        shutsDown(src, node, recv) ||
        (racing && !contains(node) && waitsForDrain(src, node, racing))
      ) {
        stopped = true;
        break;
      }
      racing = shutdownGoroutine(src, node, recv) ?? racing;
    }
    if (stopped) continue;
    if (fromThere && block.returnLine !== undefined) return false;
    const visited = racing ? seen.racing : seen.plain;
    for (const next of block.succs) {
      if (!visited.has(next)) {
        visited.add(next);
        queue.push({ block: next, from: 0, racing });
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

/**
 * The calls, in the file, of its functions and methods that shut a server down on every path
 * of their own (`func drain() error { …; return srv.Shutdown(ctx) }`, `func (s *Server)
 * Stop(ctx) error { return s.http.Shutdown(ctx) }`), with the server's last name (`srv`,
 * `http`): where such a call's error is handled, the calls made there are the fallback of a
 * failed drain, as after a Shutdown written in place (`if err := drain(); err != nil {
 * forceClose() }`).
 */
export function shutdownHelperCalls(
  src: GoSource,
): { call: Node; server: string }[] {
  // A test file is never part of a binary: no fallback there matters.
  if (!src.source.includes('Shutdown') || src.path.endsWith('_test.go'))
    return [];
  const helpers = new Map<string, string>();
  for (const call of shutdownCalls(src)) {
    const recv = receiverText(src, call);
    const decl = topFunctionAt(src, call.startIndex);
    const name = decl?.childForFieldName('name');
    const body = decl?.childForFieldName('body');
    if (
      recv === undefined ||
      !name ||
      !body ||
      helpers.has(textOf(src, name)) ||
      !followedOnEveryPath(src, body, recv, MAX_HELPER_DEPTH)
    )
      continue;
    helpers.set(textOf(src, name), serverName(recv));
  }
  const out: { call: Node; server: string }[] = [];
  for (const [name, server] of helpers) {
    for (const site of wordSites(src, name)) {
      const fn =
        site.parent?.type === 'selector_expression' ? site.parent : site;
      const call = fn.parent;
      if (
        call?.type === 'call_expression' &&
        call.childForFieldName('function')?.id === fn.id
      )
        out.push({ call, server });
    }
  }
  return out;
}

const shutdownCallers = new WeakMap<GoSource, string[]>();

/**
 * Whether a function body's text may shut a server down: it says `Shutdown`, or calls (by name)
 * a function or method of the file that does, or that calls one that does (the helpers
 * {@link callsShutdownHelper} follows, two calls deep).
 */
function mayShutDown(src: GoSource, body: Node): boolean {
  const text = src.source.slice(body.startIndex, body.endIndex);
  if (text.includes('Shutdown')) return true;
  let names = shutdownCallers.get(src);
  if (!names) {
    names = [];
    if (src.source.includes('Shutdown')) {
      const decls = src.root.namedChildren.flatMap(d => {
        if (
          d?.type !== 'function_declaration' &&
          d?.type !== 'method_declaration'
        )
          return [];
        const name = d.childForFieldName('name');
        const b = d.childForFieldName('body');
        return name && b
          ? [{ name: textOf(src, name), text: textOf(src, b) }]
          : [];
      });
      const found = new Set(
        decls.filter(d => d.text.includes('Shutdown')).map(d => d.name),
      );
      for (let depth = 1; depth < MAX_HELPER_DEPTH; depth++) {
        const known = [...found];
        for (const d of decls)
          if (known.some(n => d.text.includes(`${n}(`))) found.add(d.name);
      }
      names = [...found];
    }
    shutdownCallers.set(src, names);
  }
  return names.some(n => text.includes(`${n}(`));
}
