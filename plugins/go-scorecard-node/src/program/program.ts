import { declarationsBuiltWith } from './builtIntoBinaries';
import {
  CallFacts,
  Callee,
  FieldFacts,
  FuncFacts,
  GlobalFacts,
  GoFileFacts,
  MethodShape,
  Owner,
  ServiceFacts,
  TypeFacts,
  TypeRef,
  ValueExpr,
} from '../facts';
import { PREDECLARED_TYPES } from '../go/declarationSyntax';
import { FRAMEWORKS } from '../go/serverMethods';
import { generatedFileFacts } from './generatedFiles';
import { ModuleIndex, PackageInfo } from './moduleIndex';

/** A function's identity in the program: its file and its index among the file's functions. */
export type FuncId = string;

/** A top-level function or method of the tree. */
export interface FuncInfo {
  id: FuncId;
  file: GoFileFacts;
  index: number;
  facts: FuncFacts;
  pkg: PackageInfo;
}

/** Where an expression is read: a file and the function (or package initializer) holding it. */
export interface Site {
  file: GoFileFacts;
  owner: Owner;
}

/**
 * A type the program resolved. Named types have a key: `pkgId.Name` for a type of the tree,
 * `importPath.Name` for one outside it, `.name` for predeclared ones. Pointers are looked through.
 */
export type ResolvedType =
  | {
      k: 'named';
      key: string;
      name: string;
      decl?: { facts: TypeFacts; file: GoFileFacts; pkg: PackageInfo };
    }
  | { k: 'struct'; fields: FieldFacts[]; file: GoFileFacts; key: string }
  | {
      k: 'interface';
      methods: string[];
      /** The shapes of the methods whose signature the tree declares (not those of a standard interface known by name). */
      shapes: ReadonlyMap<string, MethodShape>;
    }
  | { k: 'unknown' };

const UNKNOWN: ResolvedType = { k: 'unknown' };

/** How deep type and callee resolution follows values. */
const MAX_TYPE_DEPTH = 10;
/** Most struct embeddings followed for promoted fields and methods. */
const MAX_EMBED_DEPTH = 3;

/** The methods of standard library interfaces a tree's interfaces commonly embed. */
const STD_INTERFACE_METHODS: Record<string, readonly string[]> = {
  'io.Reader': ['Read'],
  'io.Writer': ['Write'],
  'io.Closer': ['Close'],
  'io.ReadCloser': ['Read', 'Close'],
  'io.WriteCloser': ['Write', 'Close'],
  'io.ReadWriter': ['Read', 'Write'],
  'io.ReadWriteCloser': ['Read', 'Write', 'Close'],
  'fmt.Stringer': ['String'],
  '.error': ['Error'],
  'context.Context': ['Deadline', 'Done', 'Err', 'Value'],
  'sort.Interface': ['Len', 'Less', 'Swap'],
};

/** An interface's method set: every method's name, and the shapes the tree declares. */
type InterfaceMethods = Omit<Extract<ResolvedType, { k: 'interface' }>, 'k'>;

/** The shape of a function's signature. */
function shapeOf(f: FuncFacts): MethodShape {
  return {
    params: f.params.length,
    results: f.results.length,
    ...(f.variadic ? { variadic: true as const } : {}),
  };
}

/** A shape as a short key (`(2...)1`); empty for none. */
function shapeText(s: MethodShape | undefined): string {
  return s ? `(${s.params}${s.variadic ? '...' : ''})${s.results}` : '';
}

/** Results of well-known constructors outside the tree, for typing their values. */
const EXTERNAL_RESULTS: Record<string, string> = {
  'google.golang.org/grpc.NewServer': 'google.golang.org/grpc.Server',
  ...Object.fromEntries(
    Object.entries(FRAMEWORKS).flatMap(([path, f]) =>
      f.constructors.map(c => [`${path}.${c}`, `${path}.${f.types[0]}`]),
    ),
  ),
  'github.com/spf13/viper.New': 'github.com/spf13/viper.Viper',
  'github.com/spf13/viper.GetViper': 'github.com/spf13/viper.Viper',
  'github.com/knadh/koanf.New': 'github.com/knadh/koanf.Koanf',
  'github.com/knadh/koanf/v2.New': 'github.com/knadh/koanf/v2.Koanf',
  'github.com/go-kratos/kratos/v2/config.New':
    'github.com/go-kratos/kratos/v2/config.Config',
  'github.com/go-kratos/kratos/v3/config.New':
    'github.com/go-kratos/kratos/v3/config.Config',
};

