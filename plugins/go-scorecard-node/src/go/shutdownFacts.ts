import { Node } from 'web-tree-sitter';
import { GoFileFacts, ServeCall, ShutdownBound } from '../facts';
import { isFatalCall, isNoReturnStatement } from './fatalCalls';
import { FlowBlock, FlowGraph } from './flow';
import { ImportResolver } from './imports';
import { PackageRef } from './packageRefs';
import { ServerBindings, ServerKind } from './serverBindings';
import {
  callArguments,
  callRef,
  enclosingFunction,
  GoSource,
  refOf,
  textOf,
  topLevelOf,
  unparen,
} from './syntax';
import { ValueReader } from './values';
import { wordSites } from './wordSites';

/** References to the packages that make servers, by package. */
export interface ServerPackageRefs {
  http: PackageRef[];
  grpc: PackageRef[];
  context: PackageRef[];
  frameworks: PackageRef[];
}

/** The shutdown-related facts of one file. */
export type ShutdownFacts = Pick<
  GoFileFacts,
  | 'serverFields'
  | 'unboundFieldCalls'
  | 'serveCalls'
  | 'httpServerCloseCalls'
  | 'httpServerShutdownCalls'
  | 'grpcServers'
  | 'grpcStopCalls'
  | 'grpcGracefulStopCalls'
  | 'shutdownBounds'
>;

/** What a server method does. */
export type MethodRole =
  | 'serve'
  | 'close'
  | 'shutdown'
  | 'stop'
  | 'gracefulStop';

const METHODS: Record<ServerKind, ReadonlyMap<string, MethodRole>> = {
  http: new Map([
    ['ListenAndServe', 'serve'],
    ['ListenAndServeTLS', 'serve'],
    ['Serve', 'serve'],
    ['ServeTLS', 'serve'],
    ['Close', 'close'],
    ['Shutdown', 'shutdown'],
  ]),
  grpc: new Map([
    ['Serve', 'serve'],
    ['Stop', 'stop'],
    ['GracefulStop', 'gracefulStop'],
  ]),
  framework: new Map([
    ['Shutdown', 'shutdown'],
    ['ShutdownWithContext', 'shutdown'],
    ['ShutdownWithTimeout', 'shutdown'],
    ['Run', 'serve'],
    ['RunTLS', 'serve'],
    ['Start', 'serve'],
    ['StartTLS', 'serve'],
    ['Listen', 'serve'],
    ['ListenTLS', 'serve'],
  ]),
};

/** What `method` does on a server of `kind`, if it is one of the methods that matter. */
export function methodRole(
  kind: ServerKind,
  method: string,
): MethodRole | undefined {
  return METHODS[kind].get(method);
}

/** Names of the server methods the extractor looks for. */
export const SERVER_METHOD_NAMES = [
  ...new Set(Object.values(METHODS).flatMap(m => [...m.keys()])),
];

const HTTP_SERVE_FUNCS = new Set([
  'ListenAndServe',
  'ListenAndServeTLS',
  'Serve',
  'ServeTLS',
]);

/** Constructors and types of servers, per package. */
const FRAMEWORK_CONSTRUCTORS = new Set(['Default', 'New']);
const FRAMEWORK_TYPES = new Set(['Engine', 'Echo', 'App']);

/**
 * A method call `recv.Name(...)` found by its name, or a method value `recv.Name` handed to a
 * function (`g.Go(srv.ListenAndServe)`): then `call` is the selector and `value` is set.
 */
interface MethodCall {
  call: Node;
  receiver: Node;
  name: string;
  value?: boolean;
}

function methodCalls(src: GoSource, name: string): MethodCall[] {
  const calls: MethodCall[] = [];
  for (const site of wordSites(src, name)) {
    const selector = site.parent;
    const outer = selector?.parent;
    if (
      site.type !== 'field_identifier' ||
      selector?.type !== 'selector_expression'
    )
      continue;
    const receiver = selector.childForFieldName('operand');
    if (!receiver) continue;
    if (
      outer?.type === 'call_expression' &&
      outer.startIndex === selector.startIndex
    ) {
      calls.push({ call: outer, receiver: unparen(receiver), name });
    } else if (outer?.type === 'argument_list') {
      calls.push({
        call: selector,
        receiver: unparen(receiver),
        name,
        value: true,
      });
    }
  }
  return calls;
}

