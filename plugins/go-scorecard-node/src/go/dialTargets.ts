import { DialTarget } from '../facts';
import { PackageRef } from './packageRefs';
import { ImportResolver, PKG } from './imports';
import { callArguments, GoSource, qualifiedCall, refOf } from './syntax';
import { ValueReader } from './values';

/** Options that hand the target to the caller's own dialer (`bufconn` in tests, a proxy). */
const CUSTOM_DIALERS = new Set(['WithContextDialer', 'WithDialer']);

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
): DialTarget[] {
  const targets: DialTarget[] = [];
  for (const ref of grpcRefs) {
    const index = TARGET_ARG.get(ref.name);
    if (!ref.call || index === undefined) continue;
    const args = callArguments(ref.call);
    const customDialer = args.slice(index + 1).some(a => {
      const q =
        a.type === 'call_expression' ? qualifiedCall(src, a) : undefined;
      return (
        !!q && CUSTOM_DIALERS.has(q.name) && imports.is(q.qualifier, PKG.grpc)
      );
    });
    targets.push({
      func: ref.name,
      target: values.value(args[index]),
      ...(customDialer ? { customDialer } : {}),
      ...refOf(src, ref.call),
    });
  }
  return targets;
}
