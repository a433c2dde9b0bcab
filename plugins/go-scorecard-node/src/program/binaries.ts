import { GoFileFacts, Owner } from '../facts';
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
        !f.isTest && f.program.funcs.some(fn => fn.name === 'main' && !fn.recv),
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
    for (const p of linked) visit(initId(p));
    visit(`${mainFile.path}#${mainIndex}`);
    out.push({ pkg, linked, order });
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
      if (file.isTest) continue;
      for (const imp of file.imports) {
        const dep = program.index.resolveImport(imp.path);
        if (dep && !linked.has(dep)) {
          linked.add(dep);
          queue.push(dep);
        }
      }
    }
  }
  return linked;
}

const calleeCache = new WeakMap<Program, Map<string, FuncId[]>>();

/** The functions a function (or a package's initializers) calls or references, in source order. */
function calleesOf(program: Program, id: string): FuncId[] {
  let cache = calleeCache.get(program);
  if (!cache) {
    cache = new Map();
    calleeCache.set(program, cache);
  }
  const known = cache.get(id);
  if (known) return known;
  const out: FuncId[] = [];
  const add = (file: GoFileFacts, owner: Owner) => {
    const calls = file.program.calls
      .filter(c => c.owner === owner)
      .sort((a, b) => a.at.line - b.at.line);
    for (const call of calls) {
      for (const fn of program.callees(call.callee, { file, owner }))
        out.push(fn.id);
    }
  };
  if (id.endsWith('#init')) {
    const pkg = program.index.packages.find(p => initId(p) === id);
    for (const file of pkg?.files ?? []) {
      if (file.isTest) continue;
      add(file, -1);
      file.program.funcs.forEach((fn, index) => {
        if (fn.name === 'init' && !fn.recv) out.push(`${file.path}#${index}`);
      });
    }
  } else {
    const fn = program.funcs.get(id);
    if (fn && !fn.file.isTest) add(fn.file, fn.index);
  }
  cache.set(id, out);
  return out;
}

/** Whether a fact (by its file and owner) runs in a binary. */
export function runsIn(
  binary: Binary,
  program: Program,
  file: GoFileFacts,
  owner: Owner | undefined,
): boolean {
  if (file.isTest) return false;
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
