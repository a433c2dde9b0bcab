import { posix } from 'node:path';
import { Node } from 'web-tree-sitter';
import {
  Callee,
  GoProgramFacts,
  Owner,
  StatementPlace,
  ValueExpr,
} from '../programFacts';
import { statementPlace } from './statementPlace';
import { StoreReader } from './storeFacts';
import { calledAs, compositeElements, GoSource, textOf } from './syntax';
import { TopDecls } from './topDecls';
import { ValueReader } from './values';
import { NameKind, Vocabulary } from './vocabulary';
import { ImportResolver } from './imports';
import {
  inLineComment,
  inLineCommentOrLiteral,
  isWordChar,
  siteAt,
} from './wordSites';

const isBlank = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * The identifier a selector dot at `dot` follows (`pkg` in `pkg.Name`), unless it is itself
 * selected (`x.pkg.Name`, also across a line break) or a comment may hide what comes before it
 * (see {@link unqualified}).
 */
function qualifierBefore(source: string, dot: number): string | undefined {
  let end = dot;
  while (end > 0 && isBlank(source[end - 1])) end--;
  let start = end;
  while (start > 0 && isWordChar(source.charCodeAt(start - 1))) start--;
  if (start === end || !unqualified(source, start)) return undefined;
  return source.slice(start, end);
}

/**
 * The file's names for imported packages that lie outside the tree (the vocabulary's
 * `mayNameTreePackage`), and where each surely denotes the package. Calls of such a package's
 * members, their uses as values and stores into them lead nowhere in the tree (the link step
 * resolves a package path to a package of the tree only), so their sites are passed over
 * before any tree lookup.
 *
 * A local of the same name hides the package within its function (Go spec, Declarations and
 * scope; a package-level name cannot clash with an import). So a top-level declaration in
 * which the name stands anywhere but before a selector dot (`name.X`), after one (`r.name`),
 * or in a comment or a literal, may declare it: there `name.X` is read as before. A name that
 * also names a package that may be in the tree, or that the word index does not hold, is
 * always read.
 */
export class OutsideQualifiers {
  private constructor(
    /** Name → the indexes (in `tops`) of the declarations that may declare it. */
    private readonly names: ReadonlyMap<string, ReadonlySet<number>>,
    private readonly tops: TopDecls,
  ) {}

  static read(
    source: string,
    words: GoSource['words'],
    imports: ImportResolver,
    importsEnd: number,
    vocabulary: Vocabulary,
    tops: TopDecls,
  ): OutsideQualifiers {
    const outside = new Set<string>();
    const inside = new Set<string>();
    for (const path of imports.paths()) {
      const local = vocabulary.mayNameTreePackage(path);
      for (const name of imports.localNames(path))
        (local ? inside : outside).add(name);
    }
    const names = new Map<string, Set<number>>();
    for (const name of outside) {
      if (inside.has(name) || !words?.covers(name)) continue;
      const declaring = new Set<number>();
      for (const at of words.at(name, importsEnd)) {
        let after = at + name.length;
        while (source[after] === ' ' || source[after] === '\t') after++;
        if (source[after] === '.') continue;
        let before = at - 1;
        while (isBlank(source[before])) before--;
        if (source[before] === '.' || inLineCommentOrLiteral(source, at))
          continue;
        declaring.add(tops.indexAt(at));
      }
      names.set(name, declaring);
    }
    return new OutsideQualifiers(names, tops);
  }

  /** Whether the file names no package outside the tree. */
  get empty(): boolean {
    return this.names.size === 0;
  }

  /** Whether `name`, standing at `at`, surely denotes a package outside the tree. */
  denotesOutside(name: string, at: number): boolean {
    const declaring = this.names.get(name);
    return !!declaring && !declaring.has(this.tops.indexAt(at));
  }
}

/**
 * Whether the name at `at` surely has no selector dot before it. The dot may end an earlier
 * line; after a comment (a block comment's end, or a line holding `//`) it may be either, and the name is read
 * as qualified, so that the tree is asked.
 */
function unqualified(source: string, at: number): boolean {
  let before = at - 1;
  let lineBreak = false;
  for (; before >= 0; before--) {
    const c = source[before];
    if (c === '\n') lineBreak = true;
    else if (c !== ' ' && c !== '\t' && c !== '\r') break;
  }
  if (source[before] === '.' || source[before] === '/') return false;
  return !lineBreak || !inLineComment(source, before + 1);
}

