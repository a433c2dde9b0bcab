import {
  CallRef,
  CloseCall,
  GoFileFacts,
  ServeCall,
  ServerKind,
  ServiceFacts,
  SignalHandling,
  ValueExpr,
} from '../facts';
import { methodRole } from '../go/serverMethods';
import { receiverName } from '../go/shutdownFallbacks';
import { Binary, orderOf, runsIn } from '../program/binaries';
import { FuncInfo, ResolvedType } from '../program/program';
import { ServiceProgram } from '../program/serviceProgram';

/**
 * What one binary does about serving and shutting down: the facts of every function its `main`
 * reaches through calls within the tree, and of the initializers of the packages it links, across
 * packages and modules of the tree (design.md, Rule notes: "Binaries, not directories").
 * Findings stay at each call's own file and line.
 */
export interface MainPackage {
  /** The directory of the binary's `package main`. */
  dir: string;
  /** Serve calls, in the order `main` reaches them (the first is the one main reaches first). */
  serveCalls: ServeCall[];
  signalHandling: SignalHandling[];
  httpServerCloseCalls: CloseCall[];
  httpServerShutdownCalls: CallRef[];
  grpcServers: CallRef[];
  grpcStopCalls: CallRef[];
  grpcGracefulStopCalls: CallRef[];
}

const cache = new WeakMap<ServiceProgram, MainPackage[]>();

/**
 * Whether a Close is the fallback of a failed Shutdown one call away: its function (`func (s
 * *Server) forceClose() error { return s.http.Close() }`) is called, and only called, where a
 * Shutdown of a server of the same name returned an error (`if err := s.http.Shutdown(ctx); err
 * != nil { return s.forceClose() }`).
 */
function closesAsFallback(
  program: ServiceProgram,
  file: GoFileFacts,
  close: CloseCall,
): boolean {
  const fn = funcOf(program, file, close.owner);
  if (!fn) return false;
  const server = receiverName(close);
  const callers = program.program
    .callers(fn)
    .filter(({ file: caller }) => !caller.isTest);
  return (
    callers.length > 0 &&
    callers.every(
      ({ call, file: caller }) =>
        !call.ref &&
        caller.shutdownFallbacks.some(
          f => f.line === call.at.line && f.server === server,
        ),
    )
  );
}

/**
 * Whether a function that returns a serve call's error unchecked (`func run() error { …; return
 * srv.ListenAndServe() }`) is called, in the binary, where its error ends the process
 * (`if err := run(); err != nil { log.Fatal(err) }`): Shutdown makes the serve call return
 * http.ErrServerClosed, so every graceful stop exits as a failure.
 */
function returnedToFatalCaller(
  program: ServiceProgram,
  binary: Binary,
  file: GoFileFacts,
  owner: number | undefined,
): boolean {
  const fn = funcOf(program, file, owner);
  return (
    !!fn &&
    program.program
      .callers(fn)
      .some(
        ({ call, file: caller }) =>
          !call.ref &&
          runsIn(binary, program.program, caller, call.owner) &&
          caller.fatalErrorCalls.some(f => f.line === call.at.line),
      )
  );
}

/** The top-level function `owner` of a file, when it is one. */
function funcOf(
  program: ServiceProgram,
  file: GoFileFacts,
  owner: number | undefined,
): FuncInfo | undefined {
  return owner === undefined || owner < 0
    ? undefined
    : program.program.funcs.get(`${file.path}#${owner}`);
}

/** Packages whose `SIGTERM` is the termination signal (syscall's, and x/sys/unix's). */
const SIGNAL_PACKAGES = new Set(['os', 'syscall', 'golang.org/x/sys/unix']);

/**
 * Whether a signal argument may be SIGTERM: `syscall.SIGTERM`/`unix.SIGTERM` is; another signal of
 * those packages (`os.Interrupt`, `syscall.SIGINT`) is not; anything else may be.
 */
function mayPassSigterm(arg: ValueExpr): boolean {
  if (arg.k !== 'global' || !SIGNAL_PACKAGES.has(arg.pkg)) return true;
  return arg.name === 'SIGTERM';
}

/**
 * Whether a handler that takes its signals from parameter `index` of its function (`owner` of
 * `file`) handles SIGTERM in a binary: some call of that function the binary makes passes
 * SIGTERM there (or a signal it cannot tell, or none at all to a variadic list: every signal).
 * When the binary makes no call it can see (the function is handed on as a value), it may.
 */
