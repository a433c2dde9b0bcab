import { Node } from 'web-tree-sitter';
import { SignalHandling } from '../facts';
import { Scopes } from './scopes';
import { PackageRef } from './packageRefs';
import { callArguments, GoSource, refOf, textOf } from './syntax';
import { wordSites } from './wordSites';

function containsSigterm(src: GoSource, node: Node): boolean {
  return wordSites(src, 'SIGTERM', node.startIndex, node.endIndex).length > 0;
}

/**
 * Whether a signal argument may be SIGTERM: `syscall.SIGTERM` (or `unix.SIGTERM`), or a
 * variable whose value lists it. An argument whose value cannot be found counts, so that
 * an unknown signal list is never reported as missing SIGTERM.
 */
function mayBeSigterm(
  src: GoSource,
  scopesOf: (node: Node) => Scopes,
  arg: Node,
): boolean {
  if (containsSigterm(src, arg)) return true;
  if (arg.type === 'selector_expression') return false;
  const id = arg.type === 'variadic_argument' ? arg.namedChild(0) : arg;
  if (id?.type !== 'identifier') return true;
  const values = valuesOf(src, scopesOf, id);
  return values.length === 0 || values.some(v => containsSigterm(src, v));
}

/** The value at `index` of a declaration's or assignment's right-hand side list. */
function valueAt(list: Node | null, index: number): Node | undefined {
  const items =
    list?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ??
    [];
  return items.length === 1 ? items[0] : items[index];
}

/**
 * The expressions a variable is given, found through its declaration (Go's scoping): its
 * initializer and every `=` to it; for a package-level variable, its spec in this file.
 */
function valuesOf(
  src: GoSource,
  scopesOf: (node: Node) => Scopes,
  id: Node,
): Node[] {
  const scopes = scopesOf(id);
  const decl = scopes.resolve(id);
  const out: Node[] = [];
  const assignment = (site: Node) => {
    const list = site.parent;
    const stmt = list?.parent;
    if (
      list?.type !== 'expression_list' ||
      !stmt ||
      stmt.childForFieldName('left')?.id !== list.id
    )
      return;
    if (
      stmt.type !== 'assignment_statement' &&
      stmt.type !== 'short_var_declaration'
    )
      return;
    const index = list.namedChildren
      .filter(c => c?.type !== 'comment')
      .findIndex(c => c?.id === site.id);
    const value = valueAt(stmt.childForFieldName('right'), index);
    if (value) out.push(value);
  };
  if (decl) {
    if (decl.stmt.type === 'var_spec') {
      const index = decl.stmt
        .childrenForFieldName('name')
        .findIndex(n => n?.id === decl.id.id);
      const value = valueAt(decl.stmt.childForFieldName('value'), index);
      if (value) out.push(value);
    } else {
      assignment(decl.id);
    }
    for (const use of scopes.uses(decl)) assignment(use);
    return out;
  }
  const name = textOf(src, id);
  const topVars = src.root.namedChildren.filter(
    d => d?.type === 'var_declaration',
  ) as Node[];
  for (const spec of topVars.flatMap(d => d.descendantsOfType('var_spec'))) {
    if (!spec) continue;
    const index = spec
      .childrenForFieldName('name')
      .findIndex(n => n && textOf(src, n) === name);
    const value =
      index >= 0 ? valueAt(spec.childForFieldName('value'), index) : undefined;
    if (value) out.push(value);
  }
  // And every `=` to the package-level variable in this file (`sigs = append(sigs, ...)` in init).
  for (const site of wordSites(src, name)) {
    if (site.type === 'identifier' && !scopesOf(site).resolve(site))
      assignment(site);
  }
  return out;
}

/**
 * Library helpers that install a signal handler: the position of their first signal argument,
 * or `sigterm` when they handle SIGTERM without taking a list (controller-runtime's and the
 * Kubernetes apiserver's SetupSignalHandler).
 */
export const SIGNAL_HELPERS: {
  path: RegExp;
  names: Record<string, number | 'sigterm'>;
}[] = [
  { path: /^os\/signal$/, names: { Notify: 1, NotifyContext: 1 } },
  { path: /^github\.com\/oklog\/run$/, names: { SignalHandler: 1 } },
  {
    path: /^sigs\.k8s\.io\/controller-runtime(\/pkg\/manager\/signals)?$/,
    names: { SetupSignalHandler: 'sigterm' },
  },
  {
    path: /^k8s\.io\/apiserver\/pkg\/server$/,
    names: { SetupSignalHandler: 'sigterm', SetupSignalContext: 'sigterm' },
  },
  // uber-go/fx: an App's Run, and Done for Start/Stop, wait for SIGINT or SIGTERM and run the
  // OnStop hooks (fx docs, App.Run, App.Done); an fx binary builds its App with fx.New.
  { path: /^go\.uber\.org\/fx$/, names: { New: 'sigterm' } },
];

/**
 * The signal handlers a file installs: `signal.Notify`/`NotifyContext` (no list: every signal),
 * oklog/run's `SignalHandler`, the Kubernetes libraries' `SetupSignalHandler`, and uber-go/fx's
 * `fx.New` (its App's Run waits for SIGTERM). `refs` are the
 * file's references to those packages.
 */
export function signalFacts(
  src: GoSource,
  scopesOf: (node: Node) => Scopes,
  refs: { ref: PackageRef; from: number | 'sigterm' }[],
): SignalHandling[] {
  const out: SignalHandling[] = [];
  for (const { ref, from } of refs) {
    if (!ref.call) continue;
    const signals =
      from === 'sigterm' ? [] : callArguments(ref.call).slice(from);
    const param =
      signals.length === 1
        ? parameterIndex(src, scopesOf, signals[0])
        : undefined;
    out.push({
      handlesSigterm:
        signals.length === 0 ||
        signals.some(s => mayBeSigterm(src, scopesOf, s)),
      ...(param !== undefined ? { signalsFromParam: param } : {}),
      ...refOf(src, ref.call),
    });
  }
  return out;
}

/**
 * The index of the top-level function's parameter a signal argument is (`sigs...`, `sigs`),
 * when nothing in the function assigns it another value.
 */
function parameterIndex(
  src: GoSource,
  scopesOf: (node: Node) => Scopes,
  arg: Node,
): number | undefined {
  const id = arg.type === 'variadic_argument' ? arg.namedChild(0) : arg;
  if (id?.type !== 'identifier') return undefined;
  const decl = scopesOf(id).resolve(id);
  if (
    decl?.kind !== 'param' ||
    decl.fn.type === 'func_literal' ||
    decl.index === undefined ||
    valuesOf(src, scopesOf, id).length > 0
  )
    return undefined;
  return decl.index;
}
