import {
  CallRef,
  CloseCall,
  GoFileFacts,
  ServeCall,
  ServiceFacts,
  SignalHandling,
} from '../facts';
import { Binary, orderOf, runsIn } from '../program/binaries';
import { ServiceProgram } from '../program/serviceProgram';
import {
  callsPassSigterm,
  globalListHasSigterm,
  closesAsFallback,
  handedToExit,
  returnedToFatalCaller,
} from './callerRules';
import { BlockingCall, BlockingCalls, lateSignalHandling } from './lateSignals';
import { helperCloses } from './helperCloses';
import {
  packageServerFields,
  typedByFields,
  withFieldCalls,
} from './serverReceivers';

/**
 * What one binary does about serving and shutting down: the facts of every function its `main`
 * reaches through calls within the tree, and of the initializers of the packages it links, across
 * packages and modules of the tree (design.md, Rule notes: "Binaries, not directories").
 * Findings stay at each call's own file and line.
 */
export interface MainPackage {
  /** The directory of the binary's `package main`. */
  dir: string;
  /** The binary: what runs in it. */
  binary: Binary;
  /** Serve calls, in the order `main` reaches them (the first is the one main reaches first). */
  serveCalls: ServeCall[];
  /** The signal handlers it installs before it blocks serving. */
  signalHandling: SignalHandling[];
  /**
   * Handlers it installs only after a serve call has blocked, each with that call: until the
   * server stops, they are not there (see {@link lateSignalHandling}).
   */
  lateSignalHandling: { handling: SignalHandling; after: BlockingCall }[];
  httpServerCloseCalls: CloseCall[];
  httpServerShutdownCalls: CallRef[];
  grpcServers: CallRef[];
  grpcStopCalls: CallRef[];
  grpcGracefulStopCalls: CallRef[];
}

const cache = new WeakMap<ServiceProgram, MainPackage[]>();

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
  const blocking = new BlockingCalls(program, f => withFields.get(f) ?? f);
  const closedByHelpers = new Map<GoFileFacts, CloseCall[]>();
  const out: MainPackage[] = [];
  for (const binary of program.binaries) {
    const late = lateSignalHandling(program, binary, blocking);
    const view: MainPackage = {
      dir: binary.pkg.dir,
      binary,
      serveCalls: [],
      signalHandling: [],
      lateSignalHandling: [],
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
            !s.fatalWithoutErrServerClosed &&
            ((s.errorReturned &&
              returnedToFatalCaller(program, binary, original, s.owner)) ||
              handedToExit(program, original, s))
              ? { ...s, fatalWithoutErrServerClosed: true }
              : s;
          serves.push({ order: orderOf(binary, original, s.owner), call });
        }
        for (const s of runs(file.signalHandling)) {
          let handles: boolean | undefined;
          if (s.signalsFromParam !== undefined)
            handles = callsPassSigterm(
              program,
              binary,
              original,
              s.owner,
              s.signalsFromParam,
            );
          else if (s.signalsFromGlobal)
            handles = globalListHasSigterm(
              program,
              original,
              s.signalsFromGlobal,
            );
          const handling =
            handles === undefined ? s : { ...s, handlesSigterm: handles };
          const after = late(original, s);
          if (after) view.lateSignalHandling.push({ handling, after });
          else view.signalHandling.push(handling);
        }
        let viaHelpers = closedByHelpers.get(original);
        if (!viaHelpers) {
          viaHelpers = helperCloses(program, original);
          closedByHelpers.set(original, viaHelpers);
        }
        view.httpServerCloseCalls.push(...runs(viaHelpers));
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