/**
 * The program of a tree: its packages (from the module index), functions, methods, types and
 * package-level variables, with the types of values and the callees of calls resolved across
 * files and packages. Built from facts alone; every answer is computed on demand and memoized.
 */
export class Program {
  readonly index: ModuleIndex;
  readonly funcs = new Map<FuncId, FuncInfo>();
  private readonly funcsByName = new Map<string, FuncId[]>();
  private readonly methods = new Map<string, Map<string, FuncId[]>>();
  private readonly implementationsMemo = new Map<string, FuncInfo[]>();
  private readonly methodSetMemo = new Map<string, Map<string, FuncId[]>>();
  private readonly ownInterfaceMethodsMemo = new WeakMap<
    object,
    InterfaceMethods
  >();
  private readonly interfaceMethodsMemo = new WeakMap<
    object,
    Map<string, InterfaceMethods>
  >();
  private readonly fieldIndexMemo = new Map<
    FieldFacts[],
    Map<string, FieldFacts>
  >();
  private readonly typeDecls = new Map<
    string,
    { facts: TypeFacts; file: GoFileFacts; pkg: PackageInfo }
  >();
  private readonly globals = new Map<
    string,
    { facts: GlobalFacts; file: GoFileFacts }[]
  >();
  private readonly calleeMemo = new WeakMap<object, FuncInfo[]>();
  private readonly localTypeMemo = new Map<string, ResolvedType>();
  private callersIndex:
    | Map<FuncId, { call: CallFacts; file: GoFileFacts }[]>
    | undefined;

  private constructor(readonly facts: ServiceFacts) {
    // Generated files declare types (a config struct protoc-gen-go writes), nothing else.
    const files = [
      ...facts.goFiles,
      ...(facts.generatedGoFiles ?? []).map(generatedFileFacts),
    ];
    this.index = new ModuleIndex(facts.modules, files);
    for (const file of files) {
      const pkg = this.index.packageOf(file);
      const program = file.program;
      program.funcs.forEach((f, index) => {
        const id = `${file.path}#${index}`;
        const info: FuncInfo = { id, file, index, facts: f, pkg };
        this.funcs.set(id, info);
        if (f.recv) {
          const recv = this.resolveType(f.recv, { file, owner: -1 });
          if (recv.k === 'named') {
            const byName =
              this.methods.get(recv.key) ?? new Map<string, FuncId[]>();
            byName.set(f.name, [...(byName.get(f.name) ?? []), id]);
            this.methods.set(recv.key, byName);
          }
        } else if (f.name !== 'init' && f.name !== '_') {
          const key = `${pkg.id}.${f.name}`;
          this.funcsByName.set(key, [...(this.funcsByName.get(key) ?? []), id]);
        }
      });
      for (const t of program.types)
        this.typeDecls.set(`${pkg.id}.${t.name}`, { facts: t, file, pkg });
      for (const g of program.globals) {
        const key = `${pkg.id}.${g.name}`;
        this.globals.set(key, [
          ...(this.globals.get(key) ?? []),
          { facts: g, file },
        ]);
      }
    }
  }

  /** Links the facts of a service. */
  static link(facts: ServiceFacts): Program {
    return new Program(facts);
  }

  /** The package a package path names from a file (`''`: the file's own). */
  packageFor(file: GoFileFacts, pkg: string): PackageInfo | undefined {
    return pkg === ''
      ? this.index.packageOf(file)
      : this.index.resolveImport(pkg, file.dir);
  }

  /** The function that owns facts at a site, if it is a function (not a package initializer). */
  funcAt(site: Site): FuncInfo | undefined {
    return site.owner >= 0
      ? this.funcs.get(`${site.file.path}#${site.owner}`)
      : undefined;
  }

