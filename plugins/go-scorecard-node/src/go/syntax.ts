import { Node } from 'web-tree-sitter';
import { CallRef, SourceRef } from '../facts';
import { stringLiteralValue } from './lexer';
import { statementPlace } from './statementPlace';
import type { WordIndex } from './wordSites';

/** A parsed Go file: what the fact extractors share. The tree is freed by the caller. */
export interface GoSource {
  path: string;
  source: string;
  root: Node;
  /** Positions of the words the extractors look for, found in one pass (see `wordSites`). */
  words?: WordIndex;
  /**
   * Whether a call of a function or method that another file of the tree declares never returns
   * (the vocabulary's `neverReturns`): `via` is `''` for an unqualified name (a function of the
   * file's package), `'.'` for a method call, or the import path of `pkg.Name`.
   */
  treeNeverReturns?: (name: string, via: string) => boolean;
  /**
   * The named type a method call's operand is written with, where the file says it: a
   * receiver's, parameter's or `var`'s type, a local's composite literal (`&App{}`) or `new(T)`;
   * `pkg` is the import path of a qualified type, `''` for the file's own package. Undefined
   * when the file does not say (a library's result, a package variable of another file).
   */
  operandType?: (operand: Node) => { pkg: string; name: string } | undefined;
  /** Whether an import path may name a package of the tree (the vocabulary's). */
  isTreePackage?: (path: string) => boolean;
  /** Whether a type name of the tree names an interface (the vocabulary's). */
  isTreeInterface?: (name: string) => boolean;
  /**
   * Whether an identifier names a declaration local to its function (a parameter, variable or
   * constant, as `Scopes` resolves it), which hides a package-level name or an import of that
   * name (`die := func(err error) {…}` hides the package's `func die`).
   */
  isLocal?: (id: Node) => boolean;
}

const MAX_SNIPPET = 120;

/** The source text of a node (read from the JS string, not through the tree). */
export function textOf(src: GoSource, node: Node): string {
  return src.source.slice(node.startIndex, node.endIndex);
}

const topDeclarations = new WeakMap<GoSource, Map<string, Node>>();

/** The file's first top-level function or method declaration of a name (indexed once per file). */
export function topLevelDeclaration(
  src: GoSource,
  type: 'function_declaration' | 'method_declaration',
  name: string,
): Node | undefined {
  let index = topDeclarations.get(src);
  if (!index) {
    index = new Map();
    for (const d of src.root.namedChildren) {
      if (
        d?.type !== 'function_declaration' &&
        d?.type !== 'method_declaration'
      )
        continue;
      const n = d.childForFieldName('name');
      const key = `${d.type} ${n ? textOf(src, n) : ''}`;
      if (n && !index.has(key)) index.set(key, d);
    }
    topDeclarations.set(src, index);
  }
  return index.get(`${type} ${name}`);
}

/** 1-based line where a node starts. */
export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

/** The trimmed source line holding `index`, at most 120 characters. */
export function snippetAt(source: string, index: number): string {
  const start = source.lastIndexOf('\n', index - 1) + 1;
  let end = source.indexOf('\n', index);
  if (end < 0) end = source.length;
  const line = source.slice(start, end).trim();
  return line.length > MAX_SNIPPET
    ? `${line.slice(0, MAX_SNIPPET - 1)}…`
    : line;
}

/** Where a node starts, as a finding location. */
export function refOf(src: GoSource, node: Node): SourceRef {
  return {
    path: src.path,
    line: lineOf(node),
    snippet: snippetAt(src.source, node.startIndex),
  };
}

/** Where a call is, with its callee as written (`grpc.Dial`, `s.srv.Close`). */
export function callRef(src: GoSource, call: Node): CallRef {
  const place = statementPlace(src, call);
  return {
    callee: textOf(src, call.childForFieldName('function')!),
    ...refOf(src, call),
    ...(place ? { place } : {}),
  };
}

/** Strips parentheses around an expression. */
export function unparen(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) {
    n = n.namedChild(0)!;
  }
  return n;
}

/** The value of a Go string literal node (Go's escapes decoded), or undefined for anything else. */
export function stringValue(src: GoSource, node: Node): string | undefined {
  if (
    node.type !== 'raw_string_literal' &&
    node.type !== 'interpreted_string_literal'
  )
    return undefined;
  return stringLiteralValue(textOf(src, node));
}

/** `func` declarations, methods and function literals: each its own analysis scope. */
export function isFunctionNode(node: Node): boolean {
  return (
    node.type === 'function_declaration' ||
    node.type === 'method_declaration' ||
    node.type === 'func_literal'
  );
}

/** The innermost function (declaration, method or literal) around a node. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (isFunctionNode(n)) return n;
  }
  return undefined;
}

/** The expressions a `return` statement returns, comments left out (none for a bare `return`). */
export function returnedExpressions(ret: Node): Node[] {
  const list = ret.namedChildren.find(c => c && c.type !== 'comment');
  if (!list) return [];
  return list.type === 'expression_list'
    ? list.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment')
    : [list];
}

/** The statement after a node in its list, comments passed over. */
export function nextStatement(node: Node): Node | null {
  let next = node.nextNamedSibling;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  return next;
}

/** The statement before a node in its list, comments passed over. */
export function previousStatement(node: Node): Node | null {
  let prev = node.previousNamedSibling;
  while (prev?.type === 'comment') prev = prev.previousNamedSibling;
  return prev;
}

/**
 * What runs right after a simple statement: the `if` whose initializer it is (`if err :=
 * f(); err != nil`), else the next statement of its list.
 */