/**
 * Whether a use of a vocabulary name can matter, judged from the text around it before any tree
 * lookup: a function called or handed on, a method after a dot, a type opening a composite
 * literal, a package variable assigned or whose address is taken. An unqualified name denotes
 * a local, a name of its own package's block (Go spec, Declarations and scope) or a
 * dot-import's: when no file of the directory declares it (`own`), what the site would record
 * leads nowhere, as the link step resolves an unqualified callee or variable in the file's own
 * package only. Names some file declares as a type are read as before: a local type of the same
 * name opens composite literals whose fields the link step follows.
 */
/**
 * Whether a composite literal's body follows a type name ending before `at`: `T{`, or an
 * instantiated generic type's `T[K, V]{` (its type arguments on one line).
 */
function literalFollows(source: string, at: number): boolean {
  return source[afterTypeArguments(source, at)] === '{';
}

/**
 * Where the text after a name ending before `at` goes on, past type arguments `[K, V]` on one
 * line (-1 when they do not end on it).
 */
function afterTypeArguments(source: string, at: number): number {
  let i = at;
  if (source[i] === '[') {
    let depth = 0;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '\n') return -1;
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) break;
    }
    i++;
    while (i < source.length && isBlank(source[i])) i++;
  }
  return i;
}

function mayMatter(
  source: string,
  at: number,
  name: string,
  kind: number,
  vocabulary: Vocabulary,
  own: ReadonlySet<string>,
  outside: OutsideQualifiers,
): boolean {
  const length = name.length;
  let before = at - 1;
  while (before >= 0 && (source[before] === ' ' || source[before] === '\t'))
    before--;
  let after = at + length;
  while (
    after < source.length &&
    (source[after] === ' ' || source[after] === '\t')
  )
    after++;
  const prev = source[before];
  const next = source[after];
  let dot = before;
  while (dot >= 0 && isBlank(source[dot])) dot--;
  if (source[dot] === '.' && !outside.empty) {
    const qualifier = qualifierBefore(source, dot);
    // A member of a package outside the tree: only a composite literal of its type is read
    // (the link step keys the fields of any named type).
    if (qualifier !== undefined && outside.denotesOutside(qualifier, at))
      return (kind & NameKind.type) !== 0 && literalFollows(source, after);
  }
  if (!(kind & NameKind.type) && !own.has(name) && unqualified(source, at))
    return false;
  if (kind & NameKind.func) {
    // `name.x`, `name[i]`, `name :=`, `name = ...`: a variable of that name, not the function.
    const variable =
      source[dot] !== '.' &&
      (next === '.' ||
        // `name[i]`, but not an instantiation called: `Dial[usersAPI](addr)`
        (next === '[' && source[afterTypeArguments(source, after)] !== '(') ||
        next === ':' ||
        (next === '=' && source[after + 1] !== '='));
    if (!variable || kind !== NameKind.func) return true;
    return false;
  }
  // A method is called, or handed on as a value (`g.Go(s.serve)`); a name some struct also
  // declares as a field is, without a call, a field read. The dot may end the line before
  // (`rpc.NewBuilder().` then `Host("billing").` on the next line, as gofmt writes a chain).
  if (kind & NameKind.method && source[dot] === '.')
    return next === '(' || !vocabulary.isField(name);
  if (kind & NameKind.type && literalFollows(source, after)) return true;
  if (kind & NameKind.global) {
    if (prev === '&') return true;
    if (next === '=' && source[after + 1] !== '=') return true;
    if (next === ',') {
      const lineEnd = source.indexOf('\n', after);
      return /^[^(){}]*[^=!<>:]=(?!=)/.test(
        source.slice(after, lineEnd < 0 ? undefined : lineEnd),
      );
    }
  }
  return false;
}

/**
 * Reads the uses of the tree's vocabulary names in a file's function bodies: calls with their
 * value-carrying arguments, functions and methods used as values, stores into package variables,
 * and composite literals.
 */
