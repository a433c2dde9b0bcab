import { Node } from 'web-tree-sitter';
import { SignalHandling, SignalList } from '../facts';
import { Scopes } from './scopes';
import { ImportResolver } from './imports';
import { LibraryTable, PackageRef } from './packageRefs';
import { callArguments, GoSource, refOf, textOf } from './syntax';
import { statementPlace } from './statementPlace';
import { wordSites } from './wordSites';

function containsSigterm(src: GoSource, node: Node): boolean {
  return wordSites(src, 'SIGTERM', node.startIndex, node.endIndex).length > 0;
}

/** A package-level variable named as a signal list: `pkg` `''` is the file's own package. */
interface SignalListRef {
  pkg: string;
  name: string;
}

/** Packages whose signals are the system's (`os.Interrupt`, `syscall.SIGTERM`, `unix.SIGINT`). */
export const SIGNAL_PACKAGES = new Set([
  'os',
  'syscall',
  'golang.org/x/sys/unix',
]);

/**
 * Whether a signal argument may be SIGTERM: `syscall.SIGTERM` (or `unix.SIGTERM`), or a
 * variable whose value lists it. Another signal of the system packages (`os.Interrupt`,
 * `syscall.SIGINT`) is not. An argument whose value cannot be found counts (a struct field,
 * `opts.stopSignal`), so that an unknown signal is never reported as missing SIGTERM; a
 * package-level constant or variable this file does not give a value (declared in another file,
 * or another package: `sigs.Term`) is returned for the link step to read from the file that
 * declares it.
 */
function mayBeSigterm(
  src: GoSource,
  scopesOf: (node: Node) => Scopes,
  resolver: ImportResolver,
  arg: Node,
): boolean | SignalListRef {
  if (containsSigterm(src, arg)) return true;
  const id = arg.type === 'variadic_argument' ? arg.namedChild(0) : arg;
  if (id?.type === 'selector_expression') {
    const operand = id.childForFieldName('operand');
    const field = id.childForFieldName('field');
    const pkg =
      operand?.type === 'identifier' && !scopesOf(operand).resolve(operand)
        ? resolver.pathOf(textOf(src, operand))
        : undefined;
    if (pkg && SIGNAL_PACKAGES.has(pkg)) return false;
    return pkg && field ? { pkg, name: textOf(src, field) } : true;
  }
  if (id?.type !== 'identifier') return true;
  const values = valuesOf(src, scopesOf, id);
  if (values.length === 0 && !scopesOf(id).resolve(id))
    return { pkg: '', name: textOf(src, id) };
  return values.length === 0 || values.some(v => listMayHoldSigterm(src, v));
}

/**
 * Whether a value given to a signal list may hold SIGTERM: it names SIGTERM, or it is not a
 * composite literal of signals of the system packages (`[]os.Signal{os.Interrupt,
 * syscall.SIGINT}` is not; `append(sigs, s)` or `[]os.Signal{other}` may be).
 */
