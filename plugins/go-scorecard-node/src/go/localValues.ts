import { Node } from 'web-tree-sitter';
import { LocalFacts, TypeRef, ValueExpr } from '../programFacts';
import { Declaration, Scopes, writtenTypeNode } from './scopes';
import { callArguments, declarationPairs, GoSource, textOf } from './syntax';
import { TypeRefs } from './typeRefs';
import type { Mode, ValueReader } from './values';

/** Most assignments of one variable that are followed. */
const MAX_DEFS = 16;

/**
 * Whether the text around a name at [start, end) allows an assignment to it: a `,`, `=` or
 * `:=` after it (`v = x`, `v, err := f()`), or a `&` before it (`f(&v)`). A cheap test on the
 * text before the tree's.
 */
function mayAssign(source: string, start: number, end: number): boolean {
  let i = end;
  while (source[i] === ' ' || source[i] === '\t') i++;
  const next = source[i];
  if (next === ',' || (next === '=' && source[i + 1] !== '=')) return true;
  if (next === ':' && source[i + 1] === '=') return true;
  let j = start - 1;
  while (source[j] === ' ' || source[j] === '\t') j--;
  return source[j] === '&';
}

/** The (assignment statement, index) an identifier or expression is the left-hand side of. */
function assignmentOf(site: Node): { stmt: Node; index: number } | undefined {
  const list = site.parent;
  if (list?.type !== 'expression_list') return undefined;
  const stmt = list.parent;
  if (
    (stmt?.type !== 'assignment_statement' &&
      stmt?.type !== 'short_var_declaration') ||
    stmt.childForFieldName('left')?.id !== list.id
  ) {
    return undefined;
  }
  const index = list.namedChildren
    .filter(c => c?.type !== 'comment')
    .findIndex(c => c?.id === site.id);
  return index < 0 ? undefined : { stmt, index };
}

/** The operator of an assignment statement (`=`, `+=`, `:=`). */
function assignOperator(src: GoSource, stmt: Node): string {
  const left = stmt.childForFieldName('left');
  const right = stmt.childForFieldName('right');
  if (!left || !right) return '';
  return src.source.slice(left.endIndex, right.startIndex).trim();
}

/**
 * The file's local table: one entry per local variable, holding every value assigned to it
 * (declaration, `=`, and `&v` handed to a setter), read through the file's {@link ValueReader}.
 */
export class LocalTable {
  readonly locals: LocalFacts[] = [];
  private readonly localIds = new Map<Declaration, number>();

  constructor(
    private readonly src: GoSource,
    private readonly scopesOf: (node: Node) => Scopes,
    private readonly types: TypeRefs,
    private readonly reader: ValueReader,
  ) {}

  private value(
    node: Node | null | undefined,
    result = 0,
    depth = 0,
    mode: Mode = 'value',
  ): ValueExpr {
    return this.reader.value(node, result, depth, mode);
  }

  private storedThrough(amp: Node): ValueExpr | undefined {
    return this.reader.storedThrough(amp);
  }

  /**
   * The local table entry of a declaration, filled on first use: in `type` mode with what its
   * declaration says (marked `typeOnly`), completed when a value needs it.
   */
  local(decl: Declaration, mode: Mode = 'value'): number {
    const known = this.localIds.get(decl);
    if (known !== undefined) {
      const entry = this.locals[known];
      if (mode === 'value' && entry.typeOnly) {
        delete entry.typeOnly;
        entry.defs = this.allValues(decl);
      }
      return known;
    }
    const id = this.locals.length;
    const entry: LocalFacts = { name: decl.name, defs: [] };
    this.locals.push(entry);
    this.localIds.set(decl, id);
    const type = this.declaredType(decl);
    if (type) entry.type = type;
    if (mode === 'type') {
      entry.typeOnly = true;
      const initial = type ? undefined : this.initialValue(decl, 'type');
      entry.defs = initial ? [initial] : [];
    } else {
      entry.defs = this.allValues(decl);
    }
    return id;
  }

  private readonly assignedParams = new Map<Declaration, boolean>();
  private readonly literalCallsMemo = new Map<number, Node[]>();

  /**
   * Whether a parameter is given another value in its function (`ctx, cancel :=
   * context.WithTimeout(ctx, d)` at the top of the body assigns the parameter: Go spec, Short
   * variable declarations; `addr = "localhost:80"`; `&opts` handed to a setter). Such a
   * parameter is read as a local whose first value is the callers' argument.
   */
  paramAssigned(decl: Declaration): boolean {
    let known = this.assignedParams.get(decl);
    if (known === undefined) {
      const { source } = this.src;
      known = this.scopesOf(decl.id)
        .uses(decl, (start, end) => mayAssign(source, start, end))
        .some(site => this.isAssignedAt(site));
      this.assignedParams.set(decl, known);
    }
    return known;
  }

