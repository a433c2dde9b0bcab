import { Node } from 'web-tree-sitter';
import { GoFileFacts, ServeCall } from '../facts';
import { durationSeconds } from './duration';
import { isFatalCall } from './fatalCalls';
import { ImportResolver } from './imports';
import { PackageRef } from './packageRefs';
import { ServerBindings, ServerKind } from './serverBindings';
import { callArguments, callRef, GoSource, textOf, topLevelOf, unparen } from './syntax';
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
  | 'shutdownTimeoutSeconds'
>;

/** What a server method does. */
export type MethodRole = 'serve' | 'close' | 'shutdown' | 'stop' | 'gracefulStop';

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
    ['Run', 'serve'],
    ['RunTLS', 'serve'],
    ['Start', 'serve'],
    ['StartTLS', 'serve'],
    ['Listen', 'serve'],
    ['ListenTLS', 'serve'],
  ]),
};

/** What `method` does on a server of `kind`, if it is one of the methods that matter. */
export function methodRole(kind: ServerKind, method: string): MethodRole | undefined {
  return METHODS[kind].get(method);
}

const METHOD_NAMES = [
  ...new Set(Object.values(METHODS).flatMap(m => [...m.keys()])),
];

const HTTP_SERVE_FUNCS = new Set(['ListenAndServe', 'ListenAndServeTLS', 'Serve', 'ServeTLS']);

/** Constructors and types of servers, per package. */
const FRAMEWORK_CONSTRUCTORS = new Set(['Default', 'New']);
const FRAMEWORK_TYPES = new Set(['Engine', 'Echo', 'App']);

/** A method call `recv.Name(...)` found by its name. */
interface MethodCall {
  call: Node;
  receiver: Node;
  name: string;
}

function methodCalls(src: GoSource, name: string): MethodCall[] {
  const calls: MethodCall[] = [];
  for (const site of wordSites(src, name)) {
    const selector = site.parent;
    const call = selector?.parent;
    if (
      site.type !== 'field_identifier' ||
      selector?.type !== 'selector_expression' ||
      call?.type !== 'call_expression' ||
      call.startIndex !== selector.startIndex
    ) {
      continue;
    }
    const receiver = selector.childForFieldName('operand');
    if (receiver) calls.push({ call, receiver: unparen(receiver), name });
  }
  return calls;
}

/** Whether an `if` statement compares with http.ErrServerClosed anywhere in it. */
function mentionsErrServerClosed(src: GoSource, node: Node): boolean {
  return wordSites(src, 'ErrServerClosed', node.startIndex, node.endIndex).length > 0;
}

/** Whether a statement ends the process: a fatal call as an expression statement. */
function isFatalStatement(src: GoSource, imports: ImportResolver, stmt: Node | null): boolean {
  const expr = stmt?.type === 'expression_statement' ? stmt.namedChild(0) : null;
  return expr?.type === 'call_expression' && isFatalCall(src, imports, expr);
}

/** `if err != nil { log.Fatal(err) }` without a comparison with http.ErrServerClosed. */
function ifIsFatal(src: GoSource, imports: ImportResolver, ifStmt: Node): boolean {
  if (mentionsErrServerClosed(src, ifStmt)) return false;
  const list = ifStmt.childForFieldName('consequence')?.namedChild(0);
  return !!list?.namedChildren.some(s => isFatalStatement(src, imports, s));
}

/**
 * Whether the error of a serve call ends the process without a comparison with
 * http.ErrServerClosed: `log.Fatal(srv.ListenAndServe())`, `if err := srv.ListenAndServe();
 * err != nil { log.Fatal(err) }`, or `err := ...` followed by such an `if`.
 */
export function serveErrorIsFatal(src: GoSource, imports: ImportResolver, call: Node): boolean {
  let n = call;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const p = n.parent;
  if (p?.type === 'argument_list') {
    return !!p.parent && isFatalCall(src, imports, p.parent);
  }
  const stmt = p?.type === 'expression_list' ? p.parent : null;
  if (
    !stmt ||
    (stmt.type !== 'short_var_declaration' && stmt.type !== 'assignment_statement') ||
    stmt.childForFieldName('right')?.id !== p!.id
  ) {
    return false;
  }
  const owner = stmt.parent;
  if (owner?.type === 'if_statement' && owner.childForFieldName('initializer')?.id === stmt.id) {
    return ifIsFatal(src, imports, owner);
  }
  let next = stmt.nextNamedSibling;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  if (next?.type === 'if_statement') return ifIsFatal(src, imports, next);
  return isFatalStatement(src, imports, next);
}

