import { Node } from 'web-tree-sitter';
import { SignalHandling } from '../facts';
import { assignedValues } from './definitions';
import { ImportResolver } from './imports';
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
function mayBeSigterm(src: GoSource, imports: ImportResolver, arg: Node): boolean {
  if (containsSigterm(src, arg)) return true;
  if (arg.type === 'selector_expression') return false;
  const id = arg.type === 'variadic_argument' ? arg.namedChild(0) : arg;
  if (id?.type !== 'identifier') return true;
  const values = assignedValues(src, imports, textOf(src, id));
  return values.length === 0 || values.some(v => containsSigterm(src, v));
}

/** The `signal.Notify` and `signal.NotifyContext` calls of a file. */
export function signalFacts(
  src: GoSource,
  imports: ImportResolver,
  signalRefs: PackageRef[],
): SignalHandling[] {
  const out: SignalHandling[] = [];
  for (const ref of signalRefs) {
    if (!ref.call || (ref.name !== 'Notify' && ref.name !== 'NotifyContext')) continue;
    const signals = callArguments(ref.call).slice(1);
    out.push({
      handlesSigterm:
        signals.length === 0 || signals.some(s => mayBeSigterm(src, imports, s)),
      ...refOf(src, ref.call),
    });
  }
  return out;
}
