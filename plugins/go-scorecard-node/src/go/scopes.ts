import { Node } from 'web-tree-sitter';
import { GoSource, isFunctionNode } from './syntax';
import { wordSites } from './wordSites';

/**
 * A name declared inside a function: a parameter, result or receiver, or a local variable or
 * constant (Go spec, "Declarations and scope").
 */
export interface Declaration {
  name: string;
  /** The declaring identifier. */
  id: Node;
  kind: 'param' | 'result' | 'receiver' | 'var' | 'const';
  /** The function (declaration, method or literal) the name is local to. */
  fn: Node;
  /** Position among the function's parameters, for kind `param`. */
  index?: number;
  /** The name is visible in [from, scopeEnd). */
  from: number;
  scopeStart: number;
  scopeEnd: number;
  /** The node of the scope: a function, block, case clause, or if/for/switch statement. */
  scope: Node;
  /**
   * What declares it: a short_var_declaration, var_spec, const_spec, range_clause,
   * receive_statement, type_switch_statement or parameter declaration.
   */
  stmt: Node;
}

const CASE_CLAUSES = new Set([
  'expression_case',
  'default_case',
  'type_case',
  'communication_case',
]);
const PARAMETER_DECLARATIONS = new Set([
  'parameter_declaration',
  'variadic_parameter_declaration',
]);

/** Whether an identifier is the name of a parameter (or result) in its declaration list. */
function isParameterName(id: Node): boolean {
  const parent = id.parent;
  return (
    !!parent &&
    PARAMETER_DECLARATIONS.has(parent.type) &&
    parent.childrenForFieldName('name').some(n => n?.id === id.id)
  );
}

/** The scope a block opens: a function's body shares its scope with the parameters. */
function blockScope(block: Node): Node {
  const parent = block.parent;
  if (
    parent &&
    isFunctionNode(parent) &&
    parent.childForFieldName('body')?.id === block.id
  ) {
    return parent;
  }
  return block;
}

/** The innermost scope holding a statement (or spec) that declares names. */
function scopeOfStatement(stmt: Node): Node {
  let n = stmt;
  for (let p = n.parent; p; n = p, p = p.parent) {
    switch (p.type) {
      case 'if_statement':
      case 'expression_switch_statement':
      case 'type_switch_statement':
        return p; // an initializer
      case 'for_clause':
      case 'range_clause':
        return p.parent ?? p;
      case 'block':
        return blockScope(p);
      case 'communication_case':
        return p;
      case 'statement_list': {
        const owner = p.parent;
        if (owner?.type === 'block') return blockScope(owner);
        if (owner && CASE_CLAUSES.has(owner.type)) return owner;
        return owner ?? p;
      }
      case 'var_declaration':
      case 'var_spec_list':
      case 'const_declaration':
      case 'const_spec_list':
        continue;
      default:
        if (isFunctionNode(p)) return p;
        if (p.type === 'source_file') return p;
    }
  }
  return n;
}

/** Characters that, right after a name (spaces skipped), make it a use, never a declaration. */
const USE_FOLLOWERS = new Set(')]};+-%!>&|^{"`');

/**
 * Whether the text after a name ending at `end` allows it to be declared there: `x :=`,
 * `x, y`, `x = `, `x int`, `x *T`, `x []T`, `x ...T` do; `x)`, `x++`, `x.f`, `x(…)`, `x ==`,
 * `x {` do not, nor a name ending a line it does not start (`return x`; a line of its own is a
 * const spec repeating the one before). A cheap test on the text before the tree's.
 */
function mayDeclare(source: string, start: number, end: number): boolean {
  let i = end;
  while (source[i] === ' ' || source[i] === '\t') i++;
  const c = source[i];
  if (
    c === undefined ||
    c === '\n' ||
    c === '\r' ||
    (c === '/' && source[i + 1] === '/')
  ) {
    let j = start - 1;
    while (source[j] === ' ' || source[j] === '\t') j--;
    return j < 0 || source[j] === '\n';
  }
  if (c === '/') return source[i + 1] === '*'; // `x /* … */ int`; `x / y` is a use
  if (USE_FOLLOWERS.has(c)) return false;
  if (i === end && (c === '.' || c === '(')) return false; // `x.f`, `x(…)`
  if (c === '=') return source[i + 1] !== '=';
  if (c === ':') return source[i + 1] === '=';
  return true;
}

/** Whether `stmt` (range clause or receive statement) declares with `:=`. */
function declaresWithDefine(src: GoSource, stmt: Node, left: Node): boolean {
  const right = stmt.childForFieldName('right');
  const between = src.source.slice(
    left.endIndex,
    right ? right.startIndex : stmt.endIndex,
  );
  return between.includes(':=');
}

/**
 * Go's block scoping inside one top-level declaration: which declaration an identifier refers to.
 * Declarations are found per name on demand (a text search, then the tree around each hit), so
 * a function costs work only for the names a caller asks about.
 */
export class Scopes {
  private readonly byName = new Map<string, Declaration[]>();

  constructor(
    private readonly src: GoSource,
    /** The top-level declaration (or any node) whose local names are resolved. */
    private readonly top: Node,
  ) {}

  /** Every local declaration of `name` in the top-level declaration, in source order. */
  declarations(name: string): Declaration[] {
    let decls = this.byName.get(name);
    if (decls) return decls;
    decls = [];
    const { source } = this.src;
    for (const site of wordSites(
      this.src,
      name,
      this.top.startIndex,
      this.top.endIndex,
      (start, end) => mayDeclare(source, start, end),
    )) {
      if (site.type !== 'identifier') continue;
      const d = this.declarationAt(site, name, decls);
      if (d) decls.push(d);
    }
    this.byName.set(name, decls);
    return decls;
  }

