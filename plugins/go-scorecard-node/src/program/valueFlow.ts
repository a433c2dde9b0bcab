import {
  ConfigDefaultFacts,
  ConfigEnvFacts,
  GoFileFacts,
  ValueExpr,
  Where,
} from '../facts';
import { envNameOf } from '../go/configLoads';
import { KRATOS_CONFIG, VIPER_GETTERS } from '../go/knownCalls';
import { FieldLoad, FieldTags, tagOrigins } from './fieldTags';
import {
  binaryOrigins,
  durationSeconds,
  formatOrigins,
  isExternal,
  Origin,
  originValueText,
  UNKNOWN_TEXT,
  unique,
} from './origins';
import { builtIntoBinaries } from './builtIntoBinaries';
import { FuncInfo, Program, Site } from './program';
import { Context, StoreIndex } from './storeIndex';

export type { Context } from './storeIndex';

/** Most calls followed into (returns, setters) or out of (parameters) from one value. */
const MAX_CALLS = 6;
/** Most paths of fields a value is told to be read through (more: read as from any). */
const MAX_PATHS = 8;
/** Most parameters followed back to their callers' fields to tell the fields a value is read through. */
const MAX_PATH_HOPS = 3;
const KOANF_GETTERS = new Set([
  'Get',
  'String',
  'MustString',
  'Duration',
  'MustDuration',
  'Int',
  'Strings',
]);

/** urfave/cli's flag getters (`c.String("addr")`), by receiver type: v1 and v2 `*cli.Context`, v3 `*cli.Command`. */
const CLI_FLAG_GETTERS_NAMES: ReadonlySet<string> = new Set([
  'String',
  'StringSlice',
  'Value',
  'Generic',
  'Path',
  'Duration',
  'Int',
  'Int64',
  'GlobalString',
  'GlobalDuration',
]);
const CLI_FLAG_GETTERS: Record<string, ReadonlySet<string>> = {
  'github.com/urfave/cli.Context': CLI_FLAG_GETTERS_NAMES,
  'github.com/urfave/cli/v2.Context': CLI_FLAG_GETTERS_NAMES,
  'github.com/urfave/cli/v3.Command': CLI_FLAG_GETTERS_NAMES,
};

/** Methods that read a configuration key, by receiver type. */
const CONFIG_GETTERS: Record<string, ReadonlySet<string>> = {
  'github.com/spf13/viper.Viper': VIPER_GETTERS,
  'github.com/knadh/koanf.Koanf': KOANF_GETTERS,
  'github.com/knadh/koanf/v2.Koanf': KOANF_GETTERS,
};

/**
 * Whether what a file writes can reach code evaluated at `ctx`: anything can reach a test (or
 * a file the build leaves out), and such a file's writes reach only such code (a binary never
 * holds `_test.go` files, nor `//go:build gofuzz` or another OS's files).
 */
function reaches(file: GoFileFacts, ctx: Context): boolean {
  return !builtIntoBinaries(ctx.file) || builtIntoBinaries(file);
}

/** A memo key for what code at `ctx` reads of `key`: tests see more writes than binaries. */
function readerKey(key: string, ctx: Context): string {
  return builtIntoBinaries(ctx.file) ? key : `${key} (tests)`;
}

/**
 * A call's arguments as its callee's parameters take them: a variadic parameter takes every
 * argument from its position on (`dialAll("a:1", "b:2")`, or the slice of `dialAll(peers...)`),
 * read as the elements of a slice.
 */
function argumentsOf(fn: FuncInfo, args: ValueExpr[]): ValueExpr[] {
  const last = fn.facts.params.length - 1;
  if (!fn.facts.variadic || args.length <= last + 1) return args;
  return [...args.slice(0, last), { k: 'any', of: args.slice(last) }];
}

/**
 * Whether a loader fills a field read through the enclosing fields `through`: a struct type
 * loaded at several places (`Templates Endpoint` and `Metrics Endpoint`) gives `c.Templates.Addr`
 * only what it loads under `Templates`.
 */
