import { builtIntoBinaries } from './builtIntoBinaries';
import { CallFacts, GoFileFacts, Owner, StatementPlace } from '../facts';
import { PackageInfo } from './moduleIndex';
import { FuncId, Program } from './program';

/**
 * A binary: a `package main` and what runs in it. `linked` are the packages of the tree it
 * imports, directly or not (their package initializers and `init` functions run); `order` gives
 * each reachable function its place in a depth-first walk of the calls from `main`, in source
 * order, so "the first serve call" means the first one `main` reaches.
 */
export interface Binary {
  pkg: PackageInfo;
  linked: Set<PackageInfo>;
  order: Map<FuncId, number>;
  /** Where the walk starts: the linked packages' initializers, then `main.main`. */
  roots: FuncId[];
}

/** The id of a package's initializers (var initializers and `init` functions). */
function initId(pkg: PackageInfo): string {
  return `${pkg.id}#init`;
}

/**
 * The binaries of a program and the functions each reaches through calls within the tree (Go
 * spec, "Program execution": a program runs its packages' initializers, then `main.main`). A
 * reference to a function (a method value handed to errgroup, a handler) counts as a call; a
 * function literal runs as part of the function that holds it; a call whose callee cannot be
 * resolved (a value of an interface no type of the tree implements, a library) leads nowhere.
 */
export function binaries(program: Program): Binary[] {
  const out: Binary[] = [];
  for (const pkg of program.index.packages) {
    if (pkg.name !== 'main' || pkg.id !== pkg.dir) continue;
    const mainFile = pkg.files.find(
      f =>
        builtIntoBinaries(f) &&
        f.program.funcs.some(fn => fn.name === 'main' && !fn.recv),
    );
    if (!mainFile) continue;
    const linked = linkedPackages(program, pkg);
    const order = new Map<FuncId, number>();
    const visit = (root: FuncId) => {
      // Depth-first, preorder, callees in source order; iterative, for deep call chains.
      const stack: { callees: FuncId[]; next: number }[] = [];
      const enter = (id: FuncId) => {
        if (order.has(id)) return;
        order.set(id, order.size);
        stack.push({ callees: calleesOf(program, id), next: 0 });
      };
      enter(root);
      while (stack.length) {
        const top = stack[stack.length - 1];
        if (top.next >= top.callees.length) stack.pop();
        else enter(top.callees[top.next++]);
      }
    };
    const mainIndex = mainFile.program.funcs.findIndex(
      fn => fn.name === 'main' && !fn.recv,
    );
    // Initializers run first; their order among packages does not matter for the checks.
    const roots = [...linked].map(initId);
    roots.push(`${mainFile.path}#${mainIndex}`);
    for (const root of roots) visit(root);
    out.push({ pkg, linked, order, roots });
  }
  return out;
}

/** The packages of the tree a main package imports, directly or not, itself included. */
function linkedPackages(program: Program, main: PackageInfo): Set<PackageInfo> {
  const linked = new Set<PackageInfo>([main]);
  const queue = [main];
  while (queue.length) {
    const pkg = queue.shift()!;
    for (const file of pkg.files) {
      if (!builtIntoBinaries(file)) continue;
      for (const imp of file.imports) {
        const dep = program.index.resolveImport(imp.path, file.dir);
        if (dep && !linked.has(dep)) {
          linked.add(dep);
          queue.push(dep);
        }
      }
    }
  }
  return linked;
}

/** A call of a function (or a package's initializers) and the functions of the tree it may reach. */
interface CallEdge {
  call?: CallFacts;
  callees: FuncId[];
}

const edgeCache = new WeakMap<Program, Map<string, CallEdge[]>>();

/**
 * The calls and references of a function (or of a package's initializers, with its `init`
 * functions as edges of their own), in source order, each with the functions it may reach.
 */