/** Where a method call (or a method value) is, with its callee as written. */
function methodRef(src: GoSource, m: MethodCall) {
  return m.value
    ? { callee: textOf(src, m.call), ...refOf(src, m.call) }
    : callRef(src, m.call);
}

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

/** Timers a GracefulStop may be raced against, and contexts that bound a drain: the duration's argument. */
const TIMER_FUNCS: Record<string, number> = {
  After: 0,
  NewTimer: 0,
  AfterFunc: 0,
};
const TIMEOUT_FUNCS: Record<string, number> = {
  WithTimeout: 1,
  WithTimeoutCause: 1,
};

/**
 * What bounds the drains of a file (design.md, Rule notes: "Shutdown bounds"): the context handed
 * to a server's `Shutdown(ctx)` (net/http, echo, a framework's `ShutdownWithContext`), fiber's
 * `ShutdownWithTimeout(d)`, echo v5's `GracefulTimeout: d`, and every `time.After(d)`,
 * `time.NewTimer(d)` or `context.WithTimeout(_, d)` in a top-level declaration that calls
 * `GracefulStop()` (a timer raced against it). Values stay expressions: the link step follows them.
 */
function shutdownBounds(
  src: GoSource,
  values: ValueReader,
  refs: ServerPackageRefs,
  timeRefs: () => PackageRef[],
  shutdowns: MethodCall[],
  gracefulStops: MethodCall[],
): ShutdownBound[] {
  const bounds: ShutdownBound[] = [];
  for (const s of shutdowns) {
    const arg = callArguments(s.call)[0];
    if (!arg) continue;
    const kind = s.name === 'ShutdownWithTimeout' ? 'duration' : 'context';
    bounds.push({ kind, value: values.value(arg), ...refOf(src, s.call) });
  }
  for (const site of wordSites(src, 'GracefulTimeout')) {
    const key = site.parent?.type === 'literal_element' ? site.parent : site;
    const element = key.parent;
    if (
      element?.type !== 'keyed_element' ||
      element.namedChild(0)?.id !== key.id
    )
      continue;
    const value = element.namedChild(1);
    const v = value?.type === 'literal_element' ? value.namedChild(0) : value;
    if (v)
      bounds.push({
        kind: 'duration',
        value: values.value(v),
        ...refOf(src, element),
      });
  }
  const scopes = new Set(gracefulStops.map(g => topLevelOf(g.call).id));
  if (scopes.size) {
    const candidates = [
      ...timeRefs()
        .filter(r => r.call && TIMER_FUNCS[r.name] !== undefined)
        .map(r => ({ call: r.call!, arg: TIMER_FUNCS[r.name] })),
      ...refs.context
        .filter(r => r.call && TIMEOUT_FUNCS[r.name] !== undefined)
        .map(r => ({ call: r.call!, arg: TIMEOUT_FUNCS[r.name] })),
    ];
    for (const { call, arg } of candidates) {
      if (!scopes.has(topLevelOf(call).id)) continue;
      const d = callArguments(call)[arg];
      if (d)
        bounds.push({
          kind: 'duration',
          value: values.value(d),
          ...refOf(src, call),
        });
    }
  }
  return bounds;
}