function within(node: Node, scope: Node): boolean {
  return scope.startIndex <= node.startIndex && node.endIndex <= scope.endIndex;
}

/**
 * The shutdown budget: seconds of the `context.WithTimeout` whose context is passed to
 * `Shutdown`, or of any `context.WithTimeout` in the declaration that calls `GracefulStop`.
 */
function shutdownTimeout(
  src: GoSource,
  imports: ImportResolver,
  contextRefs: PackageRef[],
  shutdowns: MethodCall[],
  gracefulStops: MethodCall[],
): number | undefined {
  const timeouts = contextRefs.filter(
    r => r.call && (r.name === 'WithTimeout' || r.name === 'WithTimeoutCause'),
  );
  const seconds: number[] = [];
  const consider = (call: Node, ctxName?: string) => {
    const scope = topLevelOf(call);
    for (const t of timeouts) {
      if (!within(t.call!, scope)) continue;
      if (ctxName !== undefined) {
        const stmt = t.call!.parent?.parent;
        const lhs = stmt?.childForFieldName('left')?.namedChild(0) ??
          stmt?.childrenForFieldName('name')[0];
        if (!lhs || textOf(src, lhs) !== ctxName) continue;
      }
      const duration = callArguments(t.call!)[1];
      const s = duration && durationSeconds(src, imports, duration);
      if (s !== undefined) seconds.push(s);
    }
  };
  for (const s of shutdowns) {
    const ctx = callArguments(s.call)[0];
    if (ctx?.type === 'identifier') consider(s.call, textOf(src, ctx));
  }
  for (const g of gracefulStops) consider(g.call);
  return seconds.length ? Math.max(...seconds) : undefined;
}

/** Serve, stop and shutdown calls of the file's HTTP, gRPC and framework servers. */
export function shutdownFacts(
  src: GoSource,
  imports: ImportResolver,
  refs: ServerPackageRefs,
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
  };
  const serves: { at: number; call: ServeCall }[] = [];
  for (const ref of refs.http) {
    if (ref.name === 'Server' && ref.node.type === 'qualified_type') {
      bindings.bindType('http', ref.node);
    } else if (ref.call && HTTP_SERVE_FUNCS.has(ref.name)) {
      serves.push({
        at: ref.call.startIndex,
        call: { kind: 'http-func', fatalWithoutErrServerClosed: false, ...callRef(src, ref.call) },
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
  for (const name of METHOD_NAMES) {
    for (const m of methodCalls(src, name)) {
      const kinds = bindings.kindsOf(m.receiver);
      const field = m.receiver.type === 'selector_expression' && m.receiver.childForFieldName('field');
      if (!kinds.length && field) {
        facts.unboundFieldCalls.push({
          field: textOf(src, field),
          method: name,
          fatalWithoutErrServerClosed: HTTP_SERVE_FUNCS.has(name) && serveErrorIsFatal(src, imports, m.call),
          ...callRef(src, m.call),
        });
      }
      for (const kind of kinds) {
        const role = METHODS[kind].get(name);
        if (!role) continue;
        const ref = callRef(src, m.call);
        if (role === 'serve') {
          const serveKind = kind === 'http' ? 'http-server' : kind;
          const fatal = kind === 'http' && serveErrorIsFatal(src, imports, m.call);
          serves.push({
            at: m.call.startIndex,
            call: { kind: serveKind, fatalWithoutErrServerClosed: fatal, ...ref },
          });
        } else if (role === 'close') facts.httpServerCloseCalls.push(ref);
        else if (role === 'shutdown') {
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
  const timeout = shutdownTimeout(src, imports, refs.context, shutdowns, gracefulStops);
  if (timeout !== undefined) facts.shutdownTimeoutSeconds = timeout;
  return facts;
}