function loadedThrough(
  load: FieldLoad,
  through: string[][] | undefined,
): boolean {
  if (!through) return true;
  const parents = load.fieldPath.slice(0, -1);
  // The fields read through end the load's path (`Upstream`, `NetAddrs` for an element of
  // `cfg.Upstream.NetAddrs`); a load from the read struct itself has none to match.
  return (
    parents.length === 0 ||
    through.some(
      p =>
        p.length <= parents.length &&
        p.every((name, i) => parents[parents.length - p.length + i] === name),
    )
  );
}

/** Looks like an environment variable name (a string, not code). */
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Follows values through the program: locals to their assignments, parameters to the arguments of
 * every call of their function (or of the call that entered it), results to the returns of the
 * callee, fields and package variables to every store into them (direct, through a setter's
 * pointer parameter, from a composite literal, a flag default, a struct tag or a config loader),
 * bounded in depth. Every origin keeps where it is written, so a finding lands on the literal or
 * the manifest line that carries the value.
 *
 * From code outside `_test.go` files, what test files write is not followed: the arguments
 * of calls made in tests, and stores into package variables and fields made in tests. A test
 * file is never part of a binary (`go build` leaves `_test.go` files out), so its values never
 * reach the code a service runs.
 */
export class ValueFlow {
  private readonly paramMemo = new Map<string, Origin[]>();
  private readonly globalMemo = new Map<string, Origin[]>();
  private readonly fieldMemo = new Map<string, Origin[]>();
  private readonly visiting = new Set<string>();
  /** Counts evaluations cut short (a cycle, the call bound): a result computed without one is memoized. */
  private cuts = 0;
  private readonly stores: StoreIndex;
  readonly tags: FieldTags;

  constructor(readonly program: Program) {
    this.tags = new FieldTags(program);
    this.stores = new StoreIndex(program);
  }

  /** The origins of a value read at a site. */
  origins(expr: ValueExpr, site: Site): Origin[] {
    return unique(this.evaluate(expr, { ...site, calls: 0 }));
  }

  private evaluate(expr: ValueExpr, ctx: Context): Origin[] {
    switch (expr.k) {
      case 'lit':
        return [{ k: 'string', value: expr.value, at: expr.at }];
      case 'num':
        return [
          {
            k: 'number',
            value: expr.value,
            seconds: !!expr.seconds,
            at: expr.at,
          },
        ];
      case 'param':
        return this.param(expr.index, ctx);
      case 'local':
        return this.guarded(
          `L${ctx.file.path}:${expr.id}:${this.bindKey(ctx)}`,
          () =>
            (ctx.file.program.locals[expr.id]?.defs ?? []).flatMap(d =>
              this.evaluate(d, ctx),
            ),
        );
      case 'global':
        return this.global(expr.pkg, expr.name, ctx);
      case 'field':
        return this.field(expr.of, expr.name, ctx);
      case 'call':
        return this.call(expr, ctx);
      case 'stored':
        return this.stored(expr, ctx);
      case 'env':
        return this.strings(expr.name, ctx).map(
          name => ({ k: 'env', name, at: expr.at } as Origin),
        );
      case 'config':
        return this.configKeys(this.strings(expr.key, ctx), expr.at, ctx);
      case 'flag':
        return this.strings(expr.name, ctx).flatMap(name => [
          { k: 'flag', name, at: expr.at } as Origin,
          // peterbourgon/ff: the flag's environment variable.
          ...this.autoEnvs()
            .filter(({ env, file }) => env.forFlags && reaches(file, ctx))
            .map(
              ({ env }) =>
                ({
                  k: 'env',
                  name: envNameOf(name, env),
                  at: expr.at,
                } as Origin),
            ),
        ]);
      case 'binary':
        return binaryOrigins(
          expr.op,
          this.evaluate(expr.left, ctx),
          this.evaluate(expr.right, ctx),
        );
      case 'format': {
        const args = expr.args.map(a => this.evaluate(a, ctx));
        const formats =
          expr.format !== undefined
            ? [expr.format]
            : this.strings(expr.formatOf!, ctx).slice(0, 4);
        return formats.flatMap(f => formatOrigins(f, args, expr.at));
      }
      case 'timeout':
        return this.evaluate(expr.duration, ctx).flatMap(o => {
          // A duration read from the environment, a config key or a flag stays that origin.
          if (isExternal(o)) return [o];
          const seconds = durationSeconds(o);
          return seconds === undefined
            ? []
            : [
                {
                  k: 'number',
                  value: seconds,
                  seconds: true,
                  at: o.at,
                  ...(o.defaultFor ? { defaultFor: o.defaultFor } : {}),
                } as Origin,
              ];
        });
      case 'case':
        // What the environment or a key gives is judged as it is: host names ignore case.
        return this.evaluate(expr.of, ctx).map(o =>
          o.k === 'string'
            ? {
                ...o,
                value: expr.upper
                  ? o.value.toUpperCase()
                  : o.value.toLowerCase(),
              }
            : o,
        );
      case 'addr':
        return this.evaluate(expr.of, ctx);
      // A slice, array or map stands for its elements: `xs[i]` and `range xs` read them.
      case 'new':
        return (expr.elems ?? []).flatMap(e => this.evaluate(e, ctx));
      case 'elem':
        return this.evaluate(expr.of, ctx);
      case 'typed':
        return expr.of ? this.evaluate(expr.of, ctx) : [];
      case 'any':
        return expr.of.flatMap(e => this.evaluate(e, ctx));
      case 'handed':
        return this.handed(expr, ctx);
      default:
        return [];
    }
  }

