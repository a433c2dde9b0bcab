import { ConfigLoadFacts, FieldFacts, ValueExpr, Where } from '../facts';
import { Program, ResolvedType, Site } from './program';
import type { Origin } from './origins';

/**
 * A config loader's view of one field: the loader, its env prefix, and the field's path from the
 * loaded struct (`Auth`, `GRPC`, `Host` for `cfg.Auth.GRPC.Host`).
 */
export interface FieldLoad {
  loader: ConfigLoadFacts['loader'];
  prefix?: string;
  /** A prefix to follow where the load is (`conf.Parse(prefix, &cfg)` with `const prefix = "SALES"`). */
  prefixOf?: { expr: ValueExpr; site: Site };
  /** Names of the fields from the loaded struct down to this one. */
  fieldPath: string[];
  /**
   * Keys of the same path as a file loader reads them (tag names, else lower-cased field names),
   * each level's names: one, or a protobuf field's two (see {@link keyNames}).
   */
  keyPath: string[][];
  /**
   * What the enclosing struct fields add to the field's environment variable: for envconfig,
   * their keys joined by `_` (`CLIENTS` of `Clients struct{ PaymentsAddr … }`); for caarlos0/env,
   * their `envPrefix` tags run together (`SEARCH_`).
   */
  envPath?: string;
  at: Where;
}

/**
 * An envconfig key part of a field: its `envconfig` tag's name, else its name (split into
 * words with `split_words:"true"`), upper case (kelseyhightower/envconfig, gatherInfo).
 */
function envconfigKey(field: FieldFacts): string {
  const tags = parseTag(field.tag ?? '');
  const tagged = envconfigName(tags.get('envconfig'));
  if (tagged) return tagged.toUpperCase();
  return tags.get('split_words') === 'true'
    ? upperSnake(field.name)
    : field.name.toUpperCase();
}

/**
 * The variable name an `envconfig` tag gives (its first part), unless that part is an option:
 * vrischmann/envconfig writes `envconfig:"default=…"` with no name.
 */
function envconfigName(tag: string | undefined): string | undefined {
  const first = tag?.split(',')[0].trim();
  return first && !first.includes('=') ? first : undefined;
}

/** The env path a field gives the fields of its struct (see {@link FieldLoad.envPath}). */
function innerEnvPath(
  loader: ConfigLoadFacts['loader'],
  field: FieldFacts,
  outer: string | undefined,
): string | undefined {
  if (field.embedded) return outer;
  if (loader === 'envconfig') {
    const key = envconfigKey(field);
    return outer ? `${outer}_${key}` : key;
  }
  if (loader === 'env') {
    const prefix = parseTag(field.tag ?? '').get('envPrefix');
    return prefix ? (outer ?? '') + prefix : outer;
  }
  return outer;
}

/** Most struct levels followed below a loaded struct. */
const MAX_NESTING = 6;

/**
 * The values of a struct tag (reflect.StructTag's convention: `key:"value" key2:"value2"`).
 * Malformed parts end the reading, as `reflect.StructTag.Lookup` does.
 */
