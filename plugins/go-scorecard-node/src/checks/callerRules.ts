import { builtIntoBinaries } from '../program/builtIntoBinaries';
import {
  CallRef,
  CloseCall,
  GoFileFacts,
  ServeCall,
  ValueExpr,
} from '../facts';
import { receiverName } from '../go/shutdownFallbacks';
import { SIGNAL_PACKAGES } from '../go/signalFacts';
import { Binary, runsIn } from '../program/binaries';
import { FuncInfo } from '../program/program';
import { ServiceProgram } from '../program/serviceProgram';

/*
 * What the callers of a function decide about a shutdown fact inside it, on the linked program:
 * the extractor sees one file, and these facts depend on how and where the function is called.
 */

/**
 * Whether a Close is the fallback of a failed Shutdown one call away: its function (`func (s
 * *Server) forceClose() error { return s.http.Close() }`) is called, and only called, where a
 * Shutdown of a server of the same name returned an error (`if err := s.http.Shutdown(ctx); err
 * != nil { return s.forceClose() }`).
 */
export function closesAsFallback(
  program: ServiceProgram,
  file: GoFileFacts,
  close: CloseCall,
): boolean {
  const fn = funcOf(program, file, close.owner);
  if (!fn) return false;
  const server = receiverName(close);
  const callers = program.program
    .callers(fn)
    .filter(({ file: caller }) => builtIntoBinaries(caller));
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
export function returnedToFatalCaller(
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

/**
 * Whether a serve call's error, handed to a call (`loggerx.ExitOnError(err, "serve")`), goes to
 * a function of the tree that ends the process on that parameter when it is not nil.
 */
export function handedToExit(
  program: ServiceProgram,
  file: GoFileFacts,
  serve: ServeCall,
): boolean {
  const handed = serve.errorHandedTo;
  if (!handed) return false;
  return file.program.calls.some(
    call =>
      !call.ref &&
      call.at.line === handed.line &&
      call.callee.name === handed.name &&
      program.program
        .callees(call.callee, { file, owner: call.owner })
        .some(fn =>
          fn.file.exitOnErrorParams.some(
            e => e.owner === fn.index && e.param === handed.arg,
          ),
        ),
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
export function callsPassSigterm(
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

/**
 * Whether a package-level signal list a handler names from another file or package
 * (`signal.Notify(ch, shutdownSignals...)`) may hold SIGTERM, read from the files that declare
 * it; undefined when no file of the tree declares it as a list (it may, as before).
 */
export function globalListHasSigterm(
  program: ServiceProgram,
  file: GoFileFacts,
  list: { pkg: string; name: string },
): boolean | undefined {
  const lists = program.program
    .globalDecls({ file, owner: -1 }, list.pkg, list.name)
    .flatMap(d => d.file.signalLists.filter(l => l.name === list.name));
  return lists.length ? lists.some(l => l.sigterm) : undefined;
}

/** Deepest chain of helpers followed back to the server a parameter is handed. */
const MAX_HANDED_DEPTH = 4;

/**
 * The names of the servers a method call's receiver may be, per call site: `s` of `s.Stop()` in
 * `func kill(s *grpc.Server)` is each argument the binary's calls of `kill` hand it (`kill(b)`
 * names `b`, `kill(s.peer)` names `peer`), followed through helpers that hand their own
 * parameter on; otherwise, or when a call hands something without a name (a call's result), or
 * the function is handed on as a value, the receiver's own last name (`receiverName`).
 */
export function serverNames(
  program: ServiceProgram,
  binary: Binary,
  call: CallRef,
): string[] {
  const name = receiverName(call);
  const written = call.callee.slice(0, call.callee.lastIndexOf('.'));
  const fn =
    written.trim() === name && call.owner !== undefined && call.owner >= 0
      ? program.program.funcs.get(`${call.path}#${call.owner}`)
      : undefined;
  return (fn && handedNames(program, binary, fn, name, 0)) ?? [name];
}

/** What the binary's calls of `fn` hand its parameter `param`, by name (see `serverNames`). */
function handedNames(
  program: ServiceProgram,
  binary: Binary,
  fn: FuncInfo,
  param: string,
  depth: number,
): string[] | undefined {
  const { params, variadic } = fn.facts;
  const index = params.findIndex(p => p.name === param);
  if (index < 0 || depth >= MAX_HANDED_DEPTH) return undefined;
  if (variadic && index === params.length - 1) return undefined;
  const calls = program.program
    .callers(fn)
    .filter(({ call, file }) =>
      runsIn(binary, program.program, file, call.owner),
    );
  if (calls.length === 0 || calls.some(({ call }) => call.ref))
    return undefined;
  const names = new Set<string>();
  for (const { call, file } of calls) {
    const arg = call.args[index];
    let handed: string[] | undefined;
    if (arg?.k === 'local') handed = [file.program.locals[arg.id]?.name];
    else if (arg?.k === 'field' || arg?.k === 'global') handed = [arg.name];
    else if (arg?.k === 'param') {
      const caller = funcOf(program, file, call.owner);
      const own = caller?.facts.params[arg.index]?.name;
      handed =
        caller && own
          ? handedNames(program, binary, caller, own, depth + 1) ?? [own]
          : undefined;
    }
    if (!handed || handed.some(n => !n)) return undefined;
    handed.forEach(n => names.add(n));
  }
  return [...names];
}