export class VocabularySiteReader {
  constructor(
    private readonly src: GoSource,
    private readonly values: ValueReader,
    private readonly vocabulary: Vocabulary,
    private readonly facts: GoProgramFacts,
    private readonly tops: TopDecls,
    /** Offsets of the names the file's declarations declare (not uses). */
    private readonly declaredAt: Set<number>,
    private readonly stores: StoreReader,
    /** The file's names for packages outside the tree. */
    private readonly outside: OutsideQualifiers,
  ) {}

  private storeTarget(node: Node): boolean {
    return this.stores.storeTarget(node);
  }

  private assignedValue(lhs: Node): ValueExpr | undefined {
    return this.stores.assignedValue(lhs);
  }

  /** Classifies each use of a vocabulary name: a call, a reference, a store, a composite literal. */
  readSites(sites: { name: string; at: number; kind: number }[]) {
    const source = this.src.source;
    const own = this.vocabulary.packageNamesIn(posix.dirname(this.src.path));
    for (const { name, at, kind } of sites) {
      if (
        this.declaredAt.has(at) ||
        !mayMatter(source, at, name, kind, this.vocabulary, own, this.outside)
      )
        continue;
      if (inLineComment(source, at)) continue;
      const site = siteAt(this.src, at, name.length);
      if (!site) continue;
      const owner = this.tops.ownerAt(site.startIndex);
      if (owner === undefined) continue;
      const parent = site.parent;
      if (!parent) continue;
      switch (site.type) {
        case 'identifier':
          this.identifierSite(site, parent, owner);
          break;
        case 'field_identifier':
          if (parent.type === 'selector_expression')
            this.selectorSite(parent, owner);
          break;
        case 'type_identifier':
          this.typeSite(site, owner);
          break;
        default:
      }
    }
  }

  /** A call of a vocabulary function or method, with its value-carrying arguments. */
  /** A call, of what it names or of `callee` (a function value's, called through a local). */
  private recordCall(
    call: Node,
    owner: Owner,
    callee = this.values.callee(call),
  ) {
    if (!callee) return;
    const place = statementPlace(this.src, call);
    const carries = this.vocabulary.valueArgs(callee.name);
    const fieldArgs = this.values.fieldArgs(call, carries);
    this.facts.calls.push({
      owner,
      callee,
      args: this.values.args(call, 0, carries),
      ...(fieldArgs ? { fieldArgs } : {}),
      ...(place ? { place } : {}),
      at: this.values.where(call),
    });
  }

  /** A value written into a package-level variable. */
  private recordGlobalStore(
    owner: Owner,
    target: { pkg: string; name: string },
    value: ValueExpr | undefined,
  ) {
    if (!value) return;
    this.facts.stores.push({
      owner,
      target: { k: 'global', pkg: target.pkg, name: target.name },
      value,
    });
  }

  private identifierSite(site: Node, parent: Node, owner: Owner) {
    const call = calledAs(site);
    if (call) {
      this.recordCall(call, owner);
      return;
    }
    if (parent.type === 'selector_expression') return; // the operand of x.f: a value, not a callee
    if (
      parent.type === 'literal_element' &&
      parent.parent?.type === 'keyed_element' &&
      parent.parent.namedChild(0)?.id === parent.id
    ) {
      return; // a field name in a composite literal
    }
    if (
      parent.type === 'function_declaration' ||
      parent.type === 'var_spec' ||
      parent.type === 'const_spec'
    )
      return;
    if (this.values.isLocal(site)) return;
    const value: { pkg: string; name: string } = {
      pkg: '',
      name: textOf(this.src, site),
    };
    if (this.storeTarget(site)) {
      this.recordGlobalStore(owner, value, this.assignedValue(site));
      return;
    }
    const amp = site.parent;
    if (
      amp?.type === 'unary_expression' &&
      textOf(this.src, amp.childForFieldName('operator')!) === '&'
    ) {
      this.recordGlobalStore(owner, value, this.values.storedThrough(amp));
      return;
    }
    // A function used as a value (`http.HandleFunc("/", handle)`, `g.Go(run)`): it may run.
    this.recordReference(site, { k: 'func', pkg: '', name: value.name }, owner);
  }