  /**
   * A parameter of a function handed to a callee of the tree: the arguments of the callee's calls
   * of the parameter that holds it (or of its elements, for a slice or variadic one), the
   * callee's own parameters bound to the call's arguments.
   */
  private handed(
    expr: Extract<ValueExpr, { k: 'handed' }>,
    ctx: Context,
  ): Origin[] {
    const callees = this.program.callees(expr.callee, ctx);
    if (callees.length === 0) return [];
    if (ctx.calls >= MAX_CALLS) {
      this.cuts++;
      return [];
    }
    return callees.flatMap(fn =>
      this.guarded(
        `H${fn.id}:${expr.arg}:${expr.index}:${this.bindKey(ctx)}`,
        () => {
          const inner: Context = {
            file: fn.file,
            owner: fn.index,
            bind: { args: expr.args, ctx },
            calls: ctx.calls + 1,
          };
          return fn.file.program.paramCalls
            .filter(
              c =>
                c.owner === fn.index &&
                (c.param === expr.arg || (c.variadic && expr.arg > c.param)),
            )
            .flatMap(c => {
              const v = c.args[expr.index];
              return v ? this.evaluate(v, inner) : [];
            });
        },
      ),
    );
  }

  /** The string values (and numbers as text) of an expression. */
  private strings(expr: ValueExpr, ctx: Context): string[] {
    return [
      ...new Set(
        this.evaluate(expr, ctx)
          .map(originValueText)
          .filter(
            (s): s is string => s !== undefined && !s.includes(UNKNOWN_TEXT),
          ),
      ),
    ];
  }

  private bindKey(ctx: Context): string {
    let key = '';
    for (let c: Context | undefined = ctx; c?.bind; c = c.bind.ctx)
      key += `<${c.file.path}#${c.owner}`;
    return key;
  }

  private guarded(key: string, run: () => Origin[]): Origin[] {
    if (this.visiting.has(key)) {
      this.cuts++;
      return [];
    }
    this.visiting.add(key);
    try {
      return unique(run());
    } finally {
      this.visiting.delete(key);
    }
  }

  private param(index: number, ctx: Context): Origin[] {
    if (ctx.bind) {
      const arg = ctx.bind.args[index];
      return arg ? this.evaluate(arg, ctx.bind.ctx) : [];
    }
    const fn = this.program.funcAt(ctx);
    if (!fn) return [];
    if (ctx.calls >= MAX_CALLS) {
      this.cuts++;
      return [];
    }
    const key = `${fn.id}:${index}`;
    const known = this.paramMemo.get(key);
    if (known) return known;
    const cuts = this.cuts;
    const result = this.guarded(`P${key}`, () =>
      this.program
        .callers(fn)
        .filter(c => !c.call.ref && reaches(c.file, ctx))
        .flatMap(({ call, file }) => {
          const arg = argumentsOf(fn, call.args)[index];
          return arg
            ? this.evaluate(arg, {
                file,
                owner: call.owner,
                calls: ctx.calls + 1,
              })
            : [];
        }),
    );
    if (this.cuts === cuts) this.paramMemo.set(key, result);
    return result;
  }

