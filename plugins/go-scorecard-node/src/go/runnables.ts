import { Node } from 'web-tree-sitter';
import { GoProgramFacts } from '../programFacts';
import { ImportResolver } from './imports';
import { methodCalls } from './methodCalls';
import { callArguments, GoSource } from './syntax';
import { TopDecls } from './topDecls';
import { ValueReader } from './values';
import { Vocabulary } from './vocabulary';

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
