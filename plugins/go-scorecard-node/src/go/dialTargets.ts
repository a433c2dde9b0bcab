import { DialTarget } from '../facts';
import { PackageRef } from './packageRefs';
import { ImportResolver, PKG } from './imports';
import { Node } from 'web-tree-sitter';
import { Scopes } from './scopes';
import {
  callArguments,
  GoSource,
  qualifiedCall,
  refOf,
  textOf,
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
): boolean {
  if (arg.type === 'call_expression') {
    const q = qualifiedCall(src, arg);
    return (
      !!q && CUSTOM_DIALERS.has(q.name) && imports.is(q.qualifier, PKG.grpc)
    );
  }
  if (arg.type !== 'variadic_argument') return false;
  const inner = arg.namedChild(0) && unparen(arg.namedChild(0)!);
  if (inner?.type === 'identifier') {
    const scopes = scopesOf(inner);
    const decl = scopes.resolve(inner);
    if (!decl) return false;
    const statements = [
      decl.stmt,
      ...scopes.uses(decl).map(u => u.parent?.parent ?? u),
    ];
    return statements.some(st => CUSTOM_DIALER_TEXT.test(textOf(src, st)));
  }
  if (inner?.type === 'call_expression') {
    const fn = inner.childForFieldName('function');
    if (fn?.type !== 'identifier') return false;
    const name = textOf(src, fn);
    const decl = src.root.namedChildren.find(
      d =>
        d?.type === 'function_declaration' &&
        d.childForFieldName('name') &&
        textOf(src, d.childForFieldName('name')!) === name,
    );
    return !!decl && CUSTOM_DIALER_TEXT.test(textOf(src, decl));
  }
  return false;
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
): DialTarget[] {
  const targets: DialTarget[] = [];
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
