import { Node } from 'web-tree-sitter';
import {
  GoFileFacts,
  LocalFacts,
  ServeCall,
  ShutdownBound,
  TypeRef,
  ValueExpr,
} from '../facts';
import { followsShutdown, shutdownHelperCalls } from './followsShutdown';
import { ImportResolver } from './imports';
import { MethodCall, methodCalls, methodRef } from './methodCalls';
import { PackageRef } from './packageRefs';
import {
  fatalErrorCalls,
  exitOnErrorParams,
  serveErrorHandedTo,
  serveErrorIsFatal,
  serveErrorReturnedFrom,
} from './serveErrors';
import { shutdownFallbacks } from './shutdownFallbacks';
import { ServerBindings } from './serverBindings';
import {
  HTTP_SERVE_FUNCS,
  DRAIN_METHOD_NAMES,
  METHODS,
  SERVER_METHOD_NAMES,
  SERVER_PACKAGES,
} from './serverMethods';
import { isIoCloser } from './knownCalls';
import { ServerPackageRefs, shutdownBounds } from './shutdownBounds';
import {
  callArguments,
  callRef,
  compactText,
  enclosingFunction,
  GoSource,
  refOf,
  textOf,
} from './syntax';
import { ValueReader } from './values';

export type { ServerPackageRefs } from './shutdownBounds';

/** The shutdown-related facts of one file. */
export type ShutdownFacts = Pick<
  GoFileFacts,
  | 'serverFields'
  | 'unboundFieldCalls'
  | 'serveCalls'
  | 'httpServerCloseCalls'
  | 'httpServerShutdownCalls'
  | 'paramCloseCalls'
  | 'grpcServers'
  | 'grpcStopCalls'
  | 'grpcGracefulStopCalls'
  | 'shutdownBounds'
  | 'shutdownFallbacks'
  | 'fatalErrorCalls'
  | 'exitOnErrorParams'
>;

