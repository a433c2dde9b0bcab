import { Node } from 'web-tree-sitter';
import { StatementPlace } from '../programFacts';

const NESTING = new Set([
  'func_literal',
  'go_statement',
  'defer_statement',
  'block',
  'expression_case',
  'default_case',
  'type_case',
  'communication_case',
  'type_switch_statement',
  'expression_switch_statement',
  'select_statement',
  'for_statement',
]);

/**
 * Where a node sits in the body of its top-level function or method (see
 * {@link StatementPlace}): the index of the body statement that holds it, and whether it runs
 * to its end before the next body statement starts. Undefined outside a top-level function's
 * body (a package-level initializer).
 *
 * `sync` holds for a call in a body statement's own expression (`srv.Serve(l)`, `err :=
 * srv.Serve(l)`, `if err := srv.Serve(l); err != nil {…}`, `log.Fatal(srv.ListenAndServe())`),
 * not for one under `go`, `defer`, a function literal, a loop, a switch or select, or a nested
 * block: those may run later, elsewhere, or not at all.
 */
export function statementPlace(node: Node): StatementPlace | undefined {
  let sync = true;
  let n = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (
      p.type === 'statement_list' &&
      p.parent?.type === 'block' &&
      (p.parent.parent?.type === 'function_declaration' ||
        p.parent.parent?.type === 'method_declaration')
    ) {
      let stmt = 0;
      for (const c of p.namedChildren) {
        if (!c || c.id === n.id) break;
        if (c.type !== 'comment') stmt++;
      }
      return sync ? { stmt, sync } : { stmt };
    }
    if (
      NESTING.has(p.type) ||
      (p.type === 'if_statement' &&
        p.childForFieldName('initializer')?.id !== n.id &&
        p.childForFieldName('condition')?.id !== n.id)
    )
      sync = false;
  }
  return undefined;
}
