import { Node } from 'web-tree-sitter';
import {
  ConfigLoadFacts,
  GoProgramFacts,
  Owner,
  StoreTarget,
  TypeRef,
  ValueExpr,
} from '../programFacts';
import { DeclarationsSyntax, readDeclaration } from './declarations';
import { ImportResolver, PKG } from './imports';
import { PackageRef } from './packageRefs';
import { callArguments, GoSource, textOf, unparen } from './syntax';
import { FLAG_VAR_VALUE_ARG, ValueReader } from './values';
import { NameKind, Vocabulary } from './vocabulary';
import { inLineComment, siteAt, wordSites } from './wordSites';

/** A top-level declaration's range and what it is. */
interface TopDecl {
  start: number;
  end: number;
  /** The function's index in `funcs`, or -1 for var/const declarations, undefined otherwise. */
  owner?: Owner;
  node: Node;
}

/** Loaders that fill a struct from the environment or a file, by import path. */
export const CONFIG_LOADERS: {
  path: RegExp;
  funcs: Record<
    string,
    { loader: ConfigLoadFacts['loader']; prefixArg?: number; targetArg: number }
  >;
}[] = [
  {
    path: /^github\.com\/kelseyhightower\/envconfig$/,
    funcs: {
      Process: { loader: 'envconfig', prefixArg: 0, targetArg: 1 },
      MustProcess: { loader: 'envconfig', prefixArg: 0, targetArg: 1 },
    },
  },
  {
    path: /^github\.com\/ardanlabs\/conf(\/v\d+)?$/,
    funcs: { Parse: { loader: 'conf', prefixArg: 0, targetArg: 1 } },
  },
  {
    path: /^github\.com\/(caarlos0|sethvargo\/go-envconfig)\/env(\/v\d+)?$/,
    funcs: {
      Parse: { loader: 'env', targetArg: 0 },
      ParseWithOptions: { loader: 'env', targetArg: 0 },
    },
  },
  {
    path: /^(gopkg\.in\/yaml\.v\d|sigs\.k8s\.io\/yaml|github\.com\/goccy\/go-yaml|encoding\/json|github\.com\/BurntSushi\/toml|github\.com\/pelletier\/go-toml(\/v\d+)?)$/,
    funcs: {
      Unmarshal: { loader: 'file', targetArg: 1 },
      // BurntSushi/toml
      Decode: { loader: 'file', targetArg: 1 },
      DecodeFile: { loader: 'file', targetArg: 1 },
    },
  },
  {
    path: /^github\.com\/spf13\/viper$/,
    funcs: { Unmarshal: { loader: 'file', targetArg: 0 } },
  },
];

/**
 * Whether a use of a vocabulary name can matter, judged from the text around it before any tree
 * lookup: a function called or handed on, a method after a dot, a type opening a composite
 * literal, a package variable assigned or whose address is taken.
 */
function mayMatter(
  source: string,
  at: number,
  name: string,
  kind: number,
  vocabulary: Vocabulary,
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
  if (kind & NameKind.func) {
    // `name.x`, `name[i]`, `name :=`, `name = ...`: a variable of that name, not the function.
    const variable =
      prev !== '.' &&
      (next === '.' ||
        next === '[' ||
        next === ':' ||
        (next === '=' && source[after + 1] !== '='));
    if (!variable || kind !== NameKind.func) return true;
    return false;
  }
  // A method is called, or handed on as a value (`g.Go(s.serve)`); a name some struct also
  // declares as a field is, without a call, a field read.
  if (kind & NameKind.method && prev === '.')
    return next === '(' || !vocabulary.isField(name);
  if (kind & NameKind.type && next === '{') return true;
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
 * Result types worth following a function's returns for: strings (the tree dials gRPC: a target
 * may be returned), durations and contexts (the tree drains servers: a bound may be).
 */
function carriesValues(t: TypeRef, vocabulary: Vocabulary): boolean {
  if (t.k !== 'named') return false;
  if (t.pkg === PKG.time) return vocabulary.drains && t.name === 'Duration';
  if (t.pkg === PKG.context) return vocabulary.drains && t.name === 'Context';
  if (t.pkg !== '') return false;
  if (['error', 'bool', 'byte', 'rune', 'any'].includes(t.name)) return false;
  return vocabulary.dials;
}