  private global(pkg: string, name: string, ctx: Context): Origin[] {
    const global = this.program.globalKey(ctx, pkg, name);
    if (!global) return [];
    const key = readerKey(global, ctx);
    const known = this.globalMemo.get(key);
    if (known) return known;
    const cuts = this.cuts;
    const result = this.guarded(`G${key}`, () => {
      const out: Origin[] = [];
      for (const g of this.program.globalDecls(ctx, pkg, name)) {
        if (g.facts.value)
          out.push(
            ...this.evaluate(g.facts.value, {
              file: g.file,
              owner: -1,
              calls: ctx.calls,
            }),
          );
      }
      for (const { store, file } of this.stores.storesOfGlobal(global)) {
        if (!reaches(file, ctx)) continue;
        out.push(
          ...this.evaluate(store.value, {
            file,
            owner: store.owner,
            calls: ctx.calls,
          }),
        );
      }
      return out;
    });
    if (this.cuts === cuts) this.globalMemo.set(key, result);
    return result;
  }

  private field(of: ValueExpr, name: string, ctx: Context): Origin[] {
    // An anonymous struct literal's field is read where the literal is (`cfg.UsersAddr` of
    // `var cfg = struct{ UsersAddr string }{UsersAddr: "…"}`).
    const literal = this.literalFields(of, name, ctx, 0).flatMap(
      ({ value, site }) => this.evaluate(value, site),
    );
    const typed = this.typedField(of, name, ctx);
    return literal.length ? unique([...literal, ...typed]) : typed;
  }

  /** What the stores into a field of `of`'s type, and the tags of its declaration, give it. */
  private typedField(of: ValueExpr, name: string, ctx: Context): Origin[] {
    const type = this.program.typeOf(of, ctx);
    const field = this.program.fieldKey(type, name);
    if (!field) return [];
    const through = this.enclosingFields(of, ctx);
    const key = readerKey(
      through
        ? `${field} in ${through.map(p => p.join('.')).join(',')}`
        : field,
      ctx,
    );
    const known = this.fieldMemo.get(key);
    if (known) return known;
    const cuts = this.cuts;
    const result = this.guarded(`F${key}`, () => {
      const out: Origin[] = [];
      const found = this.program.fieldOf(type, name);
      // A key a file loader fills the field from has the defaults code gives it too
      // (`viper.SetDefault("users.addr", …)` beside `viper.Unmarshal(&cfg)`).
      if (found)
        for (const o of tagOrigins(
          found.field,
          this.tags
            .loadsOf(field)
            .filter(load => loadedThrough(load, through))
            .flatMap(load => this.withPrefix(load, ctx)),
        ))
          out.push(
            ...(o.k === 'config' ? this.configKeys([o.key], o.at, ctx) : [o]),
          );
      for (const { store, file, bind } of this.stores.storesOfField(field)) {
        // A setter's store is written by its call (`mustMapEnv(&cfg.addr, "X")`).
        if (!reaches(bind?.bind?.ctx.file ?? file, ctx)) continue;
        const site: Context = bind ?? {
          file,
          owner: store.owner,
          calls: ctx.calls,
        };
        out.push(
          ...this.evaluate(store.value, {
            ...site,
            calls: Math.max(site.calls, ctx.calls),
          }),
        );
      }
      return out;
    });
    if (this.cuts === cuts) this.fieldMemo.set(key, result);
    return result;
  }