  /** The declaration `id` (an identifier inside the top-level declaration) refers to, if local. */
  resolve(id: Node): Declaration | undefined {
    const name = this.src.source.slice(id.startIndex, id.endIndex);
    const at = id.startIndex;
    let best: Declaration | undefined;
    for (const d of this.declarations(name)) {
      if (d.id.id === id.id) return d;
      if (at < d.from || at >= d.scopeEnd || at < d.scopeStart) continue;
      if (
        !best ||
        d.scopeStart > best.scopeStart ||
        (d.scopeStart === best.scopeStart && d.scopeEnd < best.scopeEnd)
      ) {
        best = d;
      }
    }
    return best;
  }

  /**
   * The identifiers inside the top-level declaration that refer to `decl`, the declaring one
   * excluded; with `accept`, only those at positions it accepts (see `wordSites`). A parameter
   * name is never one: it declares a parameter of its own function, or nothing at all in a
   * func type or an interface's method (`var onStop func(cancel context.CancelFunc)`: Go spec,
   * "Function types").
   */
  uses(
    decl: Declaration,
    accept?: (start: number, end: number) => boolean,
  ): Node[] {
    return wordSites(
      this.src,
      decl.name,
      decl.scopeStart,
      decl.scopeEnd,
      accept,
    ).filter(
      site =>
        site.type === 'identifier' &&
        site.id !== decl.id.id &&
        !isParameterName(site) &&
        this.resolve(site) === decl,
    );
  }

  private declarationAt(
    site: Node,
    name: string,
    earlier: Declaration[],
  ): Declaration | undefined {
    const parent = site.parent;
    if (!parent) return undefined;
    if (PARAMETER_DECLARATIONS.has(parent.type))
      return this.parameter(site, name, parent);
    if (parent.type === 'var_spec' || parent.type === 'const_spec') {
      if (!parent.childrenForFieldName('name').some(n => n?.id === site.id))
        return undefined;
      const scope = scopeOfStatement(parent);
      if (scope.type === 'source_file') return undefined; // package level
      return this.make(
        site,
        name,
        parent.type === 'var_spec' ? 'var' : 'const',
        parent,
        scope,
        parent.endIndex,
      );
    }
    if (parent.type !== 'expression_list') return undefined;
    const stmt = parent.parent;
    if (!stmt) return undefined;
    if (stmt.type === 'short_var_declaration') {
      if (stmt.childForFieldName('left')?.id !== parent.id) return undefined;
      const scope = scopeOfStatement(stmt);
      // `a, b := ...` redeclares a name already declared in the same scope.
      if (earlier.some(d => d.scope.id === scope.id)) return undefined;
      return this.make(site, name, 'var', stmt, scope, stmt.endIndex);
    }
    if (stmt.type === 'range_clause' || stmt.type === 'receive_statement') {
      const left = stmt.childForFieldName('left');
      if (left?.id !== parent.id || !declaresWithDefine(this.src, stmt, left))
        return undefined;
      const scope =
        stmt.type === 'range_clause'
          ? stmt.parent ?? stmt
          : scopeOfStatement(stmt);
      const from = stmt.type === 'range_clause' ? stmt.endIndex : stmt.endIndex;
      return this.make(site, name, 'var', stmt, scope, from);
    }
    if (
      stmt.type === 'type_switch_statement' &&
      stmt.childForFieldName('alias')?.id === parent.id
    ) {
      return this.make(site, name, 'var', stmt, stmt, parent.endIndex);
    }
    return undefined;
  }

  private parameter(
    site: Node,
    name: string,
    decl: Node,
  ): Declaration | undefined {
    if (!decl.childrenForFieldName('name').some(n => n?.id === site.id))
      return undefined;
    const list = decl.parent;
    const fn = list?.parent;
    if (!list || !fn || !isFunctionNode(fn)) return undefined;
    let kind: Declaration['kind'];
    if (fn.childForFieldName('parameters')?.id === list.id) kind = 'param';
    else if (fn.childForFieldName('result')?.id === list.id) kind = 'result';
    else if (fn.childForFieldName('receiver')?.id === list.id)
      kind = 'receiver';
    else return undefined;
    const d = this.make(site, name, kind, decl, fn, fn.startIndex);
    if (kind === 'param') {
      let index = 0;
      for (const p of list.namedChildren) {
        if (!p || !PARAMETER_DECLARATIONS.has(p.type)) continue;
        const names = p.childrenForFieldName('name');
        if (names.length === 0) {
          index++;
          continue;
        }
        for (const n of names) {
          if (n?.id === site.id) d.index = index;
          index++;
        }
      }
    }
    return d;
  }

  private make(
    id: Node,
    name: string,
    kind: Declaration['kind'],
    stmt: Node,
    scope: Node,
    from: number,
  ): Declaration {
    const fn = isFunctionNode(scope) ? scope : enclosingFunctionOf(scope);
    return {
      name,
      id,
      kind,
      fn: fn ?? scope,
      from,
      scopeStart: scope.startIndex,
      scopeEnd: scope.endIndex,
      scope,
      stmt,
    };
  }
}

function enclosingFunctionOf(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionNode(n)) return n;
  return undefined;
}

/**
 * The type node a declaration writes: a parameter's, result's or receiver's type, or a `var`
 * spec's (`var srv *http.Server`); undefined for `:=`, `range`, a const or a `var` without one.
 */
export function writtenTypeNode(decl: Declaration): Node | undefined {
  const { stmt } = decl;
  if (stmt.type !== 'var_spec' && !stmt.type.endsWith('parameter_declaration'))
    return undefined;
  return stmt.childForFieldName('type') ?? undefined;
}