export function statementAfter(stmt: Node): Node | null {
  const owner = stmt.parent;
  if (
    owner?.type === 'if_statement' &&
    owner.childForFieldName('initializer')?.id === stmt.id
  )
    return owner;
  return nextStatement(stmt);
}

/** A node's text without blanks (`s . srv` is `s.srv`): a receiver compared by its spelling. */
export function compactText(src: GoSource, node: Node): string {
  return textOf(src, node).replace(/\s+/g, '');
}

/** The top-level declaration (function, method, var, const, type) holding a node. */
export function topLevelOf(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type !== 'source_file') n = n.parent;
  return n;
}

/**
 * The elements of a composite literal, in order: each value, and its key when keyed (`K: v`),
 * both unwrapped from their `literal_element`. A value may be a `literal_value` (`{…}` whose
 * type the literal implies), whose own elements this reads too; comments are left out.
 */
export function compositeElements(
  literal: Node,
): { key?: Node; value: Node }[] {
  const out: { key?: Node; value: Node }[] = [];
  const unwrap = (n: Node | null) =>
    n?.type === 'literal_element' ? n.namedChild(0) : n;
  const body =
    literal.type === 'literal_value'
      ? literal
      : literal.childForFieldName('body');
  for (const element of body?.namedChildren ?? []) {
    if (!element || element.type === 'comment') continue;
    if (element.type === 'keyed_element') {
      const key = unwrap(element.namedChild(0));
      const value = unwrap(element.namedChild(element.namedChildCount - 1));
      if (value) out.push({ ...(key ? { key } : {}), value });
    } else {
      const value = unwrap(element);
      if (value) out.push({ value });
    }
  }
  return out;
}

/** Arguments of a call, parentheses stripped; variadic `x...` kept as is. */
export function callArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  const out: Node[] = [];
  for (let i = 0; i < args.namedChildCount; i++) {
    const arg = args.namedChild(i)!;
    if (arg.type !== 'comment') out.push(unparen(arg));
  }
  return out;
}

/** For `x.f(...)`: the operand `x` and the name `f`. Undefined for other calls. */
export function selectorCall(
  src: GoSource,
  call: Node,
): { operand: Node; name: string } | undefined {
  if (call.type !== 'call_expression') return undefined;
  const fn = call.childForFieldName('function');
  if (!fn || fn.type !== 'selector_expression') return undefined;
  const operand = fn.childForFieldName('operand');
  const field = fn.childForFieldName('field');
  if (!operand || !field) return undefined;
  return { operand: unparen(operand), name: textOf(src, field) };
}

/** The name a call calls as written: `f` of `f(x)`, `Name` of `pkg.Name(x)` and of `s.srv.Name(x)`. */
export function calledName(src: GoSource, call: Node): string | undefined {
  if (call.type !== 'call_expression') return undefined;
  const fn = call.childForFieldName('function');
  const name =
    fn?.type === 'selector_expression' ? fn.childForFieldName('field') : fn;
  return name?.type === 'identifier' || name?.type === 'field_identifier'
    ? textOf(src, name)
    : undefined;
}

/** `pkg.f(...)` where `pkg` is a plain identifier: both names. */
export function qualifiedCall(
  src: GoSource,
  call: Node,
): { qualifier: string; name: string } | undefined {
  const sel = selectorCall(src, call);
  if (!sel || sel.operand.type !== 'identifier') return undefined;
  return { qualifier: textOf(src, sel.operand), name: sel.name };
}

/**
 * The names a `:=` or `var` spec declares and the values it gives them, comments left out;
 * undefined for any other statement.
 */
export function declarationPairs(
  stmt: Node,
): { names: Node[]; values: Node[] } | undefined {
  let names: (Node | null)[];
  let list: Node | null;
  if (stmt.type === 'short_var_declaration') {
    names = stmt.childForFieldName('left')?.namedChildren ?? [];
    list = stmt.childForFieldName('right');
  } else if (stmt.type === 'var_spec') {
    names = stmt.childrenForFieldName('name');
    list = stmt.childForFieldName('value');
  } else return undefined;
  let values: (Node | null)[] = [];
  if (list)
    values = list.type === 'expression_list' ? list.namedChildren : [list];
  const keep = (c: Node | null): c is Node => !!c && c.type !== 'comment';
  return { names: names.filter(keep), values: values.filter(keep) };
}

/**
 * Whether an index expression called is an explicit instantiation (`pkg.F[T]`, `F[pkg.T]`), not
 * an element of a slice or map of functions (`handlers[name]`): its operand is a name or a
 * qualified name, and its index a type's spelling other than a literal.
 */
export function isInstantiation(index: Node): boolean {
  const operand = index.childForFieldName('operand');
  const arg = index.childForFieldName('index');
  return (
    !!operand &&
    !!arg &&
    (operand.type === 'identifier' ||
      (operand.type === 'selector_expression' &&
        operand.childForFieldName('operand')?.type === 'identifier')) &&
    !/literal/.test(arg.type)
  );
}

/**
 * The call whose function a node is: `f(…)`, `pkg.F(…)`, or through an explicit instantiation
 * (`F[T](…)`, `pkg.F[T](ctx, addr)`). Undefined when the node is not called there.
 */
export function calledAs(node: Node): Node | undefined {
  let fn = node;
  const parent = node.parent;
  if (
    parent?.type === 'index_expression' &&
    parent.childForFieldName('operand')?.id === node.id &&
    isInstantiation(parent)
  )
    fn = parent;
  const call = fn.parent;
  return call?.type === 'call_expression' &&
    call.childForFieldName('function')?.id === fn.id
    ? call
    : undefined;
}