/** Calls that read a configuration file. */
const READS_FILE = /\b(ReadFile|Open|ReadInConfig|Load|DecodeFile)\s*\(/;

const ASSIGN = /(?<![=!<>:+\-*/%&|^])=(?!=)/g;

/**
 * The program facts of one parsed file: its declarations (read from tokens), and, in function
 * bodies, what the module index and value flow need: calls of and references to the names of the
 * tree's vocabulary with their arguments, stores into fields, package variables and pointers,
 * returns of value-carrying results, and config loaders.
 */
export class ProgramFactsReader {
  readonly facts: GoProgramFacts;
  private readonly tops: TopDecl[] = [];
  private vocabulary: Vocabulary = new Vocabulary();
  private readonly funcTops = new Map<Owner, TopDecl>();
  /** Offsets of the names this file's declarations declare (not uses). */
  private readonly declaredAt = new Set<number>();
  private readonly decls: DeclarationsSyntax = {
    funcs: [],
    types: [],
    globals: [],
  };

  constructor(
    private readonly src: GoSource,
    private readonly imports: ImportResolver,
    private readonly values: ValueReader,
  ) {
    const { types } = values;
    const children = src.root.namedChildren.filter((c): c is Node => !!c);
    children.forEach((node, i) => {
      const start = node.startIndex;
      const end = children[i + 1]?.startIndex ?? src.source.length;
      const before = this.decls.funcs.length;
      const word = /^\w+/.exec(src.source.slice(start, start + 6))?.[0];
      if (
        word !== 'func' &&
        word !== 'var' &&
        word !== 'const' &&
        word !== 'type'
      )
        return;
      readDeclaration(src.source, start, end, this.decls);
      if (word === 'func') {
        if (this.decls.funcs.length > before) {
          const top = { start, end, owner: before, node };
          this.tops.push(top);
          this.funcTops.set(before, top);
        }
      } else if (word === 'var' || word === 'const') {
        this.tops.push({ start, end, owner: -1, node });
      } else {
        this.tops.push({ start, end, node });
      }
    });
    for (const f of this.decls.funcs) this.declaredAt.add(f.nameAt);
    for (const t of this.decls.types) this.declaredAt.add(t.at);
    for (const g of this.decls.globals) this.declaredAt.add(g.at);
    this.facts = {
      funcs: this.decls.funcs.map(f => ({
        name: f.name,
        ...(f.recv ? { recv: types.of(f.recv.type) } : {}),
        params: types.params(f.params),
        results: types.params(f.results).map(p => p.type),
        at: types.whereAt(f.start),
      })),
      types: this.decls.types.map(t => ({
        name: t.name,
        type: types.of(t.type),
        at: types.whereAt(t.at),
      })),
      globals: [],
      locals: values.locals,
      calls: [],
      stores: [],
      returns: [],
      configLoads: [],
    };
  }

  /** The owner of a position: the function holding it, -1 in a var/const initializer. */
  ownerAt(pos: number): Owner | undefined {
    let lo = 0;
    let hi = this.tops.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.tops[mid];
      if (pos < t.start) hi = mid - 1;
      else if (pos >= t.end) lo = mid + 1;
      else return t.owner;
    }
    return undefined;
  }

  /** The owner of a 1-based line, from the top-level declarations' start lines. */
  ownerAtLineFn(): (line: number) => Owner | undefined {
    const starts = this.tops.map(t => t.node.startPosition.row + 1);
    const ends = this.tops.map((_, i) =>
      i + 1 < this.tops.length ? starts[i + 1] : Infinity,
    );
    return line => {
      let lo = 0;
      let hi = this.tops.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (line < starts[mid]) hi = mid - 1;
        else if (line >= ends[mid]) lo = mid + 1;
        else return this.tops[mid].owner;
      }
      return undefined;
    };
  }

  /** Reads the bodies: globals' values, vocabulary sites, stores, returns, config loaders. */
  read(
    vocabulary: Vocabulary,
    packageRefs: (path: string) => PackageRef[],
  ): GoProgramFacts {
    this.vocabulary = vocabulary;
    this.readGlobals();
    const sites: { name: string; at: number; kind: number }[] = [];
    for (const [name, positions] of this.src.words?.entries() ?? []) {
      const kind = vocabulary.kindOf(name);
      if (kind) for (const at of positions) sites.push({ name, at, kind });
    }
    this.readSites(sites);
    this.readAssignments();
    this.readFlagFields();
    this.readReturns();
    this.readConfigLoads(packageRefs);
    return this.facts;
  }

  private readGlobals() {
    const { types } = this.values;
    for (const top of this.tops) {
      if (top.owner !== -1) continue;
      for (const spec of top.node.descendantsOfType([
        'var_spec',
        'const_spec',
      ])) {
        if (!spec) continue;
        const names = spec.childrenForFieldName('name');
        const valueList = spec.childForFieldName('value');
        const valueItems =
          valueList?.namedChildren.filter(c => c?.type !== 'comment') ?? [];
        const typeNode = spec.childForFieldName('type');
        const type = typeNode ? types.ofNode(typeNode) : undefined;
        names.forEach((nameNode, i) => {
          if (!nameNode) return;
          const name = textOf(this.src, nameNode);
          if (name === '_') return;
          let value: ValueExpr | undefined;
          if (valueItems.length === 1 && names.length > 1)
            value = this.values.value(valueItems[0], i);
          else if (valueItems[i]) value = this.values.value(valueItems[i]);
          this.facts.globals.push({
            name,
            ...(type ? { type } : {}),
            ...(value && value.k !== 'unknown' ? { value } : {}),
            isConst: spec.type === 'const_spec',
            at: this.values.where(nameNode),
          });
        });
      }
    }
  }

  /** Classifies each use of a vocabulary name: a call, a reference, a store, a composite literal. */
  private readSites(sites: { name: string; at: number; kind: number }[]) {
    const source = this.src.source;
    for (const { name, at, kind } of sites) {
      if (
        this.declaredAt.has(at) ||
        !mayMatter(source, at, name, kind, this.vocabulary)
      )
        continue;
      if (inLineComment(source, at)) continue;
      const site = siteAt(this.src, at, name.length);
      if (!site) continue;
      const owner = this.ownerAt(site.startIndex);
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
  private recordCall(call: Node, owner: Owner) {
    const callee = this.values.callee(call);
    if (!callee) return;
    this.facts.calls.push({
      owner,
      callee,
      args: this.values.args(call, 0, this.vocabulary.valueArgs(callee.name)),
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
    if (
      parent.type === 'call_expression' &&
      parent.childForFieldName('function')?.id === site.id
    ) {
      this.recordCall(parent, owner);
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
    this.facts.calls.push({
      owner,
      callee: { k: 'func', pkg: '', name: value.name },
      args: [],
      ref: true,
      at: this.values.where(site),
    });
  }

  private selectorSite(selector: Node, owner: Owner) {
    const outer = selector.parent;
    if (
      outer?.type === 'call_expression' &&
      outer.childForFieldName('function')?.id === selector.id
    ) {
      this.recordCall(outer, owner);
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
      this.facts.calls.push({
        owner,
        callee: { k: 'func', pkg: value.pkg, name: value.name },
        args: [],
        ref: true,
        at: this.values.where(selector),
      });
      return;
    }
    if (value.k === 'field' && !this.storeTarget(selector)) {
      // A method value (`s.serve` handed to errgroup): it may run.
      this.facts.calls.push({
        owner,
        callee: { k: 'method', recv: value.of, name: value.name },
        args: [],
        ref: true,
        at: this.values.where(selector),
      });
    }
  }

  /** `T{F: v}` and `&pkg.T{F: v}`: stores into the fields of a new T. */
  private typeSite(site: Node, owner: Owner) {
    let typeNode = site;
    if (site.parent?.type === 'qualified_type') typeNode = site.parent;
    const literal = typeNode.parent;
    if (
      literal?.type !== 'composite_literal' ||
      literal.childForFieldName('type')?.id !== typeNode.id
    )
      return;
    const of: ValueExpr = {
      k: 'new',
      type: this.values.types.ofNode(typeNode),
    };
    const body = literal.childForFieldName('body');
    for (const element of body?.namedChildren ?? []) {
      if (element?.type !== 'keyed_element') continue;
      const key = element.childForFieldName('key') ?? element.namedChild(0);
      const keyId = key?.type === 'literal_element' ? key.namedChild(0) : key;
      const valueNode =
        element.childForFieldName('value') ?? element.namedChild(1);
      const value =
        valueNode?.type === 'literal_element'
          ? valueNode.namedChild(0)
          : valueNode;
      if (keyId?.type !== 'identifier' || !value) continue;
      const name = textOf(this.src, keyId);
      if (!this.vocabulary.valueField(name)) continue;
      this.facts.stores.push({
        owner,
        target: { k: 'field', of, name },
        value: this.values.value(value),
      });
    }
  }

  /** Whether a node is a left-hand side of `=` (a store). */
  private storeTarget(node: Node): boolean {
    const list = node.parent;
    const stmt = list?.parent;
    return (
      list?.type === 'expression_list' &&
      stmt?.type === 'assignment_statement' &&
      stmt.childForFieldName('left')?.id === list.id &&
      this.operator(stmt) === '='
    );
  }

  private operator(stmt: Node): string {
    const left = stmt.childForFieldName('left')!;
    const right = stmt.childForFieldName('right')!;
    return this.src.source.slice(left.endIndex, right.startIndex).trim();
  }

  /** The value `=` assigns to one of its left-hand sides. */
  private assignedValue(lhs: Node): ValueExpr | undefined {
    const list = lhs.parent!;
    const stmt = list.parent!;
    const left = list.namedChildren.filter(c => c?.type !== 'comment');
    const index = left.findIndex(c => c?.id === lhs.id);
    const right = stmt.childForFieldName('right');
    const items = right?.namedChildren.filter(c => c?.type !== 'comment') ?? [];
    if (items.length === 1 && left.length > 1)
      return this.values.value(items[0], index);
    return items[index] ? this.values.value(items[index]) : undefined;
  }

  /** `x.f = v` and `*p = v` in function bodies: stores into fields and through pointers. */
  private readAssignments() {
    const source = this.src.source;
    for (const m of source.matchAll(ASSIGN)) {
      const at = m.index!;
      const lineStart = source.lastIndexOf('\n', at) + 1;
      const lhs = source.slice(lineStart, at);
      if (!lhs.includes('.') && !/^\s*\*/.test(lhs) && !lhs.includes(', *'))
        continue;
      const owner = this.ownerAt(at);
      if (owner === undefined || owner < 0) continue;
      const token = this.src.root.descendantForIndex(at);
      const stmt = token?.parent;
      if (
        !token ||
        stmt?.type !== 'assignment_statement' ||
        token.startIndex !== at
      )
        continue;
      for (const item of stmt.childForFieldName('left')?.namedChildren ?? []) {
        if (!item || item.type === 'comment') continue;
        const n = unparen(item);
        let target: StoreTarget | undefined;
        if (n.type === 'selector_expression') {
          const field = n.childForFieldName('field');
          if (field && !this.vocabulary.valueField(textOf(this.src, field)))
            continue;
          const v = this.values.value(n, 0, 0, 'type');
          if (v.k === 'field') target = { k: 'field', of: v.of, name: v.name };
        } else if (
          n.type === 'unary_expression' &&
          textOf(this.src, n.childForFieldName('operator')!) === '*'
        ) {
          target = {
            k: 'deref',
            of: this.values.value(n.childForFieldName('operand'), 0, 0, 'type'),
          };
        }
        if (!target) continue;
        const value = this.assignedValue(item);
        if (value) this.facts.stores.push({ owner, target, value });
      }
    }
  }

  /** `flag.StringVar(&cfg.Addr, "addr", "svc:80", ...)` and its pflag/cobra twins: the default is stored into the field. */
  private readFlagFields() {
    for (const name of Object.keys(FLAG_VAR_VALUE_ARG)) {
      for (const site of wordSites(this.src, name)) {
        const call = site.parent?.parent;
        if (
          site.type !== 'field_identifier' ||
          call?.type !== 'call_expression'
        )
          continue;
        const owner = this.ownerAt(call.startIndex);
        if (owner === undefined) continue;
        const first = callArguments(call)[0];
        const operand =
          first?.type === 'unary_expression'
            ? first.childForFieldName('operand')
            : undefined;
        if (!operand || unparen(operand).type !== 'selector_expression')
          continue;
        const target = this.values.value(unparen(operand));
        const value = this.values.storedThrough(first!);
        if (target.k === 'field' && value) {
          this.facts.stores.push({
            owner,
            target: { k: 'field', of: target.of, name: target.name },
            value,
          });
        }
      }
    }
  }

  /**
   * Whether a function reads a file (`os.ReadFile`, `os.Open`, `ioutil.ReadFile`, viper's
   * `ReadInConfig`): decoding there loads configuration, elsewhere it is a request body.
   */
  private readsFile(owner: Owner): boolean {
    const top = owner >= 0 ? this.funcTops.get(owner) : undefined;
    const text = top ? this.src.source.slice(top.start, top.end) : '';
    return READS_FILE.test(text);
  }

  /** The returns of functions whose results carry strings, durations or contexts. */
  private readReturns() {
    this.facts.funcs.forEach((fn, owner) => {
      if (!fn.results.some(r => carriesValues(r, this.vocabulary))) return;
      const top = this.funcTops.get(owner);
      const body = top?.node.childForFieldName('body');
      if (!body) return;
      for (const site of wordSites(
        this.src,
        'return',
        body.startIndex,
        body.endIndex,
      )) {
        const ret = site.parent;
        if (
          ret?.type !== 'return_statement' ||
          this.ownerAt(ret.startIndex) !== owner
        )
          continue;
        if (this.insideLiteral(ret, body)) continue;
        const list = ret.namedChildren.find(c => c && c.type !== 'comment');
        let values: ValueExpr[];
        if (!list) {
          values = this.decls.funcs[owner].results.map(r =>
            r.name ? this.namedResult(body, r.name) : { k: 'unknown' },
          );
        } else {
          const items =
            list.type === 'expression_list'
              ? list.namedChildren.filter(
                  (c): c is Node => !!c && c.type !== 'comment',
                )
              : [list];
          values =
            items.length === 1 && fn.results.length > 1
              ? fn.results.map((_, i) => this.values.value(items[0], i))
              : items.map(i => this.values.value(i));
        }
        this.facts.returns.push({ owner, values });
      }
    });
  }

  /** Whether a return belongs to a function literal inside the body, not to the function. */
  private insideLiteral(ret: Node, body: Node): boolean {
    for (let n = ret.parent; n && n.id !== body.id; n = n.parent) {
      if (n.type === 'func_literal') return true;
    }
    return false;
  }

  /** A named result's value at a naked return. */
  private namedResult(body: Node, name: string): ValueExpr {
    const fn = body.parent!;
    const resultList = fn.childForFieldName('result');
    for (const decl of resultList?.namedChildren ?? []) {
      for (const id of decl?.childrenForFieldName('name') ?? []) {
        if (id && textOf(this.src, id) === name) return this.values.value(id);
      }
    }
    return { k: 'unknown' };
  }

  private readConfigLoads(packageRefs: (path: string) => PackageRef[]) {
    const readsFiles = READS_FILE.test(this.src.source);
    for (const imp of new Set(this.imports.paths())) {
      const loader = CONFIG_LOADERS.find(l => l.path.test(imp));
      if (!loader) continue;
      if (
        !readsFiles &&
        Object.values(loader.funcs).every(f => f.loader === 'file')
      )
        continue;
      for (const ref of packageRefs(imp)) {
        const spec = ref.call && loader.funcs[ref.name];
        if (!spec) continue;
        this.configLoad(ref.call!, spec);
      }
    }
    // viper.New()'s and koanf's methods: `v.Unmarshal(&cfg)`, `k.Unmarshal("", &cfg)`.
    if (
      this.imports.localNames('github.com/spf13/viper').length ||
      this.imports.paths().some(p => p.startsWith('github.com/knadh/koanf'))
    ) {
      for (const site of wordSites(this.src, 'Unmarshal')) {
        const selector = site.parent;
        const call = selector?.parent;
        if (
          site.type !== 'field_identifier' ||
          call?.type !== 'call_expression'
        )
          continue;
        const args = callArguments(call);
        this.configLoad(call, { loader: 'file', targetArg: args.length - 1 });
      }
    }
  }

  private configLoad(
    call: Node,
    spec: {
      loader: ConfigLoadFacts['loader'];
      prefixArg?: number;
      targetArg: number;
    },
  ) {
    const owner = this.ownerAt(call.startIndex);
    if (owner === undefined) return;
    if (spec.loader === 'file' && !this.readsFile(owner)) return;
    const args = callArguments(call);
    const target = args[spec.targetArg];
    if (!target) return;
    const prefix =
      spec.prefixArg !== undefined
        ? this.values.value(args[spec.prefixArg])
        : undefined;
    this.facts.configLoads.push({
      owner,
      loader: spec.loader,
      ...(prefix?.k === 'lit' ? { prefix: prefix.value } : {}),
      target: this.values.value(target),
      at: this.values.where(call),
    });
  }
}