  /** Every value a variable is given: its declaration's, `=` assignments, setters' stores. */
  private allValues(decl: Declaration): ValueExpr[] {
    const defs: ValueExpr[] = [];
    const initial = this.initialValue(decl, 'value');
    if (initial) defs.push(initial);
    const { source } = this.src;
    const assignable = (start: number, end: number) =>
      mayAssign(source, start, end) || source[end] === '[';
    for (const site of this.scopesOf(decl.id).uses(decl, assignable)) {
      if (defs.length >= MAX_DEFS) break;
      const def =
        source[site.endIndex] === '['
          ? this.elementStoredAt(site)
          : this.assignedAt(site);
      if (def) defs.push(def);
    }
    return defs;
  }

  /**
   * `m[k] = v` (`=` only): the map or slice now holds `v` among its elements, read back by
   * `m[k]` or a range over it.
   */
  private elementStoredAt(site: Node): ValueExpr | undefined {
    const index = site.parent;
    if (
      index?.type !== 'index_expression' ||
      index.childForFieldName('operand')?.id !== site.id
    )
      return undefined;
    const assign = assignmentOf(index);
    if (!assign || assignOperator(this.src, assign.stmt) !== '=')
      return undefined;
    const value = this.rhsValue(assign.stmt, index);
    return value && holding(value);
  }

  private declaredType(decl: Declaration): TypeRef | undefined {
    const type = writtenTypeNode(decl);
    return type && this.types.ofNode(type);
  }

  /** The value the declaring statement gives the variable. */
  private initialValue(decl: Declaration, mode: Mode): ValueExpr | undefined {
    const stmt = decl.stmt;
    if (decl.kind === 'param' && decl.index !== undefined) {
      // An assigned parameter (see paramAssigned) starts as what the callers pass.
      if (decl.fn.type !== 'func_literal')
        return { k: 'param', index: decl.index };
      return mode === 'value' ? this.literalArgument(decl) : undefined;
    }
    if (stmt.type === 'short_var_declaration')
      return this.rhsValue(stmt, decl.id, mode);
    // for _, x := range xs: x is an element of xs (the first name is an index or a key).
    if (stmt.type === 'range_clause') {
      const names = (
        stmt.childForFieldName('left')?.namedChildren ?? []
      ).filter(c => c?.type !== 'comment');
      const right = stmt.childForFieldName('right');
      if (names.length !== 2 || names[1]?.id !== decl.id.id || !right)
        return undefined;
      return { k: 'elem', of: this.value(right, 0, 0, mode) };
    }
    if (stmt.type === 'var_spec' || stmt.type === 'const_spec') {
      const names = stmt.childrenForFieldName('name');
      const index = names.findIndex(n => n?.id === decl.id.id);
      return this.listValue(
        stmt.childForFieldName('value'),
        index,
        names.length,
        mode,
      );
    }
    return undefined;
  }

  /**
   * What the calls of a function literal pass for one of its parameters: a literal called where
   * it is written (`go func(addr string) {…}(cfg.Addr)`) or held by a local that is called
   * (`dial := func(t string) {…}; dial("billing:9002")`), and, for a literal handed to a function
   * or method as an argument (`lifecycle.WaitAndShutdown(func(ctx context.Context) error {…})`),
   * what that function's calls of the parameter holding it pass (the link step reads them). A
   * variadic parameter and a spread argument give nothing more.
   */
  private literalArgument(decl: Declaration): ValueExpr | undefined {
    if (decl.stmt.type === 'variadic_parameter_declaration') return undefined;
    const index = decl.index!;
    const values: ValueExpr[] = [];
    const handed = this.reader.handed(decl.fn, index);
    if (handed) values.push(handed);
    let calls = this.literalCallsMemo.get(decl.fn.id);
    if (!calls) {
      calls = literalCalls(this.src, decl.fn, this.scopesOf);
      this.literalCallsMemo.set(decl.fn.id, calls);
    }
    for (const call of calls) {
      if (values.length >= MAX_DEFS) break;
      const args = callArguments(call);
      const arg = args[index];
      if (!arg || arg.type === 'variadic_argument') continue;
      values.push(this.value(arg));
    }
    if (values.length <= 1) return values[0];
    return { k: 'any', of: values };
  }

