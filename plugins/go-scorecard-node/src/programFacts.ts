/**
 * Program facts: what one Go file says about its declarations and about how values move through
 * its functions, as plain serializable data. The link step (`program/`) joins the facts of every
 * file of a tree into a program: packages, a call graph, and value flow across functions, files
 * and packages. Nothing here holds a syntax tree, so extraction can run anywhere and be cached.
 *
 * Package paths: `''` is the file's own package; anything else is an import path as written.
 */

/** A position in a file (the same shape as a finding's location). */
export interface Where {
  path: string;
  line: number;
  snippet: string;
}

/** A type as declared. Named types carry their package (`''`: the file's own, or predeclared). */
export type TypeRef =
  | { k: 'named'; pkg: string; name: string }
  | { k: 'pointer'; elem: TypeRef }
  | { k: 'slice'; elem: TypeRef }
  | { k: 'array'; elem: TypeRef }
  | { k: 'map'; key: TypeRef; elem: TypeRef }
  | { k: 'chan'; elem: TypeRef }
  | { k: 'func'; results: TypeRef[] }
  | { k: 'struct'; fields: FieldFacts[] }
  | {
      k: 'interface';
      methods: string[];
      /** The shape of each method of `methods`, at the same index. */
      shapes: MethodShape[];
      embeds: TypeRef[];
    }
  | { k: 'unknown' };

/**
 * How many parameters and results a method's signature has (`a, b int` counts two), and whether
 * its last parameter is variadic: what an interface's method must match in a type's method set.
 */
export interface MethodShape {
  params: number;
  results: number;
  variadic?: true;
}

/** A struct field. An embedded field is named after its type. */
export interface FieldFacts {
  name: string;
  type: TypeRef;
  embedded?: boolean;
  /** The tag's content (`envconfig:"ADDR" default:"svc:80"`). */
  tag?: string;
  at: Where;
}

/**
 * Where a value comes from, as far as its file can tell. Locals are resolved by Go's scoping
 * into the file's local table; what lies beyond the file (a parameter's arguments, a package
 * variable, a field, a call's result) stays symbolic for the link step.
 */
export type ValueExpr =
  /** A string literal (or a rune/int literal's text). */
  | { k: 'lit'; value: string; at: Where }
  /** A number; `seconds` when a time unit took part (`5*time.Second` is 5 s). */
  | { k: 'num'; value: number; seconds?: boolean; at: Where }
  /** A parameter of the function the expression is in (its owner). */
  | { k: 'param'; index: number }
  /** The receiver of the owner method. */
  | { k: 'recv' }
  /** A local variable: the file's `locals[id]`. */
  | { k: 'local'; id: number }
  /** A package-level var, const or func (`pkg` `''` is the own package). */
  | { k: 'global'; pkg: string; name: string }
  | { k: 'field'; of: ValueExpr; name: string }
  /** Result `result` of a call. */
  | { k: 'call'; callee: Callee; args: ValueExpr[]; result: number; at: Where }
  /** `os.Getenv(name)`, `os.LookupEnv(name)`. */
  | { k: 'env'; name: ValueExpr; at: Where }
  /** A configuration key read by name (`viper.GetString("db.host")`). */
  | { k: 'config'; key: ValueExpr; at: Where }
  /**
   * What the command line gives a flag by name (`flag.String("users", …)`): a workload's
   * container `args` may set it (its default is a separate value beside this one).
   */
  | { k: 'flag'; name: ValueExpr; at: Where }
  | { k: 'binary'; op: string; left: ValueExpr; right: ValueExpr }
  /** `strings.ToUpper(of)` (`upper`), `strings.ToLower(of)`. */
  | { k: 'case'; upper: boolean; of: ValueExpr }
  /**
   * `fmt.Sprintf(format, args…)`: the format as written, or, when it is no literal (a const, a
   * variable), the value that gives it (`formatOf`).
   */
  | {
      k: 'format';
      format?: string;
      formatOf?: ValueExpr;
      args: ValueExpr[];
      at: Where;
    }
  /**
   * A context that `context.WithTimeout`/`WithDeadline` bounds by `duration`; `fresh` when its
   * parent is `context.Background()` or `context.TODO()` (no deadline of its own).
   */
  | { k: 'timeout'; duration: ValueExpr; at: Where; fresh?: true }
  /** `&x`. */
  | { k: 'addr'; of: ValueExpr }
  /**
   * An element of a slice, array, map or channel: `xs[i]`, the value of `for _, x := range xs`.
   * Its type is followed (the methods called on it), and its values are those of the elements
   * `xs` is written with (`elems` of a literal, what `append` adds).
   */
  | { k: 'elem'; of: ValueExpr }
  /** What a call stores through its pointer argument `index` (`mustMapEnv(&addr, "X")`). */
  | { k: 'stored'; callee: Callee; args: ValueExpr[]; index: number; at: Where }
  /**
   * A new value of a type: a composite literal (`elems`: a slice, array or map literal's elements;
   * `fields`: an anonymous struct literal's keyed fields, `struct{ Addr string }{Addr: "…"}`,
   * whose fields no store of a named type records), `new(T)`.
   */
  | {
      k: 'new';
      type: TypeRef;
      elems?: ValueExpr[];
      fields?: Record<string, ValueExpr>;
    }
  /** A value of a declared type (`var x T`, a type assertion), and what it holds. */
  | { k: 'typed'; type: TypeRef; of?: ValueExpr }
  /**
   * Parameter `index` of a function literal or method value handed as argument `arg` of a call
   * of `callee` (`lifecycle.WaitAndShutdown(func(ctx context.Context) error {…})`): what the
   * callee's calls of the function that parameter holds pass there ({@link ParamCallFacts}),
   * its own parameters bound to `args`.
   */
  | {
      k: 'handed';
      callee: Callee;
      args: ValueExpr[];
      arg: number;
      index: number;
    }
  /** Several possible values (a variable assigned in several places). */
  | { k: 'any'; of: ValueExpr[] }
  | { k: 'unknown' };