function edgesOf(program: Program, id: string): CallEdge[] {
  let cache = edgeCache.get(program);
  if (!cache) {
    cache = new Map();
    edgeCache.set(program, cache);
  }
  const known = cache.get(id);
  if (known) return known;
  const out: CallEdge[] = [];
  const add = (file: GoFileFacts, owner: Owner) => {
    const calls = file.program.calls
      .filter(c => c.owner === owner)
      .sort((a, b) => a.at.line - b.at.line);
    for (const call of calls) {
      out.push({
        call,
        callees: program.callees(call.callee, { file, owner }).map(f => f.id),
      });
    }
  };
  if (id.endsWith('#init')) {
    const pkg = program.index.packages.find(p => initId(p) === id);
    for (const file of pkg?.files ?? []) {
      if (!builtIntoBinaries(file)) continue;
      add(file, -1);
      file.program.funcs.forEach((fn, index) => {
        if (fn.name === 'init' && !fn.recv)
          out.push({ callees: [`${file.path}#${index}`] });
      });
    }
  } else {
    const fn = program.funcs.get(id);
    if (fn && builtIntoBinaries(fn.file)) add(fn.file, fn.index);
  }
  cache.set(id, out);
  return out;
}

/** The functions a function (or a package's initializers) calls or references, in source order. */
function calleesOf(program: Program, id: string): FuncId[] {
  return edgesOf(program, id).flatMap(e => e.callees);
}

/**
 * Whether what sits at `place` runs only after the body statement `stmt` of its function has
 * ended: it is in a later statement, or deferred (a deferred call runs when the function
 * returns; Go spec, "Defer statements").
 */
export function runsAfter(place: StatementPlace, stmt: number): boolean {
  return place.stmt > stmt || !!place.deferred;
}

/**
 * The functions of a binary that run before it blocks: the walk from its roots (see
 * {@link binaries}) leaves out every call placed in a function's body after the statement
 * where `blocksAt` says that function blocks (a body statement index: `srv.Serve(l)` at the
 * top of `main` holds every later statement back until the server stops), or deferred there
 * (`defer handleSignals(srv)` before it runs when the function returns). A call without a
 * place (a package initializer's) is always taken. `heldBack` maps each function the binary
 * reaches only that way to the function whose blocking statement holds it back.
 */
export function reachedBeforeBlocking(
  program: Program,
  binary: Binary,
  blocksAt: (fn: FuncId) => number | undefined,
): { reached: Set<FuncId>; heldBack: Map<FuncId, FuncId> } {
  const reached = new Set<FuncId>();
  const held: { callee: FuncId; by: FuncId }[] = [];
  const stack = [...binary.roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    const block = id.endsWith('#init') ? undefined : blocksAt(id);
    for (const edge of edgesOf(program, id)) {
      const place = edge.call?.place;
      const late =
        block !== undefined && place !== undefined && runsAfter(place, block);
      for (const callee of edge.callees) {
        if (late) held.push({ callee, by: id });
        else if (!reached.has(callee)) stack.push(callee);
      }
    }
  }
  const heldBack = new Map<FuncId, FuncId>();
  while (held.length) {
    const { callee, by } = held.shift()!;
    if (reached.has(callee) || heldBack.has(callee)) continue;
    heldBack.set(callee, by);
    for (const edge of edgesOf(program, callee))
      for (const next of edge.callees) held.push({ callee: next, by });
  }
  return { reached, heldBack };
}

/** Whether a fact (by its file and owner) runs in a binary. */
export function runsIn(
  binary: Binary,
  program: Program,
  file: GoFileFacts,
  owner: Owner | undefined,
): boolean {
  if (!builtIntoBinaries(file)) return false;
  const pkg = program.index.packageOf(file);
  if (!binary.linked.has(pkg)) return false;
  if (owner === undefined) return pkg === binary.pkg;
  if (owner < 0) return true;
  return binary.order.has(`${file.path}#${owner}`);
}

/** A fact's place in the walk from `main` (for "the first one main reaches"). */
export function orderOf(
  binary: Binary,
  file: GoFileFacts,
  owner: Owner | undefined,
): number {
  if (owner === undefined || owner < 0) return -1;
  return binary.order.get(`${file.path}#${owner}`) ?? Number.MAX_SAFE_INTEGER;
}