function listMayHoldSigterm(src: GoSource, value: Node): boolean {
  if (containsSigterm(src, value)) return true;
  if (value.type !== 'composite_literal') return true;
  const body = value.childForFieldName('body');
  const elements = (body?.namedChildren ?? []).filter(
    (c): c is Node => !!c && c.type !== 'comment',
  );
  return elements.some(e => {
    const v = e.type === 'literal_element' ? e.namedChild(0) : e;
    return v?.type !== 'selector_expression';
  });
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
export const SIGNAL_HELPERS: LibraryTable<number | 'sigterm'> = [
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
  // Knative's signals package: a context or channel closed on SIGINT or SIGTERM.
  {
    path: /^knative\.dev\/pkg\/signals$/,
    names: { NewContext: 'sigterm', SetupSignalHandler: 'sigterm' },
  },
  // Temporal's worker.InterruptCh: a channel that receives on os.Interrupt or SIGTERM, for
  // worker.Run.
  {
    path: /^go\.temporal\.io\/sdk\/worker$/,
    names: { InterruptCh: 'sigterm' },
  },
  // ory/graceful: Graceful(start, shutdown) runs start and calls shutdown on SIGINT or SIGTERM.
  { path: /^github\.com\/ory\/graceful$/, names: { Graceful: 'sigterm' } },
  // Knative's sharedmain.Main and the eventing adapter's Main run under signals.NewContext()
  // (their *WithContext/*Named/*WithConfig twins take the caller's context instead).
  {
    path: /^knative\.dev\/pkg\/injection\/sharedmain$/,
    names: { Main: 'sigterm' },
  },
  {
    path: /^knative\.dev\/eventing\/pkg\/adapter\/v2$/,
    names: { Main: 'sigterm' },
  },
  // CloudWeGo Kitex: a server's Run waits for SIGINT or SIGTERM (WithExitSignal's default) and
  // then stops gracefully; a Kitex binary builds its server with server.NewServer.
  {
    path: /^github\.com\/cloudwego\/kitex\/server$/,
    names: { NewServer: 'sigterm' },
  },
  // ozzo-routing's GracefulShutdown(hs, timeout, logf) waits for SIGINT or SIGTERM, then drains hs.
  {
    path: /^github\.com\/go-ozzo\/ozzo-routing(\/v\d+)?$/,
    names: { GracefulShutdown: 'sigterm' },
  },
  // Caddy's TrapSignals (v1, CoreDNS's fork, v2) handles SIGTERM: shutdown callbacks, then exit.
  {
    path: /^github\.com\/(coredns\/caddy|mholt\/caddy|caddyserver\/caddy(\/v2)?)$/,
    names: { TrapSignals: 'sigterm' },
  },
  // Kratos: an App's Run waits for SIGTERM, SIGQUIT or SIGINT and stops its servers gracefully;
  // the App is built with kratos.New.
  { path: /^github\.com\/go-kratos\/kratos\/v2$/, names: { New: 'sigterm' } },
  // judwhite/go-svc: Run(prg, sigs...) stops the program on one of the signals given (SIGINT and
  // SIGTERM when none is).
  { path: /^github\.com\/judwhite\/go-svc(\/svc)?$/, names: { Run: 1 } },
  // kardianos/service: a Service's Run (made by New) waits for SIGTERM or os.Interrupt on
  // Unix, then calls the program's Stop.
  { path: /^github\.com\/kardianos\/service$/, names: { New: 'sigterm' } },
];

/**
 * The signal handlers a file installs: `signal.Notify`/`NotifyContext` (no list: every signal),
 * oklog/run's `SignalHandler`, the Kubernetes libraries' `SetupSignalHandler`, uber-go/fx's
 * `fx.New` (its App's Run waits for SIGTERM), Knative's `signals.NewContext` and `sharedmain.Main`,
 * Temporal's `worker.InterruptCh`, ory/graceful's `Graceful`, Kitex's `server.NewServer`,
 * Kratos' `kratos.New`, go-svc's `svc.Run` and kardianos/service's `service.New`. `refs` are the
 * file's references to those packages.
 */
export function signalFacts(
  src: GoSource,
  scopesOf: (node: Node) => Scopes,
  resolver: ImportResolver,
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
    const may = signals.map(s => mayBeSigterm(src, scopesOf, resolver, s));
    const list =
      may.length === 1 && typeof may[0] === 'object' ? may[0] : undefined;
    const place = statementPlace(src, ref.call);
    out.push({
      handlesSigterm: signals.length === 0 || may.some(m => m !== false),
      ...(param !== undefined ? { signalsFromParam: param } : {}),
      ...(list ? { signalsFromGlobal: list } : {}),
      ...refOf(src, ref.call),
      ...(place ? { place } : {}),
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

/**
 * The file's package-level signal lists (`var shutdownSignals = []os.Signal{…}`) and single
 * signals (`const Term = syscall.SIGTERM`, `var stop os.Signal = os.Interrupt`), and whether each
 * may hold SIGTERM, for handlers in other files that name them (`signalsFromGlobal`).
 */
export function signalLists(
  src: GoSource,
  resolver: ImportResolver,
): SignalList[] {
  const out: SignalList[] = [];
  for (const top of src.root.namedChildren) {
    if (top?.type !== 'var_declaration' && top?.type !== 'const_declaration')
      continue;
    const specs = [
      ...top.descendantsOfType('var_spec'),
      ...top.descendantsOfType('const_spec'),
    ];
    for (const spec of specs) {
      const list = spec?.childForFieldName('value');
      if (!spec || !list) continue;
      spec.childrenForFieldName('name').forEach((name, index) => {
        const value = name && valueAt(list, index);
        if (!name || !value) return;
        const sigterm = signalValueHoldsSigterm(src, resolver, value);
        if (sigterm !== undefined)
          out.push({ name: textOf(src, name), sigterm });
      });
    }
  }
  return out;
}

/**
 * Whether a package-level value that is a signal or a list of signals may hold SIGTERM:
 * undefined when it is neither a `[]os.Signal{…}` literal nor a signal of the system packages.
 */
function signalValueHoldsSigterm(
  src: GoSource,
  resolver: ImportResolver,
  value: Node,
): boolean | undefined {
  if (value.type === 'composite_literal') {
    const type = value.childForFieldName('type');
    return type && /Signal\b/.test(textOf(src, type))
      ? listMayHoldSigterm(src, value)
      : undefined;
  }
  if (value.type !== 'selector_expression') return undefined;
  const operand = value.childForFieldName('operand');
  const pkg =
    operand?.type === 'identifier'
      ? resolver.pathOf(textOf(src, operand))
      : undefined;
  if (!pkg || !SIGNAL_PACKAGES.has(pkg)) return undefined;
  return textOf(src, value.childForFieldName('field') ?? value) === 'SIGTERM';
}
