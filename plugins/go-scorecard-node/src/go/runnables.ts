import { Node } from 'web-tree-sitter';
import { GoProgramFacts } from '../programFacts';
import { ImportResolver } from './imports';
import { methodCalls } from './methodCalls';
import { LibraryTable, libraryRefs, PackageRef } from './packageRefs';
import { callArguments, GoSource } from './syntax';
import { TopDecls } from './topDecls';
import { ValueReader } from './values';
import { Vocabulary } from './vocabulary';

/** A library function that calls methods of a value handed to it: the argument, and the methods. */
export interface RunnerFunc {
  arg: number;
  methods: readonly string[];
}

/**
 * Library functions that run the methods of a program handed to them, by import path:
 * judwhite/go-svc's `svc.Run(prg, sigs...)` calls `prg.Init(env)`, `prg.Start()`, then, on one of
 * the signals, `prg.Stop()` (go-svc's README and `Run`); kardianos/service's `service.New(prg,
 * cfg)` gives a Service whose `Run` calls `prg.Start(s)`, then `prg.Stop(s)` (its README).
 */
export const RUNNER_FUNCS: LibraryTable<RunnerFunc> = [
  {
    path: /^github\.com\/judwhite\/go-svc(\/svc)?$/,
    names: { Run: { arg: 0, methods: ['Init', 'Start', 'Stop'] } },
  },
  {
    path: /^github\.com\/kardianos\/service$/,
    names: { New: { arg: 0, methods: ['Start', 'Stop'] } },
  },
];

/**
 * The calls of {@link RUNNER_FUNCS}: each is recorded as a reference to the methods it runs of
 * the value it is handed (`svc.Run(&program{}, …)` runs `(*program).Start`), as for
 * {@link managerRunnables}.
 */
export function libraryRunnables(
  imports: ImportResolver,
  values: ValueReader,
  tops: TopDecls,
  facts: GoProgramFacts,
  refs: (path: string) => PackageRef[],
) {
  for (const { ref, spec } of libraryRefs(
    imports.paths(),
    refs,
    RUNNER_FUNCS,
  )) {
    const arg = ref.call && callArguments(ref.call)[spec.arg];
    const owner = ref.call && tops.ownerAt(ref.call.startIndex);
    if (!ref.call || !arg || owner === undefined) continue;
    const recv = values.value(arg, 0, 0, 'type');
    for (const name of spec.methods)
      facts.calls.push({
        owner,
        callee: { k: 'method', recv, name },
        args: [],
        ref: true,
        at: values.where(ref.call),
      });
  }
}

/** controller-runtime's packages whose `Manager` runs what is added to it. */
const MANAGER_PACKAGES = /^sigs\.k8s\.io\/controller-runtime(\/pkg\/manager)?$/;
/** Their constructors of a Manager (`ctrl.NewManager`, `manager.New`). */
const MANAGER_CONSTRUCTORS = new Set(['NewManager', 'New']);

/**
 * `mgr.Add(r)` on a controller-runtime Manager: the manager calls `r.Start(ctx)` when it starts
 * (controller-runtime docs, manager.Runnable), so `Start` of `r`'s type may run, as a method
 * handed on as a value may. Recorded as a reference to that method (a server made and served in
 * an operator's runnable is then part of the binary). The receiver is a Manager when it is made
 * by a constructor of those packages here, declared with their `Manager` type, or a field
 * declared so.
 */
export function managerRunnables(
  src: GoSource,
  imports: ImportResolver,
  values: ValueReader,
  tops: TopDecls,
  facts: GoProgramFacts,
  vocabulary: Vocabulary,
) {
  if (!imports.paths().some(p => MANAGER_PACKAGES.test(p))) return;
  for (const m of methodCalls(src, 'Add')) {
    const args = callArguments(m.call);
    if (m.value || args.length !== 1) continue;
    if (!isManager(values, vocabulary, m.receiver)) continue;
    const owner = tops.ownerAt(m.call.startIndex);
    if (owner === undefined) continue;
    facts.calls.push({
      owner,
      callee: {
        k: 'method',
        recv: values.value(args[0], 0, 0, 'type'),
        name: 'Start',
      },
      args: [],
      ref: true,
      at: values.where(m.call),
    });
  }
}

/**
 * Whether a receiver is a controller-runtime Manager (see {@link managerRunnables}): declared
 * with its `Manager` type, made by one of its constructors, or a struct field some struct of
 * the tree declares as a `Manager` (`s.mgr` for `type Server struct{ mgr manager.Manager }`,
 * also through a local copy, `mgr := s.mgr`).
 */
function isManager(
  values: ValueReader,
  vocabulary: Vocabulary,
  receiver: Node,
): boolean {
  if (receiver.type === 'identifier') {
    const declared = values.declaredTypeOf(receiver);
    if (declared?.k === 'named')
      return MANAGER_PACKAGES.test(declared.pkg) && declared.name === 'Manager';
  }
  const v = values.value(receiver, 0, 0, 'type');
  const defs = v.k === 'local' ? values.locals[v.id]?.defs ?? [] : [v];
  return defs.some(
    d =>
      (d.k === 'call' &&
        d.callee.k === 'func' &&
        MANAGER_PACKAGES.test(d.callee.pkg) &&
        MANAGER_CONSTRUCTORS.has(d.callee.name)) ||
      (d.k === 'field' && vocabulary.fieldMayHold(d.name, 'Manager')),
  );
}
