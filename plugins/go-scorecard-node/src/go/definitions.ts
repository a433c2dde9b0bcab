import { Node } from 'web-tree-sitter';
import { ImportResolver, PKG } from './imports';
import { callArguments, GoSource, qualifiedCall, unparen } from './syntax';
import { wordSites } from './wordSites';

/** `flag.XxxVar(&v, name, default, usage)`: the flag functions that fill a variable. */
const FLAG_VAR_FUNCS = new Set(['StringVar', 'DurationVar', 'IntVar']);

/** The expression at position `index` of an expression list. */
function valueAt(list: Node | null, index: number): Node | undefined {
  const value = list?.namedChildren.filter(n => n?.type !== 'comment')[index];
  return value ? unparen(value) : undefined;
}

/**
 * The expressions assigned to `name` anywhere in the file: const and var specs (package level
 * or local), `:=` and `=` assignments, and the default of `flag.StringVar(&name, ...)`.
 * Names are matched by spelling, not by scope: a file-local approximation of Go's resolution.
 */
export function assignedValues(
  src: GoSource,
  imports: ImportResolver,
  name: string,
): Node[] {
  const values: Node[] = [];
  for (const site of wordSites(src, name)) {
    if (site.type !== 'identifier') continue;
    const parent = site.parent;
    if (!parent) continue;
    if (parent.type === 'const_spec' || parent.type === 'var_spec') {
      const names = parent.childrenForFieldName('name');
      const index = names.findIndex(n => n?.id === site.id);
      const value = index >= 0 ? valueAt(parent.childForFieldName('value'), index) : undefined;
      if (value) values.push(value);
    } else if (parent.type === 'expression_list') {
      const stmt = parent.parent;
      if (
        (stmt?.type === 'short_var_declaration' || stmt?.type === 'assignment_statement') &&
        stmt.childForFieldName('left')?.id === parent.id
      ) {
        const index = parent.namedChildren.findIndex(n => n?.id === site.id);
        const right = stmt.childForFieldName('right');
        const value =
          right?.namedChildCount === 1 && index > 0 ? undefined : valueAt(right, index);
        if (value) values.push(value);
      }
    } else if (parent.type === 'unary_expression' && parent.parent?.type === 'argument_list') {
      const call = parent.parent.parent;
      const q = call && qualifiedCall(src, call);
      if (q && FLAG_VAR_FUNCS.has(q.name) && imports.is(q.qualifier, PKG.flag)) {
        const args = callArguments(call!);
        if (args[0]?.id === parent.id && args[2]) values.push(args[2]);
      }
    }
  }
  return values;
}
