import { DialTarget } from '../facts';
import { PackageRef } from './packageRefs';
import { callArguments, GoSource, refOf } from './syntax';
import { ValueReader } from './values';

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
  values: ValueReader,
  grpcRefs: PackageRef[],
): DialTarget[] {
  const targets: DialTarget[] = [];
  for (const ref of grpcRefs) {
    const index = TARGET_ARG.get(ref.name);
    if (!ref.call || index === undefined) continue;
    const arg = callArguments(ref.call)[index];
    targets.push({
      func: ref.name,
      target: values.value(arg),
      ...refOf(src, ref.call),
    });
  }
  return targets;
}