export function parseTag(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\s*([^\s:"]+):"((?:[^"\\]|\\.)*)"/y;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    let value = m[2];
    try {
      value = JSON.parse(`"${m[2]}"`);
    } catch {
      // keep the raw text
    }
    if (!out.has(m[1])) out.set(m[1], value);
  }
  return out;
}

/** `DBHost` → `DB_HOST` (ardanlabs/conf and envconfig's split words). */
function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}

const FILE_TAGS = ['mapstructure', 'yaml', 'json', 'toml', 'koanf'];

/**
 * The names a file loader reads a field under: its tag's name, else the field name in lower
 * case. A field protoc-gen-go writes (`protobuf:"bytes,2,opt,name=grpc_addr,json=grpcAddr,proto3"`)
 * is read by protojson, as Kratos' config `Scan` decodes, under its proto name and its JSON name
 * both (protojson's Unmarshal accepts either).
 */
function keyNames(field: FieldFacts): string[] | undefined {
  const tags = parseTag(field.tag ?? '');
  let names: string[] | undefined;
  for (const t of FILE_TAGS) {
    const v = tags.get(t);
    if (v === undefined) continue;
    const name = v.split(',')[0];
    if (name === '-') return undefined;
    if (name) {
      names = [name];
      break;
    }
  }
  names ??= [field.name.toLowerCase()];
  for (const option of tags.get('protobuf')?.split(',') ?? []) {
    const [key, value] = option.split('=');
    if ((key === 'name' || key === 'json') && value && !names.includes(value))
      names.push(value);
  }
  return names;
}

/** Every dotted key a path of names gives (`a`, `b|c` → `a.b`, `a.c`). */
function keysOf(path: string[][]): string[] {
  let out = [''];
  for (const names of path)
    out = out.flatMap(prefix =>
      names.map(name => (prefix ? `${prefix}.${name}` : name)),
    );
  return out;
}

/** An environment variable name among a tag's options (cleanenv's `env:"HOST,SERVER_HOST"`). */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * The parts of an `env:"…"` tag: the variable names (the first part, and for cleanenv every
 * part in capitals: `env:"HOST,SERVER_HOST"`; caarlos0/env's and go-envconfig's options are
 * lower case) and sethvargo/go-envconfig's default (`env:"ADDR, default=cart:7070"`: the text
 * after `default=` to the end, commas included, as go-envconfig reads it).
 */
function envTag(env: string): { names: string[]; def?: string } {
  const parts = env.split(',');
  const names = parts[0].trim() ? [parts[0].trim()] : [];
  for (let i = 1; i < parts.length; i++) {
    const option = parts[i].trimStart();
    if (option.startsWith('default='))
      return {
        names,
        def: [option, ...parts.slice(i + 1)].join(',').slice('default='.length),
      };
    if (ENV_NAME.test(option.trim())) names.push(option.trim());
  }
  return { names };
}

/**
 * The origins a field's declaration gives it: defaults in its tags (envconfig and creasty
 * `default:"…"`, caarlos0 `envDefault:"…"`, cleanenv `env-default:"…"`, go-envconfig
 * `env:"X, default=…"`, ardanlabs `conf:"default:…"`), environment variables its tags or a
 * loader name (`envconfig:"X"`, `env:"X"`, `conf:"env:X"`, a prefix and the field path), and
 * configuration keys a file loader reads it under.
 */
export function tagOrigins(field: FieldFacts, loads: FieldLoad[]): Origin[] {
  const at = field.at;
  const out: Origin[] = [];
  const tags = parseTag(field.tag ?? '');
  const envs = new Set<string>();
  const env = tags.get('env');
  const fromEnv = env !== undefined ? envTag(env) : { names: [] };
  const def =
    tags.get('default') ??
    tags.get('envDefault') ??
    tags.get('env-default') ??
    fromEnv.def;
  if (def !== undefined && def !== '')
    out.push({ k: 'string', value: def, at });
  const conf = tags.get('conf');
  if (conf !== undefined) {
    for (const option of conf.split(',')) {
      const [key, ...rest] = option.split(':');
      const value = rest.join(':');
      if (key === 'default' && value) out.push({ k: 'string', value, at });
      if (key === 'env' && value) envs.add(value);
    }
  }
  const envconfig = tags.get('envconfig');
  const envconfigVar = envconfigName(envconfig);
  if (envconfigVar) envs.add(envconfigVar);
  // vrischmann/envconfig: `envconfig:"ADDR,default=cart:7070"`.
  const envconfigDefault = envconfig
    ?.split(',')
    .find(o => o.trim().startsWith('default='));
  if (envconfigDefault && def === undefined)
    out.push({
      k: 'string',
      value: envconfigDefault.trim().slice('default='.length),
      at,
    });
  // Read as written unless a caarlos0/env load is known: it puts its prefixes in front.
  if (!loads.some(l => l.loader === 'env'))
    for (const name of fromEnv.names) envs.add(name);
  for (const load of loads) {
    if (load.loader === 'file') {
      // A prefix is the key the struct is read at (Kratos' `c.Value("data").Scan(&d)`).
      const under = load.prefix ? [[load.prefix]] : [];
      for (const key of keysOf([...under, ...load.keyPath]))
        out.push({ k: 'config', key, at });
      continue;
    }
    // A prefix the link could not follow leaves the variable's name unknown.
    if (load.prefixOf && load.prefix === undefined) continue;
    const prefix = load.prefix ? `${load.prefix.toUpperCase()}_` : '';
    if (load.loader === 'conf') {
      if (!conf?.split(',').some(o => o.startsWith('env:')))
        envs.add(prefix + load.fieldPath.map(upperSnake).join('_'));
    } else if (load.loader === 'envconfig') {
      // envconfig: the tag's name, else the field name, split at word boundaries with
      // `split_words:"true"` (`ModelAddr` → `MODEL_ADDR`), below the keys of the enclosing
      // struct fields and the prefix; a tagged name is also read alone (its `Alt`).
      const key = envconfigKey(field);
      envs.add(prefix + (load.envPath ? `${load.envPath}_${key}` : key));
      if (envconfigVar) envs.add(envconfigVar.toUpperCase());
    } else if (fromEnv.names.length) {
      // caarlos0/env: Options.Prefix as written, then the enclosing fields' envPrefix tags.
      envs.add((load.prefix ?? '') + (load.envPath ?? '') + fromEnv.names[0]);
    }
  }
  // The tag's defaults are what the field holds when none of its variables is set.
  const defaultFor = envs.size ? { defaultFor: [...envs] } : {};
  const defaults = out.map(o =>
    o.k === 'string' ? { ...o, ...defaultFor } : o,
  );
  for (const name of envs) defaults.push({ k: 'env', name, at });
  // jessevdk/go-flags' `long:"users-addr"`: the command line's `--users-addr` sets the field.
  const long = tags.get('long');
  if (long) defaults.push({ k: 'flag', name: long, at });
  return defaults;
}

/** Which fields config loaders fill, by field key: found once from the loaders' target types. */
export class FieldTags {
  private byField: Map<string, FieldLoad[]> | undefined;

  constructor(private readonly program: Program) {}

  /** The loads that fill the field with this key. */
  loadsOf(fieldKey: string): FieldLoad[] {
    if (!this.byField) {
      this.byField = new Map();
      for (const file of this.program.facts.goFiles) {
        for (const load of file.program.configLoads) {
          const site = { file, owner: load.owner };
          // A method that loads (`c.Scan(&bc)`) does so on a value of its loader's type only.
          if (load.source) {
            const source = this.program.typeOf(load.source, site);
            if (source.k !== 'named' || source.key !== load.sourceType)
              continue;
          }
          const target =
            load.target.k === 'addr' ? load.target.of : load.target;
          const root = this.program.typeOf(target, site);
          const prefixOf = load.prefixOf && { expr: load.prefixOf, site };
          this.walk(root, load, prefixOf, [], [], 0);
        }
      }
    }
    return this.byField.get(fieldKey) ?? [];
  }

  private walk(
    type: ResolvedType,
    load: ConfigLoadFacts,
    prefixOf: FieldLoad['prefixOf'],
    fieldPath: string[],
    keyPath: string[][],
    depth: number,
    envPath?: string,
  ) {
    if (depth > MAX_NESTING) return;
    const u = this.program.underlying(type);
    if (u.k !== 'struct') return;
    for (const f of u.fields) {
      const key = this.program.fieldKey(type, f.name);
      const names = keyNames(f);
      if (!key || names === undefined) continue;
      // A file's list items are read under the list's key, a map's entries one key below it
      // (`backends: [{addr: …}]` is `backends.addr`; `clients: {users: {addr: …}}` is
      // `clients.*.addr` for a `map[string]Client`).
      let elem = f.type;
      const entries: string[] = [];
      while (load.loader === 'file' && entries.length < 4) {
        if (elem.k === 'pointer' || elem.k === 'slice' || elem.k === 'array')
          elem = elem.elem;
        else if (elem.k === 'map') {
          elem = elem.elem;
          entries.push('*');
        } else break;
      }
      const entry: FieldLoad = {
        loader: load.loader,
        ...(load.prefix ? { prefix: load.prefix } : {}),
        ...(prefixOf ? { prefixOf } : {}),
        fieldPath: f.embedded ? fieldPath : [...fieldPath, f.name],
        keyPath: f.embedded
          ? keyPath
          : [...keyPath, names, ...entries.map(e => [e])],
        ...(envPath ? { envPath } : {}),
        at: load.at,
      };
      this.byField!.set(key, [...(this.byField!.get(key) ?? []), entry]);
      const inner = this.program.resolveType(elem, {
        file: u.file,
        owner: -1,
      });
      this.walk(
        inner,
        load,
        prefixOf,
        entry.fieldPath,
        entry.keyPath,
        depth + 1,
        innerEnvPath(load.loader, f, envPath),
      );
    }
  }
}