  /** The package-level var or const declarations a name denotes. */
  globalDecls(
    site: Site,
    pkg: string,
    name: string,
  ): { facts: GlobalFacts; file: GoFileFacts }[] {
    const p = this.packageFor(site.file, pkg);
    return declarationsBuiltWith(
      site.file,
      p ? this.globals.get(`${p.id}.${name}`) ?? [] : [],
      d => d.file,
    );
  }

  /** The key of a package-level name, as stores and reads of it agree on. */
  globalKey(site: Site, pkg: string, name: string): string | undefined {
    const p = this.packageFor(site.file, pkg);
    return p ? `${p.id}.${name}` : undefined;
  }

  /** Resolves a type as declared in a file. */
  resolveType(t: TypeRef, site: Site, depth = 0): ResolvedType {
    switch (t.k) {
      case 'pointer':
        return this.resolveType(t.elem, site, depth);
      case 'named': {
        if (t.pkg === '' && PREDECLARED_TYPES.has(t.name))
          return { k: 'named', key: `.${t.name}`, name: t.name };
        const pkg = this.packageFor(site.file, t.pkg);
        if (!pkg)
          return { k: 'named', key: `${t.pkg}.${t.name}`, name: t.name };
        const key = `${pkg.id}.${t.name}`;
        return { k: 'named', key, name: t.name, decl: this.typeDecls.get(key) };
      }
      case 'struct':
        return {
          k: 'struct',
          fields: t.fields,
          file: site.file,
          key: `${site.file.path}@${t.fields[0]?.at.line ?? 0}`,
        };
      case 'interface':
        return { k: 'interface', ...this.interfaceMethods(t, site, depth) };
      default:
        return UNKNOWN;
    }
  }

  /**
   * An interface's method set: its own methods and those of the interfaces it embeds (Go spec,
   * Interface types), the tree's followed through their declarations and the standard library's
   * common ones known by name ({@link STD_INTERFACE_METHODS}, names only); another package's
   * interface adds none it cannot see. The tree's methods keep their shapes.
   */
  private interfaceMethods(
    t: Extract<TypeRef, { k: 'interface' }>,
    site: Site,
    depth: number,
  ): InterfaceMethods {
    let own = this.ownInterfaceMethodsMemo.get(t);
    if (!own) {
      const shapes = new Map<string, MethodShape>();
      t.methods.forEach((m, i) => {
        const shape = t.shapes[i];
        if (shape) shapes.set(m, shape);
      });
      own = { methods: t.methods, shapes };
      this.ownInterfaceMethodsMemo.set(t, own);
    }
    if (!t.embeds.length || depth > MAX_EMBED_DEPTH) return own;
    // The same declaration resolves the same way from its file: once.
    let byFile = this.interfaceMethodsMemo.get(t);
    const memo = byFile?.get(site.file.path);
    if (memo) return memo;
    const methods = new Set(t.methods);
    const shapes = new Map(own.shapes);
    for (const e of t.embeds) {
      if (e.k !== 'named') continue;
      const known = STD_INTERFACE_METHODS[`${e.pkg}.${e.name}`];
      if (known) {
        known.forEach(m => methods.add(m));
        continue;
      }
      const inner = this.underlying(
        this.resolveType(e, site, depth + 1),
        depth + 1,
      );
      if (inner.k !== 'interface') continue;
      inner.methods.forEach(m => methods.add(m));
      inner.shapes.forEach((shape, m) => {
        if (!shapes.has(m)) shapes.set(m, shape);
      });
    }
    const out = { methods: [...methods], shapes };
    if (!byFile) {
      byFile = new Map();
      this.interfaceMethodsMemo.set(t, byFile);
    }
    byFile.set(site.file.path, out);
    return out;
  }

  /** The structure of a resolved type: a struct's fields or an interface's methods, through named types. */
  underlying(t: ResolvedType, depth = 0): ResolvedType {
    if (t.k !== 'named' || !t.decl || depth > MAX_EMBED_DEPTH) return t;
    const inner = this.resolveType(
      t.decl.facts.type,
      { file: t.decl.file, owner: -1 },
      depth + 1,
    );
    return inner.k === 'named' ? this.underlying(inner, depth + 1) : inner;
  }

