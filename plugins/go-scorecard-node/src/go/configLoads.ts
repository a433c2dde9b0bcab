import { Node } from 'web-tree-sitter';
import {
  ConfigEnvFacts,
  ConfigLoadFacts,
  GoProgramFacts,
  Owner,
  ValueExpr,
} from '../programFacts';
import { ImportResolver } from './imports';
import { methodCalls } from './methodCalls';
import { PackageRef } from './packageRefs';
import {
  callArguments,
  compositeElements,
  GoSource,
  refOf,
  textOf,
  unparen,
} from './syntax';
import {
  FLAG_VALUE_ARG,
  FLAG_VAR_VALUE_ARG,
  KRATOS_CONFIG,
} from './knownCalls';
import { TopDecls } from './topDecls';
import { flagValue, ValueReader } from './values';
import { wordSites } from './wordSites';

/** urfave/cli, whose flag literals give defaults (v1 has no major version suffix). */
const URFAVE_CLI = /^github\.com\/urfave\/cli(\/v[23])?$/;
/** peterbourgon/ff, v1 to v4. */
const FF = /^github\.com\/peterbourgon\/ff(\/v\d+)?$/;
/** koanf's env provider, v1 (`providers/env`) and v2 (`providers/env/v2`). */
const KOANF_ENV =
  /^github\.com\/knadh\/koanf(\/v\d+)?\/providers\/env(\/v\d+)?$/;
