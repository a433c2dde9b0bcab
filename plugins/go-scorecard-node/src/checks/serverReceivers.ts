import { CallRef, GoFileFacts, ServerKind, ValueExpr } from '../facts';
import {
  FRAMEWORKS,
  HTTP_SERVER_METHODS,
  methodRole,
} from '../go/serverMethods';
import { ResolvedType } from '../program/program';
import { ServiceProgram } from '../program/serviceProgram';

/*
 * Which server a method call's receiver holds, on the linked program: fields a package's files
 * bind to servers, the declared types of fields and locals, and methods promoted from an
 * embedded server. The extractor binds what one file shows; this adds what the package and the
 * types show.
 */

export function packageServerFields(
  files: GoFileFacts[],
): Map<string, Set<ServerKind>> {
  const fields = new Map<string, Set<ServerKind>>();
  for (const file of files) {
    for (const [field, kinds] of Object.entries(file.serverFields)) {
      const set = fields.get(field) ?? new Set<ServerKind>();
      kinds.forEach(k => set.add(k));
      fields.set(field, set);
    }
  }
  return fields;
}

/**
 * The file's facts with its method calls on the package's server fields added (`s.srv.Close()`
 * in main.go, `srv *http.Server` declared in server.go), as if one file held both.
 */
export function withFieldCalls(
  file: GoFileFacts,
  fields: Map<string, Set<ServerKind>>,
  program: ServiceProgram,
): GoFileFacts {
  const calls = file.unboundFieldCalls.filter(
    c =>
      (c.field !== undefined && fields.has(c.field)) ||
      receiverKind(program, file, c) !== undefined,
  );
  if (!calls.length) return file;
  const merged: GoFileFacts = {
    ...file,
    serveCalls: [...file.serveCalls],
    httpServerCloseCalls: [...file.httpServerCloseCalls],
    httpServerShutdownCalls: [...file.httpServerShutdownCalls],
    grpcStopCalls: [...file.grpcStopCalls],
    grpcGracefulStopCalls: [...file.grpcGracefulStopCalls],
  };
  for (const call of calls) {
    const { field, method, fatalWithoutErrServerClosed, recv, ...ref } = call;
    const typed = receiverKind(program, file, call);
    const kinds = typed
      ? [typed]
      : [...((field !== undefined && fields.get(field)) || [])];
    for (const kind of kinds) {
      if (kind === 'none') continue;
      switch (methodRole(kind, method)) {
        case 'serve':
          merged.serveCalls.push({
            kind: kind === 'http' ? 'http-server' : kind,
            fatalWithoutErrServerClosed:
              kind === 'http' && fatalWithoutErrServerClosed,
            ...ref,
          });
          break;
        case 'close':
          merged.httpServerCloseCalls.push(ref);
          break;
        case 'shutdown':
          merged.httpServerShutdownCalls.push(ref);
          break;
        case 'stop':
          merged.grpcStopCalls.push(ref);
          break;
        case 'gracefulStop':
          merged.grpcGracefulStopCalls.push(ref);
          break;
        default:
      }
    }
  }
  merged.serveCalls.sort((a, b) => a.line - b.line);
  return merged;
}

/** The declared types of the servers the shutdown checks know, by type key. */
const SERVER_TYPES: Record<string, ServerKind> = {
  'net/http.Server': 'http',
  'google.golang.org/grpc.Server': 'grpc',
  ...Object.fromEntries(
    Object.entries(FRAMEWORKS).flatMap(([path, f]) =>
      f.types.map(t => [`${path}.${t}`, 'framework' as const]),
    ),
  ),
};

/** Deepest chain of embedded structs followed to a promoted server method. */
const MAX_PROMOTION_DEPTH = 4;

/**
 * The server kind whose `method` a value of type `t` calls: the type's own kind, or the kind of
 * the server an embedded field promotes the method from (`type Server struct{ *grpc.Server }`:
 * `s.Stop()` is grpc's Stop unless the tree declares a `Stop` of its own on the way; Go spec,
 * Selectors). `none` when the type is known and the method is no server's, undefined when the
 * program cannot type the value.
 */
export function serverKindOfType(
  program: ServiceProgram,
  t: ResolvedType,
  method: string,
  depth = 0,
): ServerKind | 'none' | undefined {
  if (t.k !== 'named') return undefined;
  const own = SERVER_TYPES[t.key];
  if (own) return own;
  if (!t.decl || depth > MAX_PROMOTION_DEPTH) return 'none';
  // A method the tree declares on the type (or on a type of the tree it embeds) is followed as
  // a call of the tree's code, not taken for the server's.
  if (program.program.methodsOf(t, method).length) return 'none';
  const u = program.program.underlying(t);
  // An interface of the tree that `*http.Server` implements may hold one: its Shutdown may be
  // the server's drain (traefik's `stoppable`). Other calls on it are not taken for a server's.
  if (u.k === 'interface')
    return methodRole('http', method) === 'shutdown' &&
      u.methods.every(m => HTTP_SERVER_METHODS.has(m))
      ? 'http'
      : 'none';
  if (u.k !== 'struct') return 'none';
  for (const f of u.fields) {
    if (!f.embedded) continue;
    const kind = serverKindOfType(
      program,
      program.program.resolveType(f.type, { file: u.file, owner: -1 }),
      method,
      depth + 1,
    );
    if (kind && kind !== 'none' && methodRole(kind, method)) return kind;
  }
  return 'none';
}

/**
 * The server kind of the receiver a method is called on, from its declared type: a field
 * (`s.srv.Close()`) or, for `recv`, a local, parameter or receiver; `none` when the type is
 * known and the method is no server's, undefined when the program cannot type the receiver.
 */
function receiverKind(
  program: ServiceProgram,
  file: GoFileFacts,
  call: CallRef & { recv?: ValueExpr },
): ServerKind | 'none' | undefined {
  const recv: ValueExpr | undefined = call.recvField
    ? { k: 'field', of: call.recvField.of, name: call.recvField.name }
    : call.recv;
  if (!recv) return undefined;
  const type = program.program.typeOf(recv, { file, owner: call.owner ?? -1 });
  return serverKindOfType(program, type, methodOf(call.callee));
}

/** The method of a callee as written: `Close` of `s.srv.Close`. */
function methodOf(callee: string): string {
  return callee.slice(callee.lastIndexOf('.') + 1);
}

/** The file's server calls without those on fields whose declared type says another kind. */
export function typedByFields(
  file: GoFileFacts,
  program: ServiceProgram,
): GoFileFacts {
  const keep = (kind: ServerKind) => (c: CallRef) => {
    const typed = receiverKind(program, file, c);
    return typed === undefined || typed === kind;
  };
  return {
    ...file,
    serveCalls: file.serveCalls.filter(
      s =>
        s.kind === 'http-func' ||
        keep(s.kind === 'http-server' ? 'http' : s.kind)(s),
    ),
    httpServerCloseCalls: file.httpServerCloseCalls.filter(keep('http')),
    httpServerShutdownCalls: file.httpServerShutdownCalls.filter(
      c => keep('http')(c) || keep('framework')(c),
    ),
    grpcStopCalls: file.grpcStopCalls.filter(keep('grpc')),
    grpcGracefulStopCalls: file.grpcGracefulStopCalls.filter(keep('grpc')),
  };
}