  /** A field of a struct type (promoted through embedded fields), with the file declaring it. */
  fieldOf(
    t: ResolvedType,
    name: string,
    depth = 0,
  ): { field: FieldFacts; file: GoFileFacts; owner: ResolvedType } | undefined {
    const u = this.underlying(t);
    if (u.k !== 'struct' || depth > MAX_EMBED_DEPTH) return undefined;
    const own = this.fieldsByName(u.fields).get(name);
    if (own) return { field: own, file: u.file, owner: t };
    for (const f of u.fields) {
      if (!f.embedded) continue;
      const inner = this.fieldOf(
        this.resolveType(f.type, { file: u.file, owner: -1 }),
        name,
        depth + 1,
      );
      if (inner) return inner;
    }
    return undefined;
  }

  /** A stable key for a field of a type: stores and reads of the same field agree on it. */
  fieldKey(t: ResolvedType, name: string): string | undefined {
    const found = this.fieldOf(t, name);
    if (found) {
      const owner = found.owner;
      const base =
        owner.k === 'named' || owner.k === 'struct' ? owner.key : undefined;
      return base && `${base}.${name}`;
    }
    return t.k === 'named' ? `${t.key}.${name}` : undefined;
  }

  /**
   * The methods named `name` a value of type `t` may call (interfaces: every type of the tree
   * that has the interface's methods, with the same numbers of parameters and results).
   */
  methodsOf(t: ResolvedType, name: string, depth = 0): FuncInfo[] {
    if (depth > MAX_EMBED_DEPTH) return [];
    if (t.k === 'named') {
      const own = this.methods.get(t.key)?.get(name);
      if (own?.length) return own.map(id => this.funcs.get(id)!);
      const u = this.underlying(t);
      if (u.k === 'interface') return this.implementations(u, name);
      if (u.k === 'struct') {
        for (const f of u.fields) {
          if (!f.embedded) continue;
          const found = this.methodsOf(
            this.resolveType(f.type, { file: u.file, owner: -1 }),
            name,
            depth + 1,
          );
          if (found.length) return found;
        }
      }
      return [];
    }
    if (t.k === 'interface') return this.implementations(t, name);
    return [];
  }

  /** A struct's fields by name (the first of a name, as a search in order finds), built once per struct. */
  private fieldsByName(fields: FieldFacts[]): Map<string, FieldFacts> {
    let index = this.fieldIndexMemo.get(fields);
    if (!index) {
      index = new Map();
      for (const f of fields) if (!index.has(f.name)) index.set(f.name, f);
      this.fieldIndexMemo.set(fields, index);
    }
    return index;
  }

  /**
   * Class hierarchy analysis: the methods `name` of the tree's types whose method sets cover
   * the interface's methods, promoted methods included (`type rpcServer struct{ *base }` has
   * `base`'s methods). A method whose shape the interface declares must have it (Go spec, "Method
   * sets": the same signature; `Serve(l net.Listener) error` is no `Serve() error`); the numbers
   * of parameters and results and the variadic flag are compared, not the types.
   */
  private implementations(iface: InterfaceMethods, name: string): FuncInfo[] {
    const { methods: required, shapes } = iface;
    if (!required.includes(name)) return [];
    // Asked once per interface and method: every type of the tree is looked at.
    const key = `${name}\0${required
      .map(m => `${m}${shapeText(shapes.get(m))}`)
      .join(',')}`;
    const known = this.implementationsMemo.get(key);
    if (known) return known;
    const out: FuncInfo[] = [];
    const types = new Set([...this.methods.keys(), ...this.typeDecls.keys()]);
    const fits = (ids: FuncId[] | undefined, shape: MethodShape | undefined) =>
      !!ids?.length &&
      (!shape ||
        ids.some(
          id =>
            shapeText(shapeOf(this.funcs.get(id)!.facts)) === shapeText(shape),
        ));
    for (const type of types) {
      const byName = this.methodSet(type);
      if (!required.every(m => fits(byName.get(m), shapes.get(m)))) continue;
      for (const id of byName.get(name) ?? []) out.push(this.funcs.get(id)!);
    }
    this.implementationsMemo.set(key, [...new Set(out)]);
    return this.implementationsMemo.get(key)!;
  }

