import { wordSites } from './wordSites';
import { DialTarget, ValueExpr } from '../facts';
import { LibraryTable, PackageRef } from './packageRefs';
import { ImportResolver, PKG } from './imports';
import { Node } from 'web-tree-sitter';
import { Scopes } from './scopes';
import {
  calledName,
  callArguments,
  callRef,
  compositeElements,
  GoSource,
  qualifiedCall,
  refOf,
  textOf,
  topLevelDeclaration,
  unparen,
} from './syntax';
import { ValueReader } from './values';

/** Options that hand the target to the caller's own dialer (`bufconn` in tests, a proxy). */
const CUSTOM_DIALERS = new Set(['WithContextDialer', 'WithDialer']);

const CUSTOM_DIALER_TEXT = /\bWith(?:Context)?Dialer\s*\(/;

/**
 * Whether a dial option argument hands the target to a custom dialer: `grpc.WithContextDialer(f)`
 * itself, or options spread from a variable (`opts...`) or from a function of the file
 * (`dialOptions()...`) whose declaration, assignments or body mention one.
 */
function passesCustomDialer(
  src: GoSource,
  imports: ImportResolver,
  scopesOf: (node: Node) => Scopes,
  arg: Node,
  depth = 0,
): boolean {
  if (arg.type === 'call_expression') {
    return isCustomDialerOption(src, imports, arg) === true;
  }
  if (arg.type !== 'variadic_argument' || depth > 2) return false;
  const inner = arg.namedChild(0) && unparen(arg.namedChild(0)!);
  // What is built in a statement: a dialer it mentions, or options it spreads from elsewhere
  // (`opts = append(opts, s.dialOptions...)`).
  const builds = (st: Node) =>
    mentionsCustomDialer(src, imports, st) ||
    st
      .descendantsOfType('variadic_argument')
      .some(
        v =>
          !!v &&
          v.id !== arg.id &&
          passesCustomDialer(src, imports, scopesOf, v, depth + 1),
      );
  // The statements that build a variable: its declaration and every use.
  const variableBuilds = (id: Node) => {
    const scopes = scopesOf(id);
    const decl = scopes.resolve(id);
    if (!decl) return false;
    const statements = [
      decl.stmt,
      ...scopes.uses(decl).map(u => u.parent?.parent ?? u),
    ];
    return statements.some(builds);
  };
  if (inner?.type === 'identifier') return variableBuilds(inner);
  // Options a field holds (`s.dialOptions...`): what the file stores in fields of that name, by
  // a composite literal's key or an assignment.
  if (inner?.type === 'selector_expression') {
    const field = textOf(src, inner.childForFieldName('field')!);
    return fieldStores(src, field).some(value =>
      value.type === 'identifier' ? variableBuilds(value) : builds(value),
    );
  }
  if (inner?.type === 'call_expression') {
    const fn = inner.childForFieldName('function');
    if (fn?.type !== 'identifier') return false;
    const decl = topLevelDeclaration(
      src,
      'function_declaration',
      textOf(src, fn),
    );
    return !!decl && mentionsCustomDialer(src, imports, decl);
  }
  return false;
}

/** The values a file stores in fields of a name: `T{name: v}` and `x.name = v`. */
function fieldStores(src: GoSource, name: string): Node[] {
  const out: Node[] = [];
  for (const site of wordSites(src, name)) {
    const parent = site.parent;
    // `T{name: v}`: the key of a keyed element.
    if (
      parent?.type === 'literal_element' &&
      parent.parent?.type === 'keyed_element'
    ) {
      const keyed = parent.parent;
      if (keyed.namedChild(0)?.id === parent.id) {
        const value = keyed.namedChild(1);
        const v =
          value?.type === 'literal_element' ? value.namedChild(0) : value;
        if (v) out.push(v);
      }
    } else if (
      parent?.type === 'selector_expression' &&
      parent.parent?.type === 'expression_list' &&
      parent.parent.parent?.type === 'assignment_statement'
    ) {
      const stmt = parent.parent.parent;
      if (stmt.childForFieldName('left')?.id === parent.parent.id) {
        const index = parent.parent.namedChildren.findIndex(
          c => c?.id === parent.id,
        );
        const value = stmt.childForFieldName('right')?.namedChild(index);
        if (value) out.push(value);
      }
    }
  }
  return out;
}

/**
 * For a call: true when it is `grpc.WithContextDialer`/`WithDialer` with a dialer that keeps
 * the name from the system's resolver, false when its dialer forwards to it, undefined when
 * it is no such option.
 */
function isCustomDialerOption(
  src: GoSource,
  imports: ImportResolver,
  call: Node,
): boolean | undefined {
  const q = qualifiedCall(src, call);
  if (!q || !CUSTOM_DIALERS.has(q.name) || !imports.is(q.qualifier, PKG.grpc))
    return undefined;
  const dialer = dialerFunction(src, callArguments(call)[0]);
  return !dialer || !forwardsToSystemDialer(src, imports, dialer);
}

/**
 * Whether code that builds dial options (a declaration, an assignment, a function) passes a
 * custom dialer: it mentions one, and not only dialers that forward to the system's.
 */
function mentionsCustomDialer(
  src: GoSource,
  imports: ImportResolver,
  node: Node,
): boolean {
  if (!CUSTOM_DIALER_TEXT.test(textOf(src, node))) return false;
  const options = node
    .descendantsOfType('call_expression')
    .map(c => c && isCustomDialerOption(src, imports, c))
    .filter((c): c is boolean => c !== undefined && c !== null);
  return options.length === 0 || options.includes(true);
}

/** A dialer handed to `WithContextDialer`: a function literal, or a function of the file by name. */
function dialerFunction(
  src: GoSource,
  arg: Node | undefined,
): Node | undefined {
  if (arg?.type === 'func_literal') return arg;
  if (arg?.type !== 'identifier') return undefined;
  return topLevelDeclaration(src, 'function_declaration', textOf(src, arg));
}

const SYSTEM_DIAL_FUNCS = new Set(['Dial', 'DialTimeout', 'DialContext']);

/**
 * Whether a dialer only hands its address to the system's: it calls `net.Dial`,
 * `net.DialTimeout` or a `net.Dialer`'s `Dial`/`DialContext` with its own address parameter
 * (a dialer that only sets a timeout, keep-alives or tracing). Go's resolver then looks the
 * name up through resolv.conf's search list like any other (net package docs, Name
 * Resolution), so the target is judged as if no dialer were given. A dialer that dials
 * something else (a proxy's socket, `bufconn`) keeps the name from the resolver.
 */
function forwardsToSystemDialer(
  src: GoSource,
  imports: ImportResolver,
  fn: Node,
): boolean {
  const body = fn.childForFieldName('body');
  const params = fn.childForFieldName('parameters');
  if (!body || !params) return false;
  const addrNames = new Set<string>();
  for (const p of params.namedChildren) {
    const type = p?.childForFieldName('type');
    if (p?.type !== 'parameter_declaration' || !type) continue;
    if (textOf(src, type) !== 'string') continue;
    for (const n of p.childrenForFieldName('name'))
      if (n) addrNames.add(textOf(src, n));
  }
  if (!addrNames.size) return false;
  const netNames = imports.localNames('net');
  const bodyText = textOf(src, body);
  const usesNetDialer = netNames.some(n => bodyText.includes(`${n}.Dialer`));
  return body.descendantsOfType('call_expression').some(call => {
    const fnNode = call?.childForFieldName('function');
    if (fnNode?.type !== 'selector_expression') return false;
    const name = textOf(src, fnNode.childForFieldName('field')!);
    if (!SYSTEM_DIAL_FUNCS.has(name)) return false;
    const passesAddr = callArguments(call!).some(
      a => a.type === 'identifier' && addrNames.has(textOf(src, a)),
    );
    if (!passesAddr) return false;
    const operand = fnNode.childForFieldName('operand');
    const qualifier = operand?.type === 'identifier' && textOf(src, operand);
    return (
      (!!qualifier && netNames.includes(qualifier) && name !== 'DialContext') ||
      usesNetDialer
    );
  });
}

/** Where a framework's client constructor takes its target (see {@link LIBRARY_DIALS}). */
export type LibraryDial = 'endpoint-option' | 'target' | 'client-conf';

/**
 * gRPC client constructors of frameworks, by import path, and where their target is: Kratos'
 * `transport/grpc.Dial`/`DialInsecure(ctx, …, WithEndpoint(target))` (v2) and `NewClient(ctx, …,
 * WithEndpoint(target))` (v3) (they dial the endpoint with grpc-go), go-zero's `zrpc.NewClientWithTarget(target)` and `zrpc.MustNewClient`/`NewClient(conf)`
 * with a `RpcClientConf`'s `Target` or `Endpoints` (the `direct` resolver hands each endpoint
 * to the dialer, which looks it up through the search list).
 */
export const LIBRARY_DIALS: LibraryTable<LibraryDial> = [
  {
    path: /^github\.com\/go-kratos\/kratos\/v\d+\/transport\/grpc$/,
    names: {
      Dial: 'endpoint-option',
      DialInsecure: 'endpoint-option',
      // v3
      NewClient: 'endpoint-option',
    },
  },
  {
    path: /^github\.com\/(zeromicro|tal-tech)\/go-zero\/zrpc$/,
    names: {
      NewClientWithTarget: 'target',
      MustNewClient: 'client-conf',
      NewClient: 'client-conf',
    },
  },
];

/** The target of a framework's client constructor call (see {@link LIBRARY_DIALS}). */
function libraryTarget(
  src: GoSource,
  values: ValueReader,
  how: LibraryDial,
  call: Node,
): ValueExpr | undefined {
  const args = callArguments(call);
  if (how === 'target') return args[0] && values.value(args[0]);
  if (how === 'endpoint-option') {
    const option = args.find(a => calledName(src, a) === 'WithEndpoint');
    const endpoint = option && callArguments(option)[0];
    return endpoint && values.value(endpoint);
  }
  const conf = args[0];
  if (!conf) return undefined;
  const literal =
    conf.type === 'unary_expression' ? conf.childForFieldName('operand') : conf;
  if (literal?.type === 'composite_literal') {
    const of: ValueExpr[] = [];
    for (const { key, value } of compositeElements(literal)) {
      const name = key && textOf(src, key);
      if (name === 'Target') of.push(values.value(value));
      else if (name === 'Endpoints')
        of.push({ k: 'elem', of: values.value(value) });
    }
    return of.length ? { k: 'any', of } : undefined;
  }
  const value = values.value(conf);
  const of: ValueExpr[] = [
    { k: 'field', of: value, name: 'Target' },
    { k: 'elem', of: { k: 'field', of: value, name: 'Endpoints' } },
  ];
  // A conf read from a config file (`conf.MustLoad(path, &c)`, then `c.UserRpcConf`): the file's
  // keys are the field names down to it (`UserRpcConf.Endpoints`), from wherever the loaded
  // struct starts, so every tail of the selector chain is a candidate.
  const fields: string[] = [];
  let n: Node | null = unparen(conf);
  while (n?.type === 'selector_expression') {
    fields.unshift(textOf(src, n.childForFieldName('field')!));
    n =
      n.childForFieldName('operand') &&
      unparen(n.childForFieldName('operand')!);
  }
  const at = values.where(call);
  for (let i = 0; i < fields.length && i < 3; i++)
    for (const leaf of ['Target', 'Endpoints'])
      of.push({
        k: 'config',
        key: { k: 'lit', value: [...fields.slice(i), leaf].join('.'), at },
        at,
      });
  return { k: 'any', of };
}

/** The target argument's position in each dial function. */
const TARGET_ARG = new Map([
  ['Dial', 0],
  ['NewClient', 0],
  ['DialContext', 1],
]);

/**
 * The gRPC client targets of a file, from its references to the grpc package: each dial call
 * with the value of its target argument, as far as the file can follow it (literals, locals by
 * scope, env reads, flag defaults, `fmt.Sprintf`); parameters, fields, package variables and
 * calls stay symbolic for the link step.
 */
export function dialTargets(
  src: GoSource,
  imports: ImportResolver,
  values: ValueReader,
  grpcRefs: PackageRef[],
  scopesOf: (node: Node) => Scopes,
  library: { ref: PackageRef; spec: LibraryDial }[] = [],
): DialTarget[] {
  const targets: DialTarget[] = [];
  // A framework's client constructor (`LIBRARY_DIALS`), named in the message as written.
  for (const { ref, spec } of library) {
    const target = ref.call && libraryTarget(src, values, spec, ref.call);
    if (!target) continue;
    const { callee } = callRef(src, ref.call!);
    targets.push({ func: callee, target, ...refOf(src, ref.call!) });
  }
  for (const ref of grpcRefs) {
    const index = TARGET_ARG.get(ref.name);
    if (!ref.call || index === undefined) continue;
    const args = callArguments(ref.call);
    const customDialer = args
      .slice(index + 1)
      .some(a => passesCustomDialer(src, imports, scopesOf, a));
    targets.push({
      func: ref.name,
      target: values.value(args[index]),
      ...(customDialer ? { customDialer } : {}),
      ...refOf(src, ref.call),
    });
  }
  return targets;
}
