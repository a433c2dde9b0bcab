import { posix } from 'node:path';
import { Callee, GoFileFacts, SignalHandling, SourceRef } from '../facts';
import { Binary, reachedBeforeBlocking, runsAfter } from '../program/binaries';
import { FuncId } from '../program/program';
import { ServiceProgram } from '../program/serviceProgram';

/** A callee as messages name it: `run`, `server.Run`, `Start` for a method. */
function calleeName(callee: Callee): string {
  if (callee.k === 'method') return callee.name;
  return callee.pkg
    ? `${posix.basename(callee.pkg)}.${callee.name}`
    : callee.name;
}

/** Where a function first blocks serving: the body statement, and the call that blocks there. */
export interface BlockingCall {
  stmt: number;
  call: SourceRef & { callee: string };
}

/**
 * The statements at which functions of the tree block serving traffic: a serve call that runs
 * to its end before the next body statement (`srv.Serve(l)`, `log.Fatal(srv.ListenAndServe())`,
 * not `go srv.Serve(l)`: see `StatementPlace.sync`), or, the same way, a call of a function
 * that blocks, whatever function it may be. `files` gives a file's facts with the server calls
 * the link step typed (see `withFieldCalls`).
 */
export class BlockingCalls {
  private readonly memo = new Map<FuncId, BlockingCall | null>();

  constructor(
    private readonly program: ServiceProgram,
    private readonly files: (file: GoFileFacts) => GoFileFacts,
  ) {}

  /** Where the function first blocks, or undefined when no statement of its body blocks. */
  of(id: FuncId): BlockingCall | undefined {
    const known = this.memo.get(id);
    if (known !== undefined) return known ?? undefined;
    this.memo.set(id, null); // a cycle: a call back into the function is not known to block
    const fn = this.program.program.funcs.get(id);
    let first: BlockingCall | undefined;
    const consider = (candidate: BlockingCall) => {
      if (!first || candidate.stmt < first.stmt) first = candidate;
    };
    if (fn) {
      for (const serve of this.files(fn.file).serveCalls) {
        if (serve.owner === fn.index && serve.place?.sync)
          consider({ stmt: serve.place.stmt, call: serve });
      }
      for (const call of fn.file.program.calls) {
        if (call.owner !== fn.index || call.ref || !call.place?.sync) continue;
        if (first && call.place.stmt >= first.stmt) continue;
        const callees = this.program.program.callees(call.callee, {
          file: fn.file,
          owner: fn.index,
        });
        if (callees.length && callees.every(c => this.of(c.id))) {
          consider({
            stmt: call.place.stmt,
            call: { ...call.at, callee: calleeName(call.callee) },
          });
        }
      }
    }
    this.memo.set(id, first ?? null);
    return first;
  }
}

/**
 * A binary's signal handlers installed only after it has blocked serving, each with the call
 * that holds it back: while that call serves, nothing handles SIGTERM, so Go's default action
 * ends the process mid-request (os/signal: "By default, a synchronous signal is converted into a
 * run-time panic. A SIGHUP, SIGINT, or SIGTERM signal causes the program to exit.").
 */
export function lateSignalHandling(
  program: ServiceProgram,
  binary: Binary,
  blocking: BlockingCalls,
): (file: GoFileFacts, handling: SignalHandling) => BlockingCall | undefined {
  let walk: ReturnType<typeof reachedBeforeBlocking> | undefined;
  return (file, handling) => {
    const owner = handling.owner;
    if (owner === undefined || owner < 0) return undefined;
    const id = `${file.path}#${owner}`;
    const own = blocking.of(id);
    if (own && handling.place && runsAfter(handling.place, own.stmt))
      return own;
    walk ??= reachedBeforeBlocking(
      program.program,
      binary,
      fn => blocking.of(fn)?.stmt,
    );
    if (walk.reached.has(id)) return undefined;
    const by = walk.heldBack.get(id);
    return by === undefined ? undefined : blocking.of(by);
  };
}