  /** The value at `index` of a right-hand side list of `count` values (or one multi-value call). */
  private listValue(
    list: Node | null,
    index: number,
    count: number,
    mode: Mode = 'value',
  ): ValueExpr | undefined {
    if (!list || index < 0) return undefined;
    const items =
      list.type === 'expression_list'
        ? list.namedChildren.filter(
            (c): c is Node => !!c && c.type !== 'comment',
          )
        : [list];
    if (items.length === 1 && count > 1)
      return this.value(items[0], index, 0, mode);
    return items[index] ? this.value(items[index], 0, 0, mode) : undefined;
  }

  private rhsValue(
    stmt: Node,
    lhs: Node,
    mode: Mode = 'value',
  ): ValueExpr | undefined {
    const left = stmt.childForFieldName('left');
    const items = left?.namedChildren.filter(c => c?.type !== 'comment') ?? [];
    const index = items.findIndex(c => c?.id === lhs.id);
    return this.listValue(
      stmt.childForFieldName('right'),
      index,
      items.length,
      mode,
    );
  }

  /** What a use of a variable assigns to it: `v = x`, `v, err = f()`, `f(&v)`, `flag.StringVar(&v, ...)`. */
  /** Whether a use of a name gives it a value (`=`, `:=`, `&v` handed on), read from syntax only. */
  private isAssignedAt(site: Node): boolean {
    if (!mayAssign(this.src.source, site.startIndex, site.endIndex))
      return false;
    const assign = assignmentOf(site);
    if (assign) {
      const op = assignOperator(this.src, assign.stmt);
      return op === '=' || op === ':=';
    }
    const amp = site.parent;
    return (
      amp?.type === 'unary_expression' &&
      textOf(this.src, amp.childForFieldName('operator')!) === '&'
    );
  }

  private assignedAt(site: Node): ValueExpr | undefined {
    if (!mayAssign(this.src.source, site.startIndex, site.endIndex))
      return undefined;
    const assign = assignmentOf(site);
    if (assign) {
      const op = assignOperator(this.src, assign.stmt);
      if (op !== '=' && op !== ':=') return undefined;
      return this.rhsValue(assign.stmt, site);
    }
    const amp = site.parent;
    if (
      amp?.type === 'unary_expression' &&
      textOf(this.src, amp.childForFieldName('operator')!) === '&'
    ) {
      return this.storedThrough(amp);
    }
    return undefined;
  }
}

/**
 * The calls of a function literal (or any function value: `c.Open`, `open`) in its file: where it
 * is written (`func(…){…}(…)`, also under `go` and `defer`), or through the local it initializes
 * (`f := func(…){…}`, `var f = func…`, `f := c.Open`): every call of that local.
 */
export function literalCalls(
  src: GoSource,
  fn: Node,
  scopesOf: (node: Node) => Scopes,
): Node[] {
  // Decided on the text first: most literals are handed to a call (`g.Go(func() error {…})`),
  // and a node's parent costs a walk from the root.
  const { source } = src;
  const lineStart = source.lastIndexOf('\n', fn.startIndex) + 1;
  const before = source.slice(lineStart, fn.startIndex);
  const after = source.slice(fn.endIndex, fn.endIndex + 32);
  if (!/^[\s)]*\(/.test(after) && !/(^|[^=!<>])=[\s(]*$/.test(before))
    return [];
  let outer = fn;
  while (outer.parent?.type === 'parenthesized_expression')
    outer = outer.parent;
  const parent = outer.parent;
  if (!parent) return [];
  if (parent.type === 'call_expression')
    return parent.childForFieldName('function')?.id === outer.id
      ? [parent]
      : [];
  if (parent.type !== 'expression_list' || !parent.parent) return [];
  const pairs = declarationPairs(parent.parent);
  if (!pairs || pairs.names.length !== pairs.values.length) return [];
  const id = pairs.names[pairs.values.findIndex(c => c.id === outer.id)];
  if (id?.type !== 'identifier') return [];
  const scopes = scopesOf(id);
  const decl = scopes.resolve(id);
  if (!decl || decl.id.id !== id.id || decl.kind !== 'var') return [];
  const calls: Node[] = [];
  for (const site of scopes.uses(decl)) {
    const call = site.parent;
    if (
      call?.type === 'call_expression' &&
      call.childForFieldName('function')?.id === site.id
    )
      calls.push(call);
  }
  return calls;
}

/**
 * A slice, array or map of unknown type holding `value` among its elements: what `m[k] = v`
 * stores, read back by `m[k]` or a range over `m`.
 */
export function holding(value: ValueExpr): ValueExpr {
  return { k: 'new', type: { k: 'unknown' }, elems: [value] };
}
