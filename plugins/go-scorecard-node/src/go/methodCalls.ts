import { Node } from 'web-tree-sitter';
import { callRef, GoSource, refOf, textOf, unparen } from './syntax';
import { wordSites } from './wordSites';

/**
 * A method call `recv.Name(...)` found by its name, or a method value `recv.Name` handed to a
 * function (`g.Go(srv.ListenAndServe)`): then `call` is the selector and `value` is set.
 */
export interface MethodCall {
  call: Node;
  receiver: Node;
  name: string;
  value?: boolean;
}

/** The calls (and method values) of methods named `name` in a file. */
export function methodCalls(src: GoSource, name: string): MethodCall[] {
  const calls: MethodCall[] = [];
  for (const site of wordSites(src, name)) {
    const selector = site.parent;
    const outer = selector?.parent;
    if (
      site.type !== 'field_identifier' ||
      selector?.type !== 'selector_expression'
    )
      continue;
    const receiver = selector.childForFieldName('operand');
    if (!receiver) continue;
    if (
      outer?.type === 'call_expression' &&
      outer.startIndex === selector.startIndex
    ) {
      calls.push({ call: outer, receiver: unparen(receiver), name });
    } else if (outer?.type === 'argument_list') {
      calls.push({
        call: selector,
        receiver: unparen(receiver),
        name,
        value: true,
      });
    }
  }
  return calls;
}

/** Where a method call (or a method value) is, with its callee as written. */
export function methodRef(src: GoSource, m: MethodCall) {
  return m.value
    ? { callee: textOf(src, m.call), ...refOf(src, m.call) }
    : callRef(src, m.call);
}
