import { libraryRunnables, managerRunnables } from './runnables';
import { Node } from 'web-tree-sitter';
import { GoProgramFacts, Owner, TypeRef, ValueExpr } from '../programFacts';
import { ConfigLoadReader } from './configLoads';
import { readDeclaration } from './declarations';
import { DeclarationsSyntax } from './declarationSyntax';
import { ImportResolver, PKG } from './imports';
import { PackageRef } from './packageRefs';
import { StoreReader } from './storeFacts';
import {
  enclosingFunction,
  GoSource,
  returnedExpressions,
  textOf,
} from './syntax';
import { TopDecls } from './topDecls';
import { ValueReader } from './values';
import { OutsideQualifiers, VocabularySiteReader } from './vocabularySites';
import { Vocabulary } from './vocabulary';
import { wordSites } from './wordSites';

/**
 * Result types worth following a function's returns for: strings (the tree dials gRPC: a target
 * may be returned), durations and contexts (the tree drains servers: a bound may be), and
 * slices, arrays and maps of them (their elements may be).
 */
function carriesValues(t: TypeRef, vocabulary: Vocabulary): boolean {
  if (t.k === 'slice' || t.k === 'array' || t.k === 'map')
    return carriesValues(t.elem, vocabulary);
  if (t.k !== 'named') return false;
  if (t.pkg === PKG.time) return vocabulary.drains && t.name === 'Duration';
  if (t.pkg === PKG.context) return vocabulary.drains && t.name === 'Context';
  if (t.pkg !== '') return false;
  if (['error', 'bool', 'byte', 'rune', 'any'].includes(t.name)) return false;
  return vocabulary.dials || vocabulary.drains;
}

/**
 * The program facts of one parsed file: its declarations (read from tokens), and, in function
 * bodies, what the module index and value flow need: calls of and references to the names of the
 * tree's vocabulary with their arguments, stores into fields, package variables and pointers,
 * returns of value-carrying results, and config loaders.
 */