/** What a call calls. Unresolvable callees are dropped at link time, never guessed. */
export type Callee =
  /** `f()` (own package) or `pkg.F()`. */
  | { k: 'func'; pkg: string; name: string }
  /** `x.M()`: the method named `name` of x's type. */
  | { k: 'method'; recv: ValueExpr; name: string };

/** A local variable of the file (any function): its declared type and every value given to it. */
export interface LocalFacts {
  name: string;
  type?: TypeRef;
  defs: ValueExpr[];
  /**
   * Only what gives the variable its type was read (it was needed as a method's receiver):
   * `defs` holds its declaration's value at most.
   */
  typeOnly?: boolean;
}

/** A top-level function or method. Its index in `funcs` is its owner number. */
export interface FuncFacts {
  name: string;
  /** The receiver's type for a method. */
  recv?: TypeRef;
  params: { name?: string; type: TypeRef }[];
  /** The last parameter is `...T`: it takes every argument from its position on. */
  variadic?: true;
  results: TypeRef[];
  /**
   * The indexes of results typed `func()` that hand back the cancel func of a context the
   * function derives (`return ctx, cancel`, `return ctx, func() { stop(); cancel() }`): its
   * callers hold a cancel func there, as with `context.CancelFunc` results.
   */
  cancelResults?: number[];
  at: Where;
}

/** A type declaration. */
export interface TypeFacts {
  name: string;
  type: TypeRef;
  at: Where;
}

/** A package-level var or const. */
export interface GlobalFacts {
  name: string;
  type?: TypeRef;
  value?: ValueExpr;
  isConst: boolean;
  at: Where;
}

/**
 * Who a body fact belongs to: the index of a top-level function of the file, or -1 for the
 * package-level var initializers (which run when the package is linked into a binary).
 */
export type Owner = number;

/**
 * Where a call sits in the body of its top-level function or method: `stmt`, the index of the
 * body statement holding it; `sync`, the call runs to its end before the next body statement
 * starts (it is in the statement's own expression or an argument of a `go` or `defer` statement's
 * call, not under `go`, `defer`, a function literal,
 * a loop, a switch or select, or a nested block). A call that blocks while `sync` holds every
 * later body statement back (`srv.Serve(l)` then `signal.Notify(…)`: the handler comes too late).
 * `deferred`, the call is in a `defer` statement's deferred call of the function itself (not of a
 * function literal within it): it runs when the function returns, after every body statement.
 */
export interface StatementPlace {
  stmt: number;
  sync?: boolean;
  deferred?: boolean;
}

/** A call of (or a reference to, when `ref`) a function or method the tree may declare. */
export interface CallFacts {
  owner: Owner;
  callee: Callee;
  args: ValueExpr[];
  /**
   * Arguments at positions no value-carrying type takes (a struct, a slice of structs), by
   * position, kept where they are read through fields, locals or parameters
   * (`dialAll(ctx, cfg.Upstream.NetAddrs)`): the fields the callee's parameter is read through.
   */
  fieldArgs?: Record<number, ValueExpr>;
  /** The function is referenced, not called (`g.Go(s.serve)`): it may run. */
  ref?: boolean;
  /** Where the call (or reference) sits in its function's body. */
  place?: StatementPlace;
  at: Where;
}