  /**
   * A function or method used as a value (a handler, `g.Go(s.serve)`): it may run, so it is
   * recorded as referenced; called through the local it initializes (`f := c.Open`, then
   * `f("users:8080")`), each call of that local is a call of it with its arguments.
   */
  private recordReference(value: Node, callee: Callee, owner: Owner) {
    this.facts.calls.push({
      owner,
      callee,
      args: [],
      ref: true,
      ...referencePlace(this.src, value),
      at: this.values.where(value),
    });
    for (const call of this.values.callsThroughLocal(value))
      this.recordCall(call, owner, callee);
  }

  private selectorSite(selector: Node, owner: Owner) {
    const outer = selector.parent;
    const call = calledAs(selector);
    if (call) {
      this.recordCall(call, owner);
      return;
    }
    if (outer?.type === 'method_declaration') return;
    const value = this.values.value(selector);
    if (value.k === 'global') {
      // pkg.Var = v, or pkg.Func used as a value.
      if (this.storeTarget(selector)) {
        this.recordGlobalStore(owner, value, this.assignedValue(selector));
        return;
      }
      this.recordReference(
        selector,
        { k: 'func', pkg: value.pkg, name: value.name },
        owner,
      );
      return;
    }
    if (value.k === 'field' && !this.storeTarget(selector)) {
      // A method value (`s.serve` handed to errgroup): it may run.
      this.recordReference(
        selector,
        { k: 'method', recv: value.of, name: value.name },
        owner,
      );
    }
  }

  /**
   * `T{F: v}`, `&pkg.T{F: v}` and `&T[K]{F: v}`: stores into the fields of a new T. So are the
   * elements whose type a slice, array or map literal implies (`[]T{{F: v}}`, `[]*T{{F: v}}`,
   * `map[string]T{"a": {F: v}}`).
   */
  private typeSite(site: Node, owner: Owner) {
    let typeNode = site;
    if (typeNode.parent?.type === 'qualified_type') typeNode = typeNode.parent;
    if (
      typeNode.parent?.type === 'generic_type' &&
      typeNode.parent.childForFieldName('type')?.id === typeNode.id
    )
      typeNode = typeNode.parent;
    const of: ValueExpr = {
      k: 'new',
      type: this.values.types.ofNode(typeNode),
    };
    const literal = typeNode.parent;
    if (
      literal?.type === 'composite_literal' &&
      literal.childForFieldName('type')?.id === typeNode.id
    ) {
      this.fieldStores(literal, of, owner);
      return;
    }
    const container = impliedElementsOf(typeNode);
    if (!container) return;
    for (const { value } of compositeElements(container))
      if (value.type === 'literal_value') this.fieldStores(value, of, owner);
  }

  /** The keyed elements of a struct literal (or its `{…}` body) as stores into `of`'s fields. */
  private fieldStores(literal: Node, of: ValueExpr, owner: Owner) {
    for (const { key: keyId, value } of compositeElements(literal)) {
      if (keyId?.type !== 'identifier') continue;
      const name = textOf(this.src, keyId);
      if (!this.vocabulary.valueField(name)) continue;
      this.facts.stores.push({
        owner,
        target: { k: 'field', of, name },
        value: this.values.value(value),
      });
    }
  }
}

/**
 * The composite literal whose elements have the type `typeNode` without writing it: `typeNode`
 * (or a pointer to it) is the element type of the literal's slice or array type, or the value
 * type of its map type.
 */
function impliedElementsOf(typeNode: Node): Node | undefined {
  let elem = typeNode;
  if (elem.parent?.type === 'pointer_type') elem = elem.parent;
  const container = elem.parent;
  if (!container) return undefined;
  const field = container.type === 'map_type' ? 'value' : 'element';
  if (
    ![
      'slice_type',
      'array_type',
      'implicit_length_array_type',
      'map_type',
    ].includes(container.type) ||
    container.childForFieldName(field)?.id !== elem.id
  )
    return undefined;
  const literal = container.parent;
  return literal?.type === 'composite_literal' &&
    literal.childForFieldName('type')?.id === container.id
    ? literal
    : undefined;
}

/** Where a reference to a function sits: never `sync`, since handing a function on does not run it. */
function referencePlace(src: GoSource, node: Node): { place?: StatementPlace } {
  const place = statementPlace(src, node);
  if (!place) return {};
  return {
    place: { stmt: place.stmt, ...(place.deferred ? { deferred: true } : {}) },
  };
}
