/** The standard-library and configuration-library calls whose values the value reader knows. */

/** The `context` package's cancel func types: what `context.With*` hands back to be called. */
export const CANCEL_FUNC_TYPES: ReadonlySet<string> = new Set([
  'CancelFunc',
  'CancelCauseFunc',
]);

/** Methods that end the process or panic, on `log` or on any logger (zap, logrus, zerolog). */
export const FATAL_METHODS: ReadonlySet<string> = new Set([
  'Fatal',
  'Fatalf',
  'Fatalln',
  'Fatalw',
  'Panic',
  'Panicf',
  'Panicln',
  'Panicw',
]);

/** `time` package durations, in seconds. */
export const TIME_UNITS: Record<string, number> = {
  Nanosecond: 1e-9,
  Microsecond: 1e-6,
  Millisecond: 1e-3,
  Second: 1,
  Minute: 60,
  Hour: 3600,
};

/** Flag constructors returning a pointer to the flag's value: the default's argument position. */
export const FLAG_VALUE_ARG: Record<string, number> = {
  String: 1,
  Duration: 1,
  Int: 1,
  StringP: 2,
  DurationP: 2,
  IntP: 2,
};

/** Flag functions filling a variable: `StringVar(&v, name, value, usage)`: the default's position. */
export const FLAG_VAR_VALUE_ARG: Record<string, number> = {
  StringVar: 2,
  DurationVar: 2,
  IntVar: 2,
  StringVarP: 3,
  DurationVarP: 3,
  IntVarP: 3,
};

/**
 * `strings` functions whose result is their first argument with blanks or an affix changed:
 * followed as that argument (`strings.TrimSpace(os.Getenv("ADDR"))` has ADDR's hosts).
 */
export const STRING_PASS_THROUGH: ReadonlySet<string> = new Set([
  'TrimSpace',
  'Trim',
  'TrimLeft',
  'TrimRight',
  'TrimPrefix',
  'TrimSuffix',
  'Clone',
]);

/**
 * `strings` functions that change the case of their first argument: true for upper case
 * (`os.Getenv(strings.ToUpper(svc) + "_ADDR")` reads `USERS_ADDR` for `svc` "users").
 */
export const STRING_CASE: Readonly<Record<string, boolean>> = {
  ToUpper: true,
  ToLower: false,
};

/**
 * `strconv` and `time` functions that parse their first argument without changing what it says:
 * `strconv.Atoi(os.Getenv("PORT"))` is PORT's number, `time.ParseDuration(os.Getenv("SHUTDOWN_TIMEOUT"))`
 * that variable's duration. Followed as that argument (result 0; the error result is not).
 * Formatting (`strconv.Itoa(port)`) is not followed: a port flag's default 0 means "unset", and
 * a target built with it keeps that part unknown.
 */
export const PARSE_PASS_THROUGH: Readonly<Record<string, ReadonlySet<string>>> =
  {
    strconv: new Set(['Atoi', 'ParseInt', 'ParseUint', 'ParseFloat']),
    time: new Set(['ParseDuration']),
  };

/**
 * Generic functions that return a new value of their type argument: caarlos0/env's
 * `ParseAs[Config]()` parses the environment into a new `Config`.
 */
export const TYPE_ARGUMENT_RESULTS: readonly {
  path: RegExp;
  names: ReadonlySet<string>;
}[] = [
  {
    path: /^github\.com\/caarlos0\/env(\/v\d+)?$/,
    names: new Set(['ParseAs', 'ParseAsWithOptions']),
  },
];

/**
 * The packages a gRPC client is made with: grpc-go, and the client packages of the frameworks
 * whose constructors dial (Kratos, go-zero; see `LIBRARY_DIALS`). Importing one makes the gRPC
 * checks applicable.
 */
export const GRPC_CLIENT_PACKAGES: readonly string[] = [
  'google.golang.org/grpc',
  'github.com/go-kratos/kratos/v2/transport/grpc',
  'github.com/go-kratos/kratos/v3/transport/grpc',
  'github.com/zeromicro/go-zero/zrpc',
  'github.com/tal-tech/go-zero/zrpc',
];

/**
 * Whether a type is one of `io`'s closer interfaces (`io.Closer`, `io.ReadCloser`, …), by its
 * package (the import path, or the qualifier as written) and name: a server handed to a helper as
 * one may be closed there.
 */
export function isIoCloser(pkg: string | undefined, name: string): boolean {
  return pkg === 'io' && /Closer$/.test(name);
}

export const PFLAG = 'github.com/spf13/pflag';
/** Kratos' config package (`config.New(config.WithSource(file.NewSource(path)))`), v2 and later. */
export const KRATOS_CONFIG = /^github\.com\/go-kratos\/kratos\/v\d+\/config$/;
export const VIPER = 'github.com/spf13/viper';
/** Getters of viper (package functions and `*viper.Viper` methods) that read a key. */
export const VIPER_GETTERS: ReadonlySet<string> = new Set([
  'Get',
  'GetString',
  'GetDuration',
  'GetInt',
  'GetStringSlice',
]);

/** Builtins whose result says nothing about a string or a duration. */
export const BUILTINS = new Set([
  'append',
  'cap',
  'clear',
  'close',
  'complex',
  'copy',
  'delete',
  'imag',
  'len',
  'make',
  'max',
  'min',
  'new',
  'panic',
  'print',
  'println',
  'real',
  'recover',
]);