/**
 * A call of a function a parameter holds: `hook(ctx)`, or `h(ctx)` for `for _, h := range hooks`
 * over a `hooks ...func(context.Context) error` parameter. A function literal or method value the
 * function's callers hand that parameter is called with these arguments.
 */
export interface ParamCallFacts {
  owner: Owner;
  /** The parameter holding the function, or the slice whose element it is. */
  param: number;
  /** The parameter is variadic: every argument from `param` on is one of its elements. */
  variadic?: boolean;
  args: ValueExpr[];
}

/** Where a store writes: a field of a value, a package variable, or what a pointer points to. */
export type StoreTarget =
  | { k: 'field'; of: ValueExpr; name: string }
  | { k: 'global'; pkg: string; name: string }
  | { k: 'deref'; of: ValueExpr };

/** A value written somewhere other than a local variable. */
export interface StoreFacts {
  owner: Owner;
  target: StoreTarget;
  value: ValueExpr;
}

/** The values a `return` statement returns. */
export interface ReturnFacts {
  owner: Owner;
  values: ValueExpr[];
}

/**
 * A configuration loader filling a struct from the environment or a file: `envconfig.Process`,
 * ardanlabs `conf.Parse`, caarlos0 `env.Parse`, viper/koanf `Unmarshal`, `yaml`/`json`/`toml`
 * decoding, Kratos' `c.Scan(&bc)`. `prefix` is the env prefix, when the loader takes one; for a
 * file loader, the key the struct is read at (Kratos' `c.Value("data").Scan(&d)`).
 */
export interface ConfigLoadFacts {
  owner: Owner;
  loader: 'envconfig' | 'conf' | 'env' | 'file';
  prefix?: string;
  /** A prefix the file cannot read as a literal (a const, a variable): followed by the link. */
  prefixOf?: ValueExpr;
  target: ValueExpr;
  /**
   * For a loader that is a method (`c.Scan(&bc)`), its receiver: the load holds only when the
   * link types it as `sourceType` (`github.com/go-kratos/kratos/v2/config.Config`).
   */
  source?: ValueExpr;
  sourceType?: string;
  /** The loader resolves `${key:default}` in the values it reads (Kratos' default resolver). */
  resolvesPlaceholders?: true;
  at: Where;
}

/**
 * A configuration key's default set in code: viper's `SetDefault("grpc.addr", v)` (package-level
 * or on a `*viper.Viper`), or an entry of the map koanf loads with `confmap.Provider(map…, ".")`.
 * A read of the key (`viper.GetString("grpc.addr")`) may give it. With `flag`, the default of an
 * urfave/cli flag (`&cli.StringFlag{Name: "addr", Value: v, EnvVars: []string{"ADDR"}}`): `key` is
 * the flag's name (or an alias) and `value` its `Value`, or any of the environment variables it
 * reads; only the flag getters (`c.String("addr")`) read it.
 */
export interface ConfigDefaultFacts {
  owner: Owner;
  /** The dotted key, as written; empty with `keyOf`. */
  key: string;
  /** A key written as a constant or variable (`viper.SetDefault(keyUsersAddr, …)`), followed by the link. */
  keyOf?: ValueExpr;
  value: ValueExpr;
  flag?: boolean;
}

/**
 * Configuration keys read from the environment by name: viper's `AutomaticEnv()` (the key
 * upper-cased behind the `SetEnvPrefix` and `_`, after the `SetEnvKeyReplacer` pairs; viper's
 * README, "Working with Environment Variables"), koanf's env provider (`env.Provider("APP_", ".",
 * cb)`: the variable `APP_USERS_ADDR` is the key `users.addr` under the callback koanf's README
 * writes; without a callback, the variable's name as it is).
 */
export interface ConfigEnvFacts {
  owner: Owner;
  /** Put in front of the key, separator included (`API_`). */
  prefix: string;
  /** Replaced in the upper-cased name, in order (`.` to `_`). */
  replace: [string, string][];
  /** The key is the variable's name as it is. */
  keepCase?: boolean;
  /**
   * Command-line flags, not configuration keys, read from the environment: peterbourgon/ff's
   * `ff.WithEnvVarPrefix("APP")` (`-users-addr` from `APP_USERS_ADDR`) or `ff.WithEnvVars()`.
   */
  forFlags?: true;
}

/** The program facts of one Go file. */
export interface GoProgramFacts {
  funcs: FuncFacts[];
  types: TypeFacts[];
  globals: GlobalFacts[];
  locals: LocalFacts[];
  calls: CallFacts[];
  paramCalls: ParamCallFacts[];
  stores: StoreFacts[];
  returns: ReturnFacts[];
  configLoads: ConfigLoadFacts[];
  configDefaults: ConfigDefaultFacts[];
  configEnvs: ConfigEnvFacts[];
}