/** Serve, stop and shutdown calls of the file's HTTP, gRPC and framework servers. */
export function shutdownFacts(
  src: GoSource,
  imports: ImportResolver,
  values: ValueReader,
  refs: ServerPackageRefs,
  timeRefs: () => PackageRef[],
  isTest = false,
  embedsServer = false,
  isTreePackage: (importPath: string) => boolean = () => true,
  mayBeServerType: (name: string) => boolean = () => true,
): ShutdownFacts {
  const bindings = new ServerBindings(src);
  const facts: ShutdownFacts = {
    serverFields: {},
    unboundFieldCalls: [],
    serveCalls: [],
    httpServerCloseCalls: [],
    httpServerShutdownCalls: [],
    paramCloseCalls: [],
    grpcServers: [],
    grpcStopCalls: [],
    grpcGracefulStopCalls: [],
    shutdownBounds: [],
    shutdownFallbacks: [],
    fatalErrorCalls: [],
    exitOnErrorParams: [],
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
  for (const { ref, framework } of refs.frameworks) {
    if (
      framework.types.includes(ref.name) &&
      ref.node.type === 'qualified_type'
    ) {
      bindings.bindType('framework', ref.node);
    } else if (ref.call && framework.constructors.includes(ref.name)) {
      bindings.bindValue('framework', ref.call);
    }
  }
  bindings.bindConstructorCalls();
  facts.serverFields = bindings.fields();

  // A test file is never part of a binary: no caller there ends a service's process.
  const fatal = isTest ? [] : fatalErrorCalls(src, imports);
  const fatalCalls = new Set(fatal.map(c => c.id));
  facts.fatalErrorCalls = fatal.map(c => ({ line: c.startPosition.row + 1 }));
  if (!isTest)
    facts.exitOnErrorParams = exitOnErrorParams(src, imports, id => {
      const v = values.value(id, 0, 0, 'type');
      return v.k === 'param' ? v.index : undefined;
    }).map(e => ({ param: e.param, line: e.call.startPosition.row + 1 }));
  /**
   * What becomes of an HTTP serve call's error: fatal here, fatal where an errgroup's Wait
   * returns it (`g.Go(func() error { return srv.ListenAndServe() })`, then `if err :=
   * g.Wait(); err != nil { log.Fatal(err) }`), or returned to the function's callers.
   */
  /**
   * Whether a function handed to an errgroup's `Go` (a literal, or a method value) has its error
   * ended on: the group's `Wait()` in the same function is fatal.
   */
  const waitIsFatal = (fn: Node): boolean => {
    const group = errgroupOf(src, fn);
    const top = group && enclosingFunction(group.call);
    return (
      !!top &&
      methodCalls(src, 'Wait').some(
        w =>
          !w.value &&
          compactText(src, w.receiver) === group.receiver &&
          w.call.startIndex >= top.startIndex &&
          w.call.endIndex <= top.endIndex &&
          fatalCalls.has(w.call.id),
      )
    );
  };
  const serveError = (
    call: Node,
  ): Pick<
    ServeCall,
    'fatalWithoutErrServerClosed' | 'errorReturned' | 'errorHandedTo'
  > => {
    // A method value handed to an errgroup (`g.Go(srv.ListenAndServe)`): its error is Wait's.
    if (call.type === 'selector_expression')
      return { fatalWithoutErrServerClosed: waitIsFatal(call) };
    if (serveErrorIsFatal(src, imports, call))
      return { fatalWithoutErrServerClosed: true };
    const from = serveErrorReturnedFrom(src, imports, call);
    if (!from) {
      const handed = serveErrorHandedTo(src, imports, call);
      return {
        fatalWithoutErrServerClosed: false,
        ...(handed ? { errorHandedTo: handed } : {}),
      };
    }
    if (from.type !== 'func_literal') {
      return { fatalWithoutErrServerClosed: false, errorReturned: true };
    }
    return { fatalWithoutErrServerClosed: waitIsFatal(from) };
  };
  const shutdowns: MethodCall[] = [];
  const gracefulStops: MethodCall[] = [];
  const closes: MethodCall[] = [];
  for (const name of SERVER_METHOD_NAMES) {
    for (const m of methodCalls(src, name)) {
      const kinds = bindings.kindsOf(m.receiver);
      // `app.Srv.Close()`: a package variable of another package, typed at link like a local.
      const operand =
        m.receiver.type === 'selector_expression'
          ? m.receiver.childForFieldName('operand')
          : null;
      const qualified =
        operand?.type === 'identifier' &&
        imports.pathOf(textOf(src, operand)) !== undefined;
      const field =
        m.receiver.type === 'selector_expression' &&
        !qualified &&
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
      // `srv.Stop()` on a local, parameter or receiver whose type the file cannot tell, in a
      // tree where some struct embeds a server: the link step types it and finds the method
      // promoted from the embedded server (`type Server struct{ *grpc.Server }`). A drain
      // (`srv.Shutdown(ctx)`, `GracefulStop()`) is typed there in any tree: the server may come
      // from a helper's result (`srv, err := startMetrics()`).
      const recv =
        !kinds.length &&
        !field &&
        !m.value &&
        (qualified ||
          (m.receiver.type === 'identifier' &&
            imports.pathOf(textOf(src, m.receiver)) === undefined))
          ? values.value(m.receiver, 0, 0, 'type')
          : undefined;
      // Any server method on such a receiver is typed there when its value may hold a server
      // the file cannot tell (`hs := s.ws.server; hs.Close()`, `srv := newServer(opts);
      // srv.Serve(l)`), and every one in a tree where some struct embeds a server.
      // (Not in a test file beyond the drains: no binary runs it.)
      const typedAtLink =
        recv &&
        (embedsServer ||
          DRAIN_METHOD_NAMES.has(name) ||
          (!isTest &&
            mayHoldServer(
              typeWritten(values, m.receiver) ?? recv,
              values.locals,
              isTreePackage,
              mayBeServerType,
            )));
      // A call the link step decides: on a field (`s.srv.Shutdown(ctx)`, the server declared
      // in another file of the package) or on a receiver it types.
      const unbound = (receiver: { field: string } | { recv: ValueExpr }) => {
        if (name === 'Shutdown') shutdowns.push(m);
        facts.unboundFieldCalls.push({
          method: name,
          ...(name === 'Close' &&
          !isTest &&
          followsShutdown(src, imports, m.call)
            ? { afterShutdown: true }
            : {}),
          ...(HTTP_SERVE_FUNCS.has(name)
            ? serveError(m.call)
            : { fatalWithoutErrServerClosed: false }),
          ...callRef(src, m.call),
          ...receiver,
          ...recvField,
        });
      };
      if (typedAtLink && recv.k !== 'unknown') unbound({ recv });
      // `c.Close()` on an `io.Closer` parameter, or on each closer of a `...io.Closer` or
      // `[]io.Closer` one: a server its callers hand it is closed.
      const closedParam =
        name === 'Close' && !isTest && !m.value
          ? closerParameter(values, m.receiver, recv)
          : undefined;
      if (closedParam !== undefined)
        facts.paramCloseCalls.push({
          ...callRef(src, m.call),
          param: closedParam,
        });
      if (!kinds.length && field && !m.value)
        unbound({ field: textOf(src, field) });
      for (const kind of kinds) {
        const role = METHODS[kind].get(name);
        // A method value handed on (`g.Go(srv.ListenAndServe)`,
        // `lifecycle.WaitAndShutdown(srv.Shutdown)`) is called by what it is handed to: a serve
        // or a drain counts; a Close or Stop value is not read.
        if (
          !role ||
          (m.value &&
            role !== 'serve' &&
            role !== 'shutdown' &&
            role !== 'gracefulStop')
        )
          continue;
        const ref = { ...methodRef(src, m), ...recvField };
        if (role === 'serve') {
          const serveKind = kind === 'http' ? 'http-server' : kind;
          serves.push({
            at: m.call.startIndex,
            call: {
              kind: serveKind,
              ...(kind === 'http'
                ? serveError(m.call)
                : { fatalWithoutErrServerClosed: false }),
              ...ref,
            },
          });
        } else if (role === 'close') {
          closes.push(m);
          facts.httpServerCloseCalls.push(
            !isTest && followsShutdown(src, imports, m.call)
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
  // A library function handed the server: it serves it, or drains it (`routing.GracefulShutdown(hs,
  // 10*time.Second, …)`: a Shutdown of `hs` bounded by that duration).
  const libraryBounds: ShutdownBound[] = [];
  for (const { ref, func } of refs.serverFuncs) {
    const server = ref.call && callArguments(ref.call)[func.server];
    if (!ref.call || !server) continue;
    if (func.role === 'serve') {
      serves.push({
        at: ref.call.startIndex,
        call: {
          kind: 'http-server',
          ...serveError(ref.call),
          ...callRef(src, ref.call),
        },
      });
      continue;
    }
    facts.httpServerShutdownCalls.push({
      ...callRef(src, ref.call),
      callee: `${compactText(src, server)}.Shutdown`,
    });
    const timeout =
      func.timeout === undefined
        ? undefined
        : callArguments(ref.call)[func.timeout];
    if (timeout)
      libraryBounds.push({
        kind: 'duration',
        value: values.value(timeout),
        ...refOf(src, ref.call),
      });
  }
  facts.serveCalls = serves.sort((a, b) => a.at - b.at).map(s => s.call);
  facts.shutdownFallbacks = shutdownFallbacks(
    src,
    shutdowns,
    shutdownHelperCalls(src),
  );
  facts.shutdownBounds = [
    ...shutdownBounds(src, values, timeRefs, shutdowns, gracefulStops, closes),
    ...libraryBounds,
  ];
  return facts;
}

/**
 * The errgroup-like `X.Go(…)` a function literal or method value is handed to
 * (`g.Go(func() error { … })`, `g.Go(srv.ListenAndServe)`): the call and its receiver's text
 * (`g`), whose `Wait()` returns the function's error.
 */
function errgroupOf(
  src: GoSource,
  literal: Node,
): { call: Node; receiver: string } | undefined {
  const args = literal.parent;
  const call = args?.type === 'argument_list' ? args.parent : undefined;
  const fn = call?.childForFieldName('function');
  if (
    call?.type !== 'call_expression' ||
    fn?.type !== 'selector_expression' ||
    textOf(src, fn.childForFieldName('field')!) !== 'Go'
  )
    return undefined;
  const operand = fn.childForFieldName('operand');
  return operand ? { call, receiver: compactText(src, operand) } : undefined;
}

/**
 * Whether a receiver's value, as its file reads it, may hold a server that only the link step
 * can type: not when every value it is given is of, or made by, a package outside the tree
 * that is no server package (`f, err := os.Open(p)`, `var b bytes.Buffer`), or is of a type of
 * the tree that cannot be a server (`c *client`, see `Vocabulary.mayBeServerType`). Bounded in
 * depth.
 */
function mayHoldServer(
  expr: ValueExpr,
  locals: readonly LocalFacts[],
  isTreePackage: (importPath: string) => boolean,
  mayBeServerType: (name: string) => boolean,
  depth = 0,
): boolean {
  if (depth > 4) return true;
  const outside = (pkg: string) =>
    pkg !== '' && !SERVER_PACKAGES.has(pkg) && !isTreePackage(pkg);
  const typeMay = (t: TypeRef): boolean => {
    if (t.k === 'pointer') return typeMay(t.elem);
    if (t.k === 'named')
      return (
        SERVER_PACKAGES.has(t.pkg) ||
        (!outside(t.pkg) && mayBeServerType(t.name))
      );
    return t.k !== 'unknown';
  };
  switch (expr.k) {
    case 'local': {
      const local = locals[expr.id];
      if (!local) return true;
      if (local.type) return typeMay(local.type);
      return local.defs.some(d =>
        mayHoldServer(d, locals, isTreePackage, mayBeServerType, depth + 1),
      );
    }
    case 'call':
      return expr.callee.k === 'method' || !outside(expr.callee.pkg);
    case 'new':
    case 'typed':
      return typeMay(expr.type);
    case 'addr':
      return mayHoldServer(
        expr.of,
        locals,
        isTreePackage,
        mayBeServerType,
        depth + 1,
      );
    case 'unknown':
    case 'lit':
    case 'num':
      return false;
    default:
      return true;
  }
}

/** Whether a type is one of `io`'s closer interfaces (`io.Closer`, `io.ReadCloser`, …). */
function isCloserType(type: TypeRef | undefined): boolean {
  return type?.k === 'named' && isIoCloser(type.pkg, type.name);
}

/**
 * The parameter whose closers a `Close()` receiver holds: `c` of `c io.Closer`, or an element of
 * `cs ...io.Closer` or `cs []io.Closer` (`for _, c := range cs { c.Close() }`, `cs[i].Close()`).
 */
function closerParameter(
  values: ValueReader,
  receiver: Node,
  recv: ValueExpr | undefined,
): number | undefined {
  if (recv?.k === 'param')
    return isCloserType(values.declaredTypeOf(receiver))
      ? recv.index
      : undefined;
  let list: Node | null | undefined;
  if (receiver.type === 'identifier') list = values.rangedOver(receiver);
  else if (receiver.type === 'index_expression')
    list = receiver.childForFieldName('operand');
  if (list?.type !== 'identifier') return undefined;
  const type = values.declaredTypeOf(list);
  const value = values.value(list, 0, 0, 'type');
  return value.k === 'param' && type?.k === 'slice' && isCloserType(type.elem)
    ? value.index
    : undefined;
}

/** The type a receiver's declaration writes (`c *client`), as a value of that type. */
function typeWritten(values: ValueReader, id: Node): ValueExpr | undefined {
  const type = values.declaredTypeOf(id);
  return type && { k: 'typed', type };
}