/** An environment variable's name, as urfave/cli flags list them. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Loaders that fill a struct from the environment or a file, by import path. */
export const CONFIG_LOADERS: {
  path: RegExp;
  funcs: Record<
    string,
    {
      loader: ConfigLoadFacts['loader'];
      prefixArg?: number;
      /** The argument that points to the struct filled, or `type`: its type argument's new value. */
      targetArg: number | 'type';
      /** The argument holding caarlos0/env's `env.Options{Prefix: "…"}`. */
      optionsArg?: number;
    }
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
      ParseWithOptions: { loader: 'env', targetArg: 0, optionsArg: 1 },
      // caarlos0/env v10+: `cfg, err := env.ParseAs[Config]()` fills a new Config.
      ParseAs: { loader: 'env', targetArg: 'type' },
      ParseAsWithOptions: { loader: 'env', targetArg: 'type', optionsArg: 0 },
    },
  },
  {
    path: /^(gopkg\.in\/yaml\.v\d|sigs\.k8s\.io\/yaml|github\.com\/goccy\/go-yaml|encoding\/json|github\.com\/BurntSushi\/toml|github\.com\/pelletier\/go-toml(\/v\d+)?)$/,
    funcs: {
      Unmarshal: { loader: 'file', targetArg: 1 },
      // yaml.v2's and sigs.k8s.io/yaml's strict variants, goccy's UnmarshalWithOptions
      UnmarshalStrict: { loader: 'file', targetArg: 1 },
      UnmarshalWithOptions: { loader: 'file', targetArg: 1 },
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

/** Packages whose `NewDecoder(r)` decodes a stream into a struct with `Decode(&v)`. */
const DECODER_PACKAGES =
  /^(encoding\/json|gopkg\.in\/yaml\.v\d|github\.com\/goccy\/go-yaml|github\.com\/BurntSushi\/toml|github\.com\/pelletier\/go-toml(\/v\d+)?)$/;

/**
 * pflag's and flag's definitions that give a default: the method, the default's and the name's
 * argument positions (`String(name, value, usage)`, `StringVarP(&v, name, short, value, usage)`).
 */
const FLAG_DEFINITIONS: [string, number, number][] = [
  ...Object.entries(FLAG_VALUE_ARG).map(
    ([m, v]) => [m, v, 0] as [string, number, number],
  ),
  ...Object.entries(FLAG_VAR_VALUE_ARG).map(
    ([m, v]) => [m, v, 1] as [string, number, number],
  ),
];

/** The environment variable a key is read from ({@link ConfigEnvFacts}). */
export function envNameOf(
  key: string,
  env: Pick<ConfigEnvFacts, 'prefix' | 'replace' | 'keepCase'>,
): string {
  return env.keepCase
    ? key
    : replaced(`${env.prefix}${key}`.toUpperCase(), env.replace);
}

/** A name after a `strings.NewReplacer`'s pairs, as viper's `SetEnvKeyReplacer` applies them. */
function replaced(name: string, pairs: [string, string][]): string {
  let out = '';
  for (let i = 0; i < name.length; ) {
    const pair = pairs.find(([from]) => from && name.startsWith(from, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
    } else out += name[i++];
  }
  return out;
}

/** Calls that read a configuration file. */
const READS_FILE = /\b(ReadFile|Open|ReadInConfig|Load|DecodeFile)\s*\(/;

/** Reads the calls of config loaders (envconfig, conf, env, YAML/JSON/TOML decoders, viper, koanf). */
export class ConfigLoadReader {
  constructor(
    private readonly src: GoSource,
    private readonly imports: ImportResolver,
    private readonly values: ValueReader,
    private readonly facts: GoProgramFacts,
    private readonly tops: TopDecls,
  ) {}

  /**
   * Whether a function reads a file (`os.ReadFile`, `os.Open`, `ioutil.ReadFile`, viper's
   * `ReadInConfig`): decoding there loads configuration, elsewhere it is a request body.
   */
  private readsFile(owner: Owner): boolean {
    const top = owner >= 0 ? this.tops.funcTops.get(owner) : undefined;
    const text = top ? this.src.source.slice(top.start, top.end) : '';
    return READS_FILE.test(text);
  }

  readConfigLoads(packageRefs: (path: string) => PackageRef[]) {
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
        const spec = loader.funcs[ref.name];
        if (!spec) continue;
        if (ref.call) this.configLoad(ref.call, spec);
        else if (spec.targetArg === 'type') {
          // `env.ParseAs[Config]()` reads as an index expression called.
          const index = ref.node.parent;
          const call = index?.parent;
          const type = index?.childForFieldName('index');
          if (
            index?.type === 'index_expression' &&
            index.childForFieldName('operand')?.id === ref.node.id &&
            call?.type === 'call_expression' &&
            call.childForFieldName('function')?.id === index.id &&
            type
          )
            this.configLoad(call, spec, type);
        }
      }
    }
    // A streaming decoder's method: `json.NewDecoder(f).Decode(&cfg)`, `dec.Decode(&cfg)` with
    // `dec := yaml.NewDecoder(f)` (one argument: the target), in a function that reads a file.
    if (
      readsFiles &&
      this.imports.paths().some(p => DECODER_PACKAGES.test(p))
    ) {
      for (const m of methodCalls(this.src, 'Decode')) {
        if (!m.value && callArguments(m.call).length === 1)
          this.configLoad(m.call, { loader: 'file', targetArg: 0 });
      }
    }
    this.kratosScans();
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

  /**
   * Kratos' config (its README, "Config"): `c := config.New(config.WithSource(file.NewSource(
   * path)))`, `c.Load()`, then `c.Scan(&bc)` fills the struct from the merged sources, and
   * `c.Value("data").Scan(&d)` from the subtree at that key. The receiver's type is checked by the
   * link (`source`), so that a `rows.Scan(&v)` of the same file loads nothing.
   */
  private kratosScans() {
    const path = this.imports.paths().find(p => KRATOS_CONFIG.test(p));
    if (!path) return;
    for (const m of methodCalls(this.src, 'Scan')) {
      if (m.value || callArguments(m.call).length !== 1) continue;
      let receiver = m.receiver;
      let key: Node | undefined;
      const fn =
        receiver.type === 'call_expression'
          ? receiver.childForFieldName('function')
          : undefined;
      if (
        fn?.type === 'selector_expression' &&
        textOf(this.src, fn.childForFieldName('field')!) === 'Value' &&
        callArguments(receiver).length === 1
      ) {
        key = callArguments(receiver)[0];
        receiver = unparen(fn.childForFieldName('operand')!);
      }
      this.configLoad(m.call, { loader: 'file', targetArg: 0 }, undefined, {
        source: this.values.value(receiver),
        sourceType: `${path}.Config`,
        prefix: key,
        // `config.New`'s default resolver: `${key:default}` in a value.
        resolvesPlaceholders: true,
      });
    }
  }

  /**
   * The defaults the file gives configuration keys: `viper.SetDefault("k", v)` and
   * `v.SetDefault("k", v)` in a file that imports viper, and the entries of a map literal handed
   * to koanf's `confmap.Provider` (nested maps joined with `.`).
   */
  readConfigDefaults(packageRefs: (path: string) => PackageRef[]) {
    if (this.imports.localNames('github.com/spf13/viper').length) {
      for (const site of wordSites(this.src, 'SetDefault')) {
        const selector = site.parent;
        const call = selector?.parent;
        if (
          site.type !== 'field_identifier' ||
          selector?.type !== 'selector_expression' ||
          call?.type !== 'call_expression' ||
          call.childForFieldName('function')?.id !== selector.id
        )
          continue;
        const [key, value] = callArguments(call);
        const k = key && this.values.value(key);
        if (k && value) this.configDefault(call, k, value);
      }
      this.viperBindings();
    }
    for (const imp of this.imports.paths()) {
      if (!/^github\.com\/knadh\/koanf(\/v\d+)?\/providers\/confmap$/.test(imp))
        continue;
      for (const ref of packageRefs(imp)) {
        if (ref.name !== 'Provider' || !ref.call) continue;
        const [map, delim] = callArguments(ref.call);
        const d = delim && this.values.value(delim);
        this.mapEntries(ref.call, map, d?.k === 'lit' ? d.value : '.', '');
      }
    }
    for (const imp of this.imports.paths())
      if (FF.test(imp)) for (const ref of packageRefs(imp)) this.ffEnv(ref);
    for (const imp of this.imports.paths())
      if (KOANF_ENV.test(imp))
        for (const ref of packageRefs(imp))
          if (ref.call && /^Provider(WithValue)?$/.test(ref.name))
            this.koanfEnv(ref.call);
  }

  /**
   * peterbourgon/ff's options that read flags from the environment (ff's README, "Environment
   * variables"): `ff.WithEnvVarPrefix("APP")` gives `-users-addr` the variable `APP_USERS_ADDR`
   * (the flag's name upper-cased, `-`, `.` and `/` as `_`), `ff.WithEnvVars()` the same without
   * a prefix.
   */
  private ffEnv(ref: PackageRef) {
    if (!ref.call || !/^WithEnvVar(Prefix|s)$/.test(ref.name)) return;
    const owner = this.tops.ownerAt(ref.call.startIndex);
    if (owner === undefined) return;
    let prefix = '';
    if (ref.name === 'WithEnvVarPrefix') {
      const p = this.values.value(callArguments(ref.call)[0]);
      if (p.k !== 'lit') return;
      prefix = p.value ? `${p.value}_` : '';
    }
    this.facts.configEnvs.push({
      owner,
      prefix,
      replace: [
        ['-', '_'],
        ['.', '_'],
        ['/', '_'],
      ],
      forFlags: true,
    });
  }

  /**
   * koanf's env provider: v1's `env.Provider(prefix, delim, cb)` (and `ProviderWithValue`), v2's
   * `env.Provider(delim, env.Opt{Prefix: …, TransformFunc: …})`. With a callback, the name is the
   * key upper-cased with the delimiter as `_`, behind the prefix, as the callback koanf's README
   * writes (`strings.Replace(strings.ToLower(strings.TrimPrefix(s, "APP_")), "_", ".", -1)`)
   * turns it back; without one, the name as it is.
   */
  private koanfEnv(call: Node) {
    const owner = this.tops.ownerAt(call.startIndex);
    if (owner === undefined) return;
    const args = callArguments(call);
    let prefix: ValueExpr | undefined;
    let delim: ValueExpr | undefined;
    let transforms = false;
    if (args.length === 3) {
      prefix = this.values.value(args[0]);
      delim = this.values.value(args[1]);
      transforms = textOf(this.src, args[2]) !== 'nil';
    } else if (args.length === 2) {
      delim = this.values.value(args[0]);
      const opt = unparen(args[1]);
      if (opt?.type === 'composite_literal')
        for (const { key, value } of compositeElements(opt)) {
          const name = key && textOf(this.src, key);
          if (name === 'Prefix') prefix = this.values.value(value);
          if (name === 'TransformFunc') transforms = true;
        }
    } else return;
    if (prefix && prefix.k !== 'lit') return;
    const d = delim?.k === 'lit' ? delim.value : '.';
    this.facts.configEnvs.push(
      transforms
        ? { owner, prefix: prefix?.value ?? '', replace: [[d, '_']] }
        : { owner, prefix: '', replace: [], keepCase: true },
    );
  }

  /** The entries of a map literal as defaults, keys joined with `delim` into nested maps. */
  private mapEntries(
    call: Node,
    literal: Node | undefined,
    delim: string,
    prefix: string,
  ) {
    if (literal?.type !== 'composite_literal') return;
    for (const { key: keyNode, value: valueNode } of compositeElements(
      literal,
    )) {
      const key = keyNode && this.values.value(keyNode);
      if (key?.k !== 'lit') continue;
      const path = prefix ? `${prefix}${delim}${key.value}` : key.value;
      if (valueNode.type === 'composite_literal')
        this.mapEntries(call, valueNode, delim, path);
      else this.configDefault(call, path, valueNode);
    }
  }

  /** A default of a key: written as a literal, or a value the link follows (`SetDefault(keyUsers, …)`). */
  private configDefault(
    call: Node,
    key: string | ValueExpr,
    value: Node | ValueExpr,
  ) {
    const owner = this.tops.ownerAt(call.startIndex);
    if (owner === undefined) return;
    if (typeof key !== 'string' && key.k === 'unknown') return;
    let written: { key: string; keyOf?: ValueExpr } = {
      key: '',
      keyOf: key as ValueExpr,
    };
    if (typeof key === 'string') written = { key };
    else if (key.k === 'lit') written = { key: key.value };
    this.facts.configDefaults.push({
      owner,
      ...written,
      value: 'k' in value ? value : this.values.value(value),
    });
  }

  /**
   * What viper reads a key from besides its defaults (viper's README, "Working with Environment
   * Variables" and "Working with Flags"), in a file that imports viper, on the package's viper or
   * a `*viper.Viper` alike:
   * - `BindEnv("key", "A", "B")` reads A or B; `BindEnv("key")` the key upper-cased behind the
   *   `SetEnvPrefix` of the file (`API_USERS.ADDR`);
   * - `AutomaticEnv()` makes every key read that name too ({@link ConfigEnvFacts});
   * - both after the `SetEnvKeyReplacer(strings.NewReplacer(".", "_"))` of the file;
   * - `BindPFlag("key", flags.Lookup("users-addr"))` reads the flag: its default where the file
   *   defines it (`cmd.Flags().String("users-addr", "users:9090", …)`), or the command line;
   *   `BindPFlags(flags)` binds every flag the file defines, each under its own name.
   */
  private viperBindings() {
    const src = this.src.source;
    if (!/\b(BindEnv|AutomaticEnv|BindPFlags?)\b/.test(src)) return;
    const prefix = methodCalls(this.src, 'SetEnvPrefix')
      .map(m => this.values.value(callArguments(m.call)[0]))
      .find(v => v.k === 'lit');
    const replace: [string, string][] = [];
    for (const m of methodCalls(this.src, 'SetEnvKeyReplacer')) {
      const arg = unparen(callArguments(m.call)[0]);
      if (arg?.type !== 'call_expression') continue;
      const words = callArguments(arg).map(a => this.values.value(a));
      for (let i = 0; i + 1 < words.length; i += 2) {
        const [from, to] = [words[i], words[i + 1]];
        if (from.k === 'lit' && to.k === 'lit')
          replace.push([from.value, to.value]);
      }
    }
    // viper's `mergeWithEnvPrefix`: the prefix and `_` in front.
    const env = {
      prefix: prefix?.k === 'lit' && prefix.value ? `${prefix.value}_` : '',
      replace,
    };
    for (const m of methodCalls(this.src, 'AutomaticEnv')) {
      const owner = this.tops.ownerAt(m.call.startIndex);
      if (owner !== undefined && !m.value)
        this.facts.configEnvs.push({ owner, ...env });
    }
    for (const m of methodCalls(this.src, 'BindEnv')) {
      const [key, ...names] = callArguments(m.call).map(a =>
        this.values.value(a),
      );
      if (!key) continue;
      const at = this.values.where(m.call);
      let bound: ValueExpr[] = names;
      if (!names.length && key.k === 'lit')
        bound = [
          {
            k: 'lit',
            value: envNameOf(key.value, { prefix: env.prefix, replace: [] }),
            at: key.at,
          },
        ];
      for (const name of bound)
        this.configDefault(m.call, key, {
          k: 'env',
          name:
            name.k === 'lit'
              ? { ...name, value: replaced(name.value, replace) }
              : name,
          at,
        });
    }
    // The file's flag definitions by name: a literal's value, else the name's text, so that
    // `Lookup(auditFlag)` finds `String(auditFlag, …)`.
    const flagKey = (node: Node, v: ValueExpr) =>
      v.k === 'lit' ? `"${v.value}` : textOf(this.src, node);
    const flags = new Map<string, { name: ValueExpr; value: ValueExpr }>();
    const definitions = () => {
      if (flags.size) return flags;
      for (const [method, valueAt, nameAt] of FLAG_DEFINITIONS)
        for (const m of methodCalls(this.src, method)) {
          const args = callArguments(m.call);
          const name = args[nameAt] && this.values.value(args[nameAt]);
          if (!name || name.k === 'unknown' || args.length !== valueAt + 2)
            continue;
          flags.set(flagKey(args[nameAt], name), {
            name,
            value: flagValue(
              name,
              this.values.value(args[valueAt]),
              this.values.where(m.call),
            ),
          });
        }
      return flags;
    };
    for (const m of methodCalls(this.src, 'BindPFlag')) {
      const [key, flag] = callArguments(m.call);
      const k = key && this.values.value(key);
      const lookup = unparen(flag);
      if (!k || lookup?.type !== 'call_expression') continue;
      const fn = lookup.childForFieldName('function');
      const name = callArguments(lookup)[0];
      const n = name && this.values.value(name);
      if (
        fn?.type !== 'selector_expression' ||
        textOf(this.src, fn.childForFieldName('field')!) !== 'Lookup' ||
        !n ||
        n.k === 'unknown'
      )
        continue;
      this.configDefault(
        m.call,
        k,
        definitions().get(flagKey(name, n))?.value ?? {
          k: 'flag',
          name: n,
          at: this.values.where(lookup),
        },
      );
    }
    for (const m of methodCalls(this.src, 'BindPFlags'))
      for (const { name, value } of definitions().values())
        this.configDefault(m.call, name, value);
  }

  /**
   * The defaults of urfave/cli flags (v1, v2, v3): each `cli.XxxFlag{…}` literal's `Name` (v1's
   * `"addr, a"` form too) and `Aliases` get its `Value`, or what its environment variables hold
   * (`EnvVars: []string{…}`, v1's `EnvVar: "A,B"`, v3's `Sources: cli.EnvVars(…)`), which the
   * flag takes when set (urfave/cli docs, "Values from the Environment").
   */
  readCliFlags(packageRefs: (path: string) => PackageRef[]) {
    for (const imp of this.imports.paths()) {
      if (!URFAVE_CLI.test(imp)) continue;
      for (const ref of packageRefs(imp)) {
        const literal = ref.node.parent;
        if (
          !ref.name.endsWith('Flag') ||
          literal?.type !== 'composite_literal' ||
          literal.childForFieldName('type')?.id !== ref.node.id
        )
          continue;
        this.cliFlag(literal);
      }
    }
  }

  private cliFlag(literal: Node) {
    const owner = this.tops.ownerAt(literal.startIndex);
    if (owner === undefined) return;
    const fields = new Map<string, Node>();
    for (const { key, value } of compositeElements(literal))
      if (key?.type === 'identifier' || key?.type === 'field_identifier')
        fields.set(textOf(this.src, key), value);
    const strings = (node: Node | undefined): string[] => {
      if (!node) return [];
      const v = this.values.value(node);
      if (v.k === 'lit') return v.value.split(',').map(s => s.trim());
      // `[]string{"A", "B"}`, or v3's `cli.EnvVars("A", "B")`.
      const list = node.childForFieldName(
        node.type === 'composite_literal' ? 'body' : 'arguments',
      );
      return (list?.namedChildren ?? []).flatMap(c =>
        c ? strings(c.type === 'literal_element' ? c.namedChild(0)! : c) : [],
      );
    };
    const names = [
      ...strings(fields.get('Name')),
      ...strings(fields.get('Aliases')),
    ].filter(Boolean);
    const envs = [
      ...strings(fields.get('EnvVars')),
      ...strings(fields.get('EnvVar')),
      ...strings(fields.get('Sources')),
    ].filter(name => ENV_NAME.test(name));
    const valueNode = fields.get('Value');
    const where = refOf(this.src, literal);
    const of: ValueExpr[] = [
      ...(valueNode ? [this.values.value(valueNode)] : []),
      ...envs.map(
        (name): ValueExpr => ({
          k: 'env',
          name: { k: 'lit', value: name, at: where },
          at: where,
        }),
      ),
    ];
    if (!of.length) return;
    const value: ValueExpr = of.length === 1 ? of[0] : { k: 'any', of };
    for (const key of names)
      this.facts.configDefaults.push({ owner, key, value, flag: true });
  }

  private configLoad(
    call: Node,
    spec: {
      loader: ConfigLoadFacts['loader'];
      prefixArg?: number;
      targetArg: number | 'type';
      optionsArg?: number;
    },
    typeArgument?: Node,
    method?: {
      source: ValueExpr;
      sourceType: string;
      prefix?: Node;
      resolvesPlaceholders?: boolean;
    },
  ) {
    const owner = this.tops.ownerAt(call.startIndex);
    if (owner === undefined) return;
    if (spec.loader === 'file' && !method && !this.readsFile(owner)) return;
    const args = callArguments(call);
    let target: ValueExpr | undefined;
    if (spec.targetArg === 'type') {
      const type =
        typeArgument ?? call.childForFieldName('type_arguments')?.namedChild(0);
      const t = type?.type === 'type_elem' ? type.namedChild(0) : type;
      if (t) target = { k: 'new', type: this.values.types.ofNode(t) };
    } else {
      const arg = args[spec.targetArg];
      if (arg) target = this.values.value(arg);
    }
    if (!target) return;
    let prefix =
      spec.prefixArg !== undefined
        ? this.values.value(args[spec.prefixArg])
        : undefined;
    if (method?.prefix) prefix = this.values.value(method.prefix);
    const options =
      spec.optionsArg !== undefined ? args[spec.optionsArg] : undefined;
    if (options?.type === 'composite_literal') {
      for (const { key, value } of compositeElements(options))
        if (key && textOf(this.src, key) === 'Prefix')
          prefix = this.values.value(value);
    }
    let written: { prefix?: string; prefixOf?: ValueExpr } = {};
    if (prefix?.k === 'lit') written = { prefix: prefix.value };
    else if (prefix && prefix.k !== 'unknown') written = { prefixOf: prefix };
    this.facts.configLoads.push({
      owner,
      loader: spec.loader,
      ...written,
      target,
      ...(method
        ? {
            source: method.source,
            sourceType: method.sourceType,
            ...(method.resolvesPlaceholders
              ? { resolvesPlaceholders: true as const }
              : {}),
          }
        : {}),
      at: this.values.where(call),
    });
  }
}