/** Serve, stop and shutdown calls of the file's HTTP, gRPC and framework servers. */
export function shutdownFacts(
  src: GoSource,
  imports: ImportResolver,
  values: ValueReader,
  refs: ServerPackageRefs,
  timeRefs: () => PackageRef[],
): ShutdownFacts {
  const bindings = new ServerBindings(src);
  const facts: ShutdownFacts = {
    serverFields: {},
    unboundFieldCalls: [],
    serveCalls: [],
    httpServerCloseCalls: [],
    httpServerShutdownCalls: [],
    grpcServers: [],
    grpcStopCalls: [],
    grpcGracefulStopCalls: [],
    shutdownBounds: [],
  };
  const serves: { at: number; call: ServeCall }[] = [];
  for (const ref of refs.http) {
    if (ref.name === 'Server' && ref.node.type === 'qualified_type') {
      bindings.bindType('http', ref.node);
    } else if (ref.call && HTTP_SERVE_FUNCS.has(ref.name)) {
      serves.push({
        at: ref.call.startIndex,
        call: {
          kind: 'http-func',
          fatalWithoutErrServerClosed: false,
          ...callRef(src, ref.call),
        },
      });
    }
  }
  for (const ref of refs.grpc) {
    if (ref.name === 'Server' && ref.node.type === 'qualified_type') {
      bindings.bindType('grpc', ref.node);
    } else if (ref.name === 'NewServer' && ref.call) {
      facts.grpcServers.push(callRef(src, ref.call));
      bindings.bindValue('grpc', ref.call);
    }
  }
  for (const ref of refs.frameworks) {
    if (FRAMEWORK_TYPES.has(ref.name) && ref.node.type === 'qualified_type') {
      bindings.bindType('framework', ref.node);
    } else if (ref.call && FRAMEWORK_CONSTRUCTORS.has(ref.name)) {
      bindings.bindValue('framework', ref.call);
    }
  }
  bindings.bindConstructorCalls();
  facts.serverFields = bindings.fields();

  const shutdowns: MethodCall[] = [];
  const gracefulStops: MethodCall[] = [];
  for (const name of SERVER_METHOD_NAMES) {
    for (const m of methodCalls(src, name)) {
      const kinds = bindings.kindsOf(m.receiver);
      const field =
        m.receiver.type === 'selector_expression' &&
        m.receiver.childForFieldName('field');
      // A field's server kind is bound by its name; the link step checks it against the
      // field's declared type (`s.srv` of a struct whose `srv` is no server is not one).
      const recvField = field
        ? {
            recvField: {
              of: values.value(
                m.receiver.childForFieldName('operand'),
                0,
                0,
                'type',
              ),
              name: textOf(src, field),
            },
          }
        : {};
      if (!kinds.length && field && !m.value) {
        // `s.srv.Shutdown(ctx)` with the server declared in another file of the package.
        if (name === 'Shutdown') shutdowns.push(m);
        facts.unboundFieldCalls.push({
          field: textOf(src, field),
          method: name,
          ...(name === 'Close' && followsShutdown(src, imports, m.call)
            ? { afterShutdown: true }
            : {}),
          fatalWithoutErrServerClosed:
            HTTP_SERVE_FUNCS.has(name) &&
            serveErrorIsFatal(src, imports, m.call),
          ...callRef(src, m.call),
          ...recvField,
        });
      }
      for (const kind of kinds) {
        const role = METHODS[kind].get(name);
        if (!role || (m.value && role !== 'serve')) continue;
        const ref = { ...methodRef(src, m), ...recvField };
        if (role === 'serve') {
          const serveKind = kind === 'http' ? 'http-server' : kind;
          const fatal =
            kind === 'http' &&
            !m.value &&
            serveErrorIsFatal(src, imports, m.call);
          serves.push({
            at: m.call.startIndex,
            call: {
              kind: serveKind,
              fatalWithoutErrServerClosed: fatal,
              ...ref,
            },
          });
        } else if (role === 'close') {
          facts.httpServerCloseCalls.push(
            followsShutdown(src, imports, m.call)
              ? { ...ref, afterShutdown: true }
              : ref,
          );
        } else if (role === 'shutdown') {
          facts.httpServerShutdownCalls.push(ref);
          shutdowns.push(m);
        } else if (role === 'stop') facts.grpcStopCalls.push(ref);
        else {
          facts.grpcGracefulStopCalls.push(ref);
          gracefulStops.push(m);
        }
      }
    }
  }
  facts.serveCalls = serves.sort((a, b) => a.at - b.at).map(s => s.call);
  facts.shutdownBounds = shutdownBounds(
    src,
    values,
    refs,
    timeRefs,
    shutdowns,
    gracefulStops,
  );
  return facts;
}