  /**
   * The method set of a named type of the tree, by name: its own methods and, for a struct, the
   * methods its embedded fields of tree types promote (its own shadow them; Go spec "Struct
   * types": promoted methods). A type with nothing promoted shares its own map.
   */
  private methodSet(key: string, depth = 0): Map<string, FuncId[]> {
    const known = this.methodSetMemo.get(key);
    if (known) return known;
    const own = this.methods.get(key) ?? new Map<string, FuncId[]>();
    let out = own;
    const decl = this.typeDecls.get(key);
    if (decl && depth <= MAX_EMBED_DEPTH) {
      this.methodSetMemo.set(key, own); // cycle guard
      const u = this.underlying({
        k: 'named',
        key,
        name: decl.facts.name,
        decl,
      });
      if (u.k === 'struct') {
        for (const f of u.fields) {
          if (!f.embedded) continue;
          const inner = this.resolveType(f.type, { file: u.file, owner: -1 });
          if (inner.k !== 'named') continue;
          for (const [name, ids] of this.methodSet(inner.key, depth + 1)) {
            if (out.has(name)) continue;
            if (out === own) out = new Map(own);
            out.set(name, ids);
          }
        }
      }
    }
    this.methodSetMemo.set(key, out);
    return out;
  }

  /** The type of a value read at a site. */
  typeOf(expr: ValueExpr, site: Site, depth = 0): ResolvedType {
    if (depth > MAX_TYPE_DEPTH) return UNKNOWN;
    switch (expr.k) {
      case 'param': {
        const fn = this.funcAt(site);
        const p = fn?.facts.params[expr.index];
        return p ? this.resolveType(p.type, site) : UNKNOWN;
      }
      case 'recv': {
        const fn = this.funcAt(site);
        return fn?.facts.recv ? this.resolveType(fn.facts.recv, site) : UNKNOWN;
      }
      case 'local': {
        const key = `${site.file.path}:${expr.id}`;
        const known = this.localTypeMemo.get(key);
        if (known) return known;
        this.localTypeMemo.set(key, UNKNOWN); // cycle guard
        const local = site.file.program.locals[expr.id];
        let t: ResolvedType = UNKNOWN;
        if (local?.type) t = this.resolveType(local.type, site);
        for (const def of local?.defs ?? []) {
          if (t.k !== 'unknown') break;
          t = this.typeOf(def, site, depth + 1);
        }
        this.localTypeMemo.set(key, t);
        return t;
      }
      case 'global': {
        for (const g of this.globalDecls(site, expr.pkg, expr.name)) {
          const gs: Site = { file: g.file, owner: -1 };
          if (g.facts.type) return this.resolveType(g.facts.type, gs);
          if (g.facts.value) {
            const t = this.typeOf(g.facts.value, gs, depth + 1);
            if (t.k !== 'unknown') return t;
          }
        }
        return UNKNOWN;
      }
      case 'field': {
        const base = this.typeOf(expr.of, site, depth + 1);
        const found = this.fieldOf(base, expr.name);
        return found
          ? this.resolveType(found.field.type, { file: found.file, owner: -1 })
          : UNKNOWN;
      }
      case 'call': {
        for (const fn of this.callees(expr.callee, site)) {
          const r = fn.facts.results[expr.result];
          if (r) return this.resolveType(r, { file: fn.file, owner: fn.index });
        }
        if (expr.callee.k === 'func' && expr.callee.pkg !== '') {
          const known =
            EXTERNAL_RESULTS[`${expr.callee.pkg}.${expr.callee.name}`];
          if (known && expr.result === 0) {
            const dot = known.lastIndexOf('.');
            return { k: 'named', key: known, name: known.slice(dot + 1) };
          }
        }
        return UNKNOWN;
      }
      case 'new':
        return this.resolveType(expr.type, site);
      case 'typed':
        return this.resolveType(expr.type, site);
      case 'addr':
        return this.typeOf(expr.of, site, depth + 1);
      case 'elem': {
        const declared = this.declaredType(expr.of, site, depth + 1);
        let t = declared?.type;
        if (t?.k === 'pointer') t = t.elem; // a pointer to an array
        return t &&
          (t.k === 'slice' ||
            t.k === 'array' ||
            t.k === 'map' ||
            t.k === 'chan')
          ? this.resolveType(t.elem, declared!.site)
          : UNKNOWN;
      }
      case 'any':
        for (const e of expr.of) {
          const t = this.typeOf(e, site, depth + 1);
          if (t.k !== 'unknown') return t;
        }
        return UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  /**
   * The type a value is declared with, as written (a slice stays a slice), with the site it is
   * written at: a parameter's, a local's, a package variable's, a field's, a call's result.
   */
  private declaredType(
    expr: ValueExpr,
    site: Site,
    depth: number,
  ): { type: TypeRef; site: Site } | undefined {
    if (depth > MAX_TYPE_DEPTH) return undefined;
    switch (expr.k) {
      case 'param': {
        const p = this.funcAt(site)?.facts.params[expr.index];
        return p && { type: p.type, site };
      }
      case 'local': {
        const local = site.file.program.locals[expr.id];
        if (local?.type) return { type: local.type, site };
        for (const def of local?.defs ?? []) {
          const d = this.declaredType(def, site, depth + 1);
          if (d) return d;
        }
        return undefined;
      }
      case 'global': {
        for (const g of this.globalDecls(site, expr.pkg, expr.name)) {
          const gs: Site = { file: g.file, owner: -1 };
          if (g.facts.type) return { type: g.facts.type, site: gs };
          // `var backends = []backend{…}`: the type its value writes.
          const d =
            g.facts.value && this.declaredType(g.facts.value, gs, depth + 1);
          if (d) return d;
        }
        return undefined;
      }
      case 'field': {
        const found = this.fieldOf(
          this.typeOf(expr.of, site, depth + 1),
          expr.name,
        );
        return (
          found && {
            type: found.field.type,
            site: { file: found.file, owner: -1 },
          }
        );
      }
      case 'call': {
        for (const fn of this.callees(expr.callee, site)) {
          const r = fn.facts.results[expr.result];
          if (r) return { type: r, site: { file: fn.file, owner: fn.index } };
        }
        return undefined;
      }
      case 'new':
      case 'typed':
        return { type: expr.type, site };
      default:
        return undefined;
    }
  }

  /** The functions of the tree a callee may be (none when it lies outside the tree or cannot be resolved). */
  callees(callee: Callee, site: Site): FuncInfo[] {
    const memo = this.calleeMemo.get(callee);
    if (memo) return memo;
    let out: FuncInfo[] = [];
    if (callee.k === 'func') {
      const pkg = this.packageFor(site.file, callee.pkg);
      const ids = pkg
        ? this.funcsByName.get(`${pkg.id}.${callee.name}`) ?? []
        : [];
      out = ids.map(id => this.funcs.get(id)!);
    } else {
      out = this.methodsOf(this.typeOf(callee.recv, site), callee.name);
    }
    out = declarationsBuiltWith(site.file, out, fn => fn.file);
    this.calleeMemo.set(callee, out);
    return out;
  }

  /** Every call (and reference) of a function, with the file it is in. */
  callers(fn: FuncInfo): { call: CallFacts; file: GoFileFacts }[] {
    if (!this.callersIndex) {
      const index = new Map<FuncId, { call: CallFacts; file: GoFileFacts }[]>();
      for (const file of this.facts.goFiles) {
        for (const call of file.program.calls) {
          for (const target of this.callees(call.callee, {
            file,
            owner: call.owner,
          })) {
            const list = index.get(target.id) ?? [];
            list.push({ call, file });
            index.set(target.id, list);
          }
        }
      }
      this.callersIndex = index;
    }
    return this.callersIndex.get(fn.id) ?? [];
  }
}