export class ProgramFactsReader {
  readonly facts: GoProgramFacts;
  private readonly tops = new TopDecls();
  /** Offsets of the names this file's declarations declare (not uses). */
  private readonly declaredAt = new Set<number>();
  /** Where the file's import declarations end (0 when it has none). */
  private importsEnd = 0;
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
      if (node.type === 'import_declaration')
        this.importsEnd = Math.max(this.importsEnd, node.endIndex);
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
          this.tops.add({ start, end, owner: before, node });
        }
      } else if (word === 'var' || word === 'const') {
        this.tops.add({ start, end, owner: -1, node });
      } else {
        this.tops.add({ start, end, node });
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
        ...(f.params[f.params.length - 1]?.variadic
          ? { variadic: true as const }
          : {}),
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
      paramCalls: [],
      stores: [],
      returns: [],
      configLoads: [],
      configDefaults: [],
      configEnvs: [],
    };
  }

  /** The owner of a 1-based line, from the top-level declarations' start lines. */
  ownerAtLineFn(): (line: number) => Owner | undefined {
    return this.tops.ownerAtLineFn();
  }

  /** Reads the bodies: globals' values, vocabulary sites, stores, returns, config loaders. */
  read(
    vocabulary: Vocabulary,
    packageRefs: (path: string) => PackageRef[],
  ): GoProgramFacts {
    const { src, values, facts, tops } = this;
    const stores = new StoreReader(src, values, vocabulary, facts, tops);
    this.readGlobals();
    const sites: { name: string; at: number; kind: number }[] = [];
    for (const [name, positions] of this.src.words?.entries() ?? []) {
      const kind = vocabulary.kindOf(name);
      if (kind) for (const at of positions) sites.push({ name, at, kind });
    }
    new VocabularySiteReader(
      src,
      values,
      vocabulary,
      facts,
      tops,
      this.declaredAt,
      stores,
      OutsideQualifiers.read(
        src.source,
        src.words,
        this.imports,
        this.importsEnd,
        vocabulary,
        tops,
      ),
    ).readSites(sites);
    stores.readAssignments();
    stores.readFlagFields();
    this.readReturns(vocabulary);
    this.readParamCalls();
    const configs = new ConfigLoadReader(
      src,
      this.imports,
      values,
      facts,
      tops,
    );
    configs.readConfigLoads(packageRefs);
    configs.readConfigDefaults(packageRefs);
    configs.readCliFlags(packageRefs);
    managerRunnables(src, this.imports, values, tops, facts, vocabulary);
    libraryRunnables(this.imports, values, tops, facts, packageRefs);
    return this.facts;
  }

  private readGlobals() {
    const { types } = this.values;
    for (const top of this.tops.tops) {
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

  /** The returns of functions whose results carry strings, durations or contexts. */
  private readReturns(vocabulary: Vocabulary) {
    this.facts.funcs.forEach((fn, owner) => {
      if (!fn.results.some(r => carriesValues(r, vocabulary))) return;
      const top = this.tops.funcTops.get(owner);
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
          this.tops.ownerAt(ret.startIndex) !== owner
        )
          continue;
        // A return of a function literal inside is the literal's.
        if (enclosingFunction(ret)?.id !== top!.node.id) continue;
        const items = returnedExpressions(ret);
        let values: ValueExpr[];
        if (items.length === 0) {
          values = this.decls.funcs[owner].results.map(r =>
            r.name ? this.namedResult(body, r.name) : { k: 'unknown' },
          );
        } else {
          values =
            items.length === 1 && fn.results.length > 1
              ? fn.results.map((_, i) => this.values.value(items[0], i))
              : items.map(i => this.values.value(i));
        }
        this.facts.returns.push({ owner, values });
      }
    });
  }

  /**
   * The calls of functions the parameters hold (`hook(ctx)`, `hooks[i](ctx)`, and `h(ctx)` for
   * `for _, h := range hooks`): a function literal or method value a caller hands such a
   * parameter is called with those arguments (`ParamCallFacts`).
   */
  private readParamCalls() {
    const { src, values } = this;
    const calledAt = (site: Node): Node | undefined => {
      const call = site.parent;
      return call?.type === 'call_expression' &&
        call.childForFieldName('function')?.id === site.id
        ? call
        : undefined;
    };
    this.decls.funcs.forEach((fn, owner) => {
      const body = this.tops.funcTops
        .get(owner)
        ?.node.childForFieldName('body');
      if (!body) return;
      fn.params.forEach((p, index) => {
        if (!p.name || p.name === '_') return;
        const record = (call: Node) =>
          this.facts.paramCalls.push({
            owner,
            param: index,
            ...(p.variadic ? { variadic: true } : {}),
            args: values.args(call),
          });
        for (const site of wordSites(
          src,
          p.name,
          body.startIndex,
          body.endIndex,
        )) {
          if (site.type !== 'identifier') continue;
          const v = values.value(site, 0, 0, 'type');
          if (v.k !== 'param' || v.index !== index) continue;
          const parent = site.parent;
          const direct = calledAt(site);
          if (direct) record(direct);
          else if (
            parent?.type === 'index_expression' &&
            parent.childForFieldName('operand')?.id === site.id
          ) {
            const call = calledAt(parent);
            if (call) record(call);
          } else if (
            parent?.type === 'range_clause' &&
            parent.childForFieldName('right')?.id === site.id
          ) {
            // for _, h := range hooks { h(ctx) }
            const names = (
              parent.childForFieldName('left')?.namedChildren ?? []
            ).filter((c): c is Node => !!c && c.type !== 'comment');
            const elem = names.length === 2 ? names[1] : undefined;
            const loop = parent.parent;
            if (elem?.type !== 'identifier' || !loop) continue;
            const local = values.value(elem, 0, 0, 'type');
            for (const use of wordSites(
              src,
              textOf(src, elem),
              loop.startIndex,
              loop.endIndex,
            )) {
              const call = use.type === 'identifier' && calledAt(use);
              const v2 = call && values.value(use, 0, 0, 'type');
              if (
                call &&
                v2 &&
                v2.k === 'local' &&
                local.k === 'local' &&
                v2.id === local.id
              )
                record(call);
            }
          }
        }
      });
    });
  }

  /** Whether a return belongs to a function literal inside the body, not to the function. */
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
}