  /**
   * The paths of fields a value is read through (`Upstream`, `NetAddrs` for `a` of `for _, a :=
   * range cfg.Upstream.NetAddrs`; `Templates` of `c.Templates`, also through a local `t :=
   * c.Templates`, or a parameter every caller hands such a path, `dialAll(ctx,
   * cfg.Upstream.NetAddrs)`), or undefined when it is not read from a field (or from more than
   * {@link MAX_PATHS} paths, or through more than {@link MAX_PATH_HOPS} parameters).
   */
  private enclosingFields(
    of: ValueExpr,
    ctx: Context,
    depth = 0,
    hops = 0,
  ): string[][] | undefined {
    if (depth > 6) return undefined;
    switch (of.k) {
      case 'addr':
      case 'elem':
        return this.enclosingFields(of.of, ctx, depth + 1, hops);
      case 'field': {
        const outer = this.enclosingFields(of.of, ctx, depth + 1, hops) ?? [[]];
        return outer.map(p => [...p, of.name]);
      }
      case 'local':
        return this.everyEnclosing(
          (ctx.file.program.locals[of.id]?.defs ?? []).map(d => ({
            value: d,
            ctx,
          })),
          depth + 1,
          hops,
        );
      case 'any':
        return this.everyEnclosing(
          of.of.map(value => ({ value, ctx })),
          depth + 1,
          hops,
        );
      case 'param':
        // The callers' arguments are read from their own function on.
        return hops < MAX_PATH_HOPS
          ? this.everyEnclosing(this.argumentsFor(of.index, ctx), 0, hops + 1)
          : undefined;
      case 'stored': {
        // `&ups` handed to a function of the tree that writes nothing through it
        // (`dialUpstream(ctx, &ups)`) leaves the local what it was.
        const callees = this.program.callees(of.callee, ctx);
        return callees.length &&
          callees.every(
            fn => this.stores.derefStores(fn, of.index).length === 0,
          )
          ? []
          : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * The paths of fields every one of the values is read through; undefined when one is not, or
   * when they are more than {@link MAX_PATHS}.
   */
  private everyEnclosing(
    values: { value: ValueExpr; ctx: Context }[] | undefined,
    depth: number,
    hops: number,
  ): string[][] | undefined {
    const paths: string[][] = [];
    for (const { value, ctx } of values ?? []) {
      const p = this.enclosingFields(value, ctx, depth, hops);
      if (!p) return undefined;
      paths.push(...p);
      if (paths.length > MAX_PATHS) return undefined;
    }
    return paths.length ? paths : undefined;
  }

  /**
   * What a parameter is handed, each where it is written: the bound call's argument, or that of
   * every call of the function (a struct argument as `fieldArgs` keeps it); undefined when one
   * is not known (the function is referenced as a value).
   */
  private argumentsFor(
    index: number,
    ctx: Context,
  ): { value: ValueExpr; ctx: Context }[] | undefined {
    if (ctx.bind) {
      const arg = ctx.bind.args[index];
      return arg ? [{ value: arg, ctx: ctx.bind.ctx }] : undefined;
    }
    const fn = this.program.funcAt(ctx);
    if (!fn) return undefined;
    const out: { value: ValueExpr; ctx: Context }[] = [];
    for (const { call, file } of this.program.callers(fn)) {
      if (!reaches(file, ctx)) continue;
      const { fieldArgs } = call;
      const value = argumentsOf(
        fn,
        fieldArgs ? call.args.map((a, i) => fieldArgs[i] ?? a) : call.args,
      )[index];
      if (call.ref || !value) return undefined;
      out.push({
        value,
        ctx: { file, owner: call.owner, calls: ctx.calls + 1 },
      });
    }
    return out;
  }

  /** A load whose prefix is written elsewhere, once for each value it has (none: left unknown). */
  private withPrefix(load: FieldLoad, ctx: Context): FieldLoad[] {
    if (!load.prefixOf || load.prefix !== undefined) return [load];
    const prefixes = this.strings(load.prefixOf.expr, {
      ...load.prefixOf.site,
      calls: ctx.calls,
    });
    return prefixes.length
      ? prefixes.map(prefix => ({ ...load, prefix }))
      : [load];
  }

  /**
   * The values anonymous struct literals give a field of `of`, followed through locals, package
   * variables and `&`, with the context each is read in.
   */
  private literalFields(
    of: ValueExpr,
    name: string,
    ctx: Context,
    depth: number,
  ): { value: ValueExpr; site: Context }[] {
    if (depth > 4) return [];
    switch (of.k) {
      case 'new': {
        const value = of.fields?.[name];
        return value ? [{ value, site: ctx }] : [];
      }
      case 'addr':
        return this.literalFields(of.of, name, ctx, depth + 1);
      case 'local':
        return (ctx.file.program.locals[of.id]?.defs ?? []).flatMap(d =>
          this.literalFields(d, name, ctx, depth + 1),
        );
      case 'global':
        return this.program
          .globalDecls(ctx, of.pkg, of.name)
          .flatMap(g =>
            g.facts.value
              ? this.literalFields(
                  g.facts.value,
                  name,
                  { file: g.file, owner: -1, calls: ctx.calls },
                  depth + 1,
                )
              : [],
          );
      default:
        return [];
    }
  }

  private call(
    expr: Extract<ValueExpr, { k: 'call' }>,
    ctx: Context,
  ): Origin[] {
    const callees = this.program.callees(expr.callee, ctx);
    if (callees.length === 0)
      return this.configGetter(expr, ctx) ?? this.envDefaultHelper(expr, ctx);
    if (ctx.calls >= MAX_CALLS) {
      this.cuts++;
      return [];
    }
    return callees.flatMap(fn =>
      this.guarded(
        `C${fn.id}:${expr.result}:${this.bindKey(ctx)}:${expr.at.line}`,
        () => {
          const inner: Context = {
            file: fn.file,
            owner: fn.index,
            bind: { args: argumentsOf(fn, expr.args), ctx },
            calls: ctx.calls + 1,
          };
          return fn.file.program.returns
            .filter(r => r.owner === fn.index)
            .flatMap(r => {
              const v = r.values[expr.result];
              return v ? this.evaluate(v, inner) : [];
            });
        },
      ),
    );
  }

  /**
   * A configuration library's getter on a typed receiver: `v.GetString("db.host")` on a
   * `*viper.Viper`, `k.String("db.host")` on a koanf instance: a configuration key.
   */
  private configGetter(
    expr: Extract<ValueExpr, { k: 'call' }>,
    ctx: Context,
  ): Origin[] | undefined {
    if (expr.callee.k !== 'method' || expr.result !== 0) return undefined;
    // Kratos' `c.Value("data.user.addr").String()` on a `config.Config`.
    const value = expr.callee.recv;
    if (
      expr.callee.name === 'String' &&
      value.k === 'call' &&
      value.callee.k === 'method' &&
      value.callee.name === 'Value' &&
      value.args.length === 1
    ) {
      const config = this.program.typeOf(value.callee.recv, ctx);
      if (
        config.k === 'named' &&
        config.key.endsWith('.Config') &&
        KRATOS_CONFIG.test(config.key.slice(0, -'.Config'.length))
      )
        return this.configKeys(this.strings(value.args[0], ctx), expr.at, ctx);
    }
    if (!expr.args[0]) return undefined;
    const type = this.program.typeOf(expr.callee.recv, ctx);
    if (type.k !== 'named') return undefined;
    if (CLI_FLAG_GETTERS[type.key]?.has(expr.callee.name))
      return this.strings(expr.args[0], ctx).flatMap(name => [
        { k: 'flag', name, at: expr.at } as Origin,
        ...this.defaultOrigins(this.defaultsOf(name.toLowerCase(), true), ctx),
      ]);
    if (!CONFIG_GETTERS[type.key]?.has(expr.callee.name)) return undefined;
    return this.configKeys(this.strings(expr.args[0], ctx), expr.at, ctx);
  }

  /** What the defaults code gives a key evaluate to, from code that reaches `ctx`. */
  private defaultOrigins(
    defaults: (ConfigDefaultFacts & { file: GoFileFacts })[],
    ctx: Context,
  ): Origin[] {
    return defaults.flatMap(d =>
      reaches(d.file, ctx)
        ? this.guarded(`D${d.file.path}:${d.owner}:${d.key}`, () =>
            this.evaluate(d.value, {
              file: d.file,
              owner: d.owner,
              calls: ctx.calls + 1,
            }),
          )
        : [],
    );
  }

  /**
   * What reading configuration keys gives: each key (its values are in the configuration files),
   * and the defaults code gives it (`viper.SetDefault`, koanf's `confmap.Provider`), which apply
   * when no file or environment sets the key. Keys compare without case, as viper's do.
   */
  private configKeys(keys: string[], at: Where, ctx: Context): Origin[] {
    const out: Origin[] = keys.map(key => ({ k: 'config', key, at }));
    for (const key of keys) {
      out.push(...this.defaultOrigins(this.defaultsOf(key.toLowerCase()), ctx));
      // viper's `AutomaticEnv()`, koanf's env provider: the key's environment variable.
      for (const { env, file } of this.autoEnvs())
        if (!env.forFlags && reaches(file, ctx))
          out.push({
            k: 'env',
            name: envNameOf(key, env),
            at,
          });
    }
    return unique(out);
  }

  private autoEnvList: { env: ConfigEnvFacts; file: GoFileFacts }[] | undefined;

  /**
   * Where the program reads keys or flags from the environment by name: viper's `AutomaticEnv()`,
   * koanf's env provider, peterbourgon/ff's `WithEnvVarPrefix` (see `ConfigEnvFacts`).
   */
  private autoEnvs() {
    return (this.autoEnvList ??= this.program.facts.goFiles.flatMap(file =>
      file.program.configEnvs.map(env => ({ env, file })),
    ));
  }

  private defaultIndex:
    | Map<string, (ConfigDefaultFacts & { file: GoFileFacts })[]>
    | undefined;

  /**
   * The defaults code gives a key (lower case), from every file of the tree: configuration
   * keys', or with `flag` urfave/cli flags' (their names are another namespace).
   */
  private defaultsOf(
    key: string,
    flag = false,
  ): (ConfigDefaultFacts & { file: GoFileFacts })[] {
    if (!this.defaultIndex) {
      this.defaultIndex = new Map();
      for (const pkg of this.program.index.packages) {
        for (const file of pkg.files) {
          for (const d of file.program.configDefaults ?? []) {
            const keys = d.keyOf
              ? this.strings(d.keyOf, { file, owner: d.owner, calls: 0 })
              : [d.key];
            for (const written of keys) {
              const k = `${d.flag ? 'flag' : 'key'}:${written.toLowerCase()}`;
              const list = this.defaultIndex.get(k) ?? [];
              list.push({ ...d, key: written, file });
              this.defaultIndex.set(k, list);
            }
          }
        }
      }
    }
    return this.defaultIndex.get(`${flag ? 'flag' : 'key'}:${key}`) ?? [];
  }

  /** An unresolved helper called like `getenv("USER_ADDR", "user-service:8080")`: an env var and its default. */
  private envDefaultHelper(
    expr: Extract<ValueExpr, { k: 'call' }>,
    ctx: Context,
  ): Origin[] {
    if (expr.result !== 0 || expr.args.length < 2) return [];
    const [nameArg, fallbackArg] = expr.args;
    if (
      nameArg.k !== 'lit' ||
      !ENV_NAME.test(nameArg.value) ||
      fallbackArg.k === 'num'
    )
      return [];
    const fallback = this.evaluate(fallbackArg, ctx).flatMap(o =>
      o.k === 'string' ? [{ ...o, defaultFor: [nameArg.value] }] : [],
    );
    if (!fallback.length) return [];
    return [{ k: 'env', name: nameArg.value, at: expr.at }, ...fallback];
  }

  /** What a callee stores through its pointer parameter (`*target = v`), under this call's arguments. */
  private stored(
    expr: Extract<ValueExpr, { k: 'stored' }>,
    ctx: Context,
  ): Origin[] {
    if (ctx.calls >= MAX_CALLS) {
      this.cuts++;
      return [];
    }
    return this.program.callees(expr.callee, ctx).flatMap(fn => {
      const inner: Context = {
        file: fn.file,
        owner: fn.index,
        bind: { args: argumentsOf(fn, expr.args), ctx },
        calls: ctx.calls + 1,
      };
      return this.stores
        .derefStores(fn, expr.index)
        .flatMap(s => this.evaluate(s.value, inner));
    });
  }
}