function callsPassSigterm(
  program: ServiceProgram,
  binary: Binary,
  file: GoFileFacts,
  owner: number | undefined,
  index: number,
): boolean {
  const fn = funcOf(program, file, owner);
  if (!fn) return true;
  const calls = program.program
    .callers(fn)
    .filter(
      ({ call, file: caller }) =>
        !call.ref && runsIn(binary, program.program, caller, call.owner),
    );
  return (
    calls.length === 0 ||
    calls.some(({ call }) => {
      const signals = call.args.slice(index);
      return signals.length === 0 || signals.some(mayPassSigterm);
    })
  );
}

/** The binaries of a service with the shutdown facts that run in each, in directory order. */
export function mainPackages(
  _facts: ServiceFacts,
  program: ServiceProgram,
): MainPackage[] {
  const known = cache.get(program);
  if (known) return known;
  const withFields = new Map<GoFileFacts, GoFileFacts>();
  for (const pkg of program.program.index.packages) {
    const files = pkg.files.filter(f => !f.isTest);
    const fields = packageServerFields(files);
    for (const f of files) {
      withFields.set(
        f,
        typedByFields(withFieldCalls(f, fields, program), program),
      );
    }
  }
  const out: MainPackage[] = [];
  for (const binary of program.binaries) {
    const view: MainPackage = {
      dir: binary.pkg.dir,
      serveCalls: [],
      signalHandling: [],
      httpServerCloseCalls: [],
      httpServerShutdownCalls: [],
      grpcServers: [],
      grpcStopCalls: [],
      grpcGracefulStopCalls: [],
    };
    const serves: { order: number; call: ServeCall }[] = [];
    for (const pkg of binary.linked) {
      for (const original of pkg.files) {
        const file = withFields.get(original);
        if (!file) continue;
        const runs = <T extends { owner?: number }>(list: T[]) =>
          list.filter(x => runsIn(binary, program.program, original, x.owner));
        for (const s of runs(file.serveCalls)) {
          const call =
            s.errorReturned &&
            !s.fatalWithoutErrServerClosed &&
            returnedToFatalCaller(program, binary, original, s.owner)
              ? { ...s, fatalWithoutErrServerClosed: true }
              : s;
          serves.push({ order: orderOf(binary, original, s.owner), call });
        }
        for (const s of runs(file.signalHandling)) {
          view.signalHandling.push(
            s.signalsFromParam === undefined
              ? s
              : {
                  ...s,
                  handlesSigterm: callsPassSigterm(
                    program,
                    binary,
                    original,
                    s.owner,
                    s.signalsFromParam,
                  ),
                },
          );
        }
        for (const c of runs(file.httpServerCloseCalls)) {
          view.httpServerCloseCalls.push(
            c.afterShutdown || !closesAsFallback(program, original, c)
              ? c
              : { ...c, afterShutdown: true },
          );
        }
        view.httpServerShutdownCalls.push(
          ...runs(file.httpServerShutdownCalls),
        );
        view.grpcServers.push(...runs(file.grpcServers));
        view.grpcStopCalls.push(...runs(file.grpcStopCalls));
        view.grpcGracefulStopCalls.push(...runs(file.grpcGracefulStopCalls));
      }
    }
    view.serveCalls = serves
      .sort(
        (a, b) =>
          a.order - b.order ||
          a.call.path.localeCompare(b.call.path) ||
          a.call.line - b.call.line,
      )
      .map(s => s.call);
    out.push(view);
  }
  out.sort((a, b) => a.dir.localeCompare(b.dir));
  cache.set(program, out);
  return out;
}

function packageServerFields(
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
function withFieldCalls(
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
  'github.com/gin-gonic/gin.Engine': 'framework',
  'github.com/labstack/echo/v4.Echo': 'framework',
  'github.com/labstack/echo/v5.Echo': 'framework',
  'github.com/gofiber/fiber/v2.App': 'framework',
  'github.com/gofiber/fiber/v3.App': 'framework',
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
function serverKindOfType(
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
function typedByFields(
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

/** Whether the binary handles SIGTERM (signal.Notify/NotifyContext with it, or with no list). */
export function handlesSigterm(pkg: MainPackage): boolean {
  return pkg.signalHandling.some(s => s.handlesSigterm);
}

/** How a binary is named in messages. */
export function describePackage(pkg: MainPackage): string {
  return pkg.dir === '.'
    ? 'the binary of package main'
    : `the binary of package main in ${pkg.dir}/`;
}

/** Findings keyed by location: a fact shared by several binaries is reported once. */
export class FindingsByPlace<T> {
  private readonly map = new Map<string, T>();

  add(ref: { path: string; line: number }, make: () => T) {
    const key = `${ref.path}:${ref.line}`;
    if (!this.map.has(key)) this.map.set(key, make());
  }

  values(): T[] {
    return [...this.map.values()];
  }
}
