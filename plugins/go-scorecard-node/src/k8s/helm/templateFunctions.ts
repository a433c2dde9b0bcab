import { createHash } from 'node:crypto';
import { parse as parseYamlText } from 'yaml';
import {
  hasUnknown,
  isPlainMap,
  mergeValues,
  printValue,
  toYaml,
  truth,
  UNKNOWN,
  UNKNOWN_MARK,
  OPAQUE_MARK,
} from './templateValues';

/** A template function: its arguments, the piped value last, as text/template passes them. */
export type TemplateFunction = (...args: unknown[]) => unknown;

const str = (v: unknown): string => printValue(v);
const isNil = (v: unknown): boolean => v === null || v === undefined;

function length(v: unknown): number {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  return isPlainMap(v) ? Object.keys(v).length : 0;
}

/** The value unless it is unknown: an unknown argument makes the whole call unknown. */
function known(
  fn: (...args: unknown[]) => unknown,
): (...args: unknown[]) => unknown {
  return (...args) => (args.some(a => a === UNKNOWN) ? UNKNOWN : fn(...args));
}

/** Like {@link known}, for the first argument only (a pattern, not the text it applies to). */
function knownFirst(
  fn: (...args: unknown[]) => unknown,
): (...args: unknown[]) => unknown {
  return (...args) => (args[0] === UNKNOWN ? UNKNOWN : fn(...args));
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The lower-case words of `FirstName`, `first-name`, `first_name` (sprig's snakecase, kebabcase). */
function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map(w => w.toLowerCase());
}

function indent(n: unknown, s: unknown): string {
  const pad = ' '.repeat(Number(n) || 0);
  return pad + str(s).replace(/\n/g, `\n${pad}`);
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = str(a);
  const y = str(b);
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

/** `%s %v %d %q %t %%` and friends, widths and flags read and ignored. */
function printf(format: unknown, ...args: unknown[]): string {
  let i = 0;
  return str(format).replace(
    /%([-+# 0]*\d*(?:\.\d+)?)([a-zA-Z%])/g,
    (_, _flags, verb: string) => {
      if (verb === '%') return '%';
      const v = args[i++];
      if (verb === 'q') return JSON.stringify(str(v));
      if (verb === 'd')
        return v === UNKNOWN ? UNKNOWN_MARK : String(Math.trunc(Number(v)));
      return str(v);
    },
  );
}

function andOr(stopOn: boolean) {
  return (...args: unknown[]): unknown => {
    let unknown = false;
    for (const a of args) {
      const t = truth(a);
      if (t === undefined) unknown = true;
      else if (t === stopOn && !unknown) return a;
    }
    return unknown ? UNKNOWN : args[args.length - 1];
  };
}

function index(v: unknown, ...keys: unknown[]): unknown {
  let cur = v;
  for (const k of keys) {
    if (cur === UNKNOWN || k === UNKNOWN) return UNKNOWN;
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[String(k)] ?? null;
  }
  return cur;
}

/**
 * The functions of Go templates and of Helm's sprig library that charts use to build
 * manifests (https://helm.sh/docs/chart_template_guide/function_list/), evaluated on known
 * values. A function not listed here gives an unknown value.
 */
export const TEMPLATE_FUNCTIONS: Record<string, TemplateFunction> = {
  // text/template
  not: v => (truth(v) === undefined ? UNKNOWN : !truth(v)),
  and: andOr(false),
  or: andOr(true),
  eq: known((a, ...bs) => bs.some(b => a === b || (isNil(a) && isNil(b)))),
  ne: known((a, b) => a !== b),
  lt: known((a, b) => compare(a, b) < 0),
  le: known((a, b) => compare(a, b) <= 0),
  gt: known((a, b) => compare(a, b) > 0),
  ge: known((a, b) => compare(a, b) >= 0),
  len: known(length),
  index,
  print: (...args) => args.map(str).join(''),
  println: (...args) => `${args.map(str).join(' ')}\n`,
  printf,
  // sprig, Helm
  default: (d, v) => (v === UNKNOWN || truth(v) ? v : d ?? null),
  required: (_msg, v) => v,
  empty: v => (truth(v) === undefined ? UNKNOWN : !truth(v)),
  coalesce: (...args) => {
    for (const a of args) {
      const t = truth(a);
      if (t === undefined) return UNKNOWN;
      if (t) return a;
    }
    return null;
  },
  ternary: (a, b, cond) => {
    const t = truth(cond);
    if (t === undefined) return UNKNOWN;
    return t ? a : b;
  },
  quote: (...args) =>
    args.map(a => (isNil(a) ? '""' : JSON.stringify(str(a)))).join(' '),
  squote: (...args) => args.map(a => `'${str(a)}'`).join(' '),
  toYaml,
  toJson: v => (hasUnknown(v) ? OPAQUE_MARK : JSON.stringify(v ?? null)),
  toPrettyJson: v =>
    hasUnknown(v) ? OPAQUE_MARK : JSON.stringify(v ?? null, null, '  '),
  toString: (v: unknown) => str(v),
  indent: (n, s) => indent(n, s),
  nindent: (n, s) => `\n${indent(n, s)}`,
  trim: s => str(s).trim(),
  // An unknown prefix, suffix or pattern leaves the result unknown; an unknown part of the
  // string itself stays marked in the text.
  trimSuffix: knownFirst((suf, s) =>
    str(s).endsWith(str(suf))
      ? str(s).slice(0, -str(suf).length || undefined)
      : str(s),
  ),
  trimPrefix: knownFirst((pre, s) =>
    str(s).startsWith(str(pre)) ? str(s).slice(str(pre).length) : str(s),
  ),
  repeat: known((n, s) => str(s).repeat(Math.max(0, Number(n) || 0))),
  substr: known((start, end, s) => {
    const t = str(s);
    const a = Number(start);
    const b = Number(end);
    if (a < 0) return t.slice(0, b);
    if (b < 0 || b > t.length) return t.slice(a);
    return t.slice(a, b);
  }),
  nospace: known(s => str(s).replace(/\s+/g, '')),
  untitle: known(s => str(s).replace(/\b\w/g, c => c.toLowerCase())),
  snakecase: known(s => words(str(s)).join('_')),
  kebabcase: known(s => words(str(s)).join('-')),
  camelcase: known(s =>
    str(s)
      .split('_')
      .map(w => w.charAt(0).toUpperCase() + w.slice(1))
      .join(''),
  ),
  split: known((sep, s) => {
    const out: Record<string, string> = {};
    str(s)
      .split(str(sep))
      .forEach((part, i) => {
        out[`_${i}`] = part;
      });
    return out;
  }),
  splitn: known((sep, n, s) => {
    const out: Record<string, string> = {};
    const parts = str(s).split(str(sep));
    const k = Math.max(1, Number(n) || 1);
    const kept = [...parts.slice(0, k - 1), parts.slice(k - 1).join(str(sep))];
    kept.forEach((part, i) => {
      out[`_${i}`] = part;
    });
    return out;
  }),
  append: known((l, v) => [...asList(l), v]),
  prepend: known((l, v) => [v, ...asList(l)]),
  rest: known(l => asList(l).slice(1)),
  initial: known(l => asList(l).slice(0, -1)),
  reverse: known(l => [...asList(l)].reverse()),
  without: known((l, ...vs) => asList(l).filter(x => !vs.includes(x))),
  toStrings: known(l => asList(l).map(str)),
  sortAlpha: known(l => asList(l).map(str).sort()),
  until: known(n =>
    Array.from({ length: Math.max(0, Number(n) || 0) }, (_, i) => i),
  ),
  trimAll: (cut, s) => {
    const chars = new Set(str(cut));
    const t = str(s);
    let a = 0;
    let b = t.length;
    while (a < b && chars.has(t[a])) a++;
    while (b > a && chars.has(t[b - 1])) b--;
    return t.slice(a, b);
  },
  trunc: (n, s) => {
    const t = str(s);
    const k = Number(n);
    return k >= 0 ? t.slice(0, k) : t.slice(k);
  },
  lower: s => str(s).toLowerCase(),
  upper: s => str(s).toUpperCase(),
  title: s => str(s).replace(/\b\w/g, c => c.toUpperCase()),
  replace: (from, to, s) => str(s).split(str(from)).join(str(to)),
  contains: known((sub, s) => str(s).includes(str(sub))),
  hasPrefix: known((pre, s) => str(s).startsWith(str(pre))),
  hasSuffix: known((suf, s) => str(s).endsWith(str(suf))),
  cat: (...args) =>
    args
      .filter(a => !isNil(a))
      .map(str)
      .join(' '),
  join: (sep, list) =>
    Array.isArray(list) ? list.map(str).join(str(sep)) : str(list),
  int: known(v => Math.trunc(Number(v)) || 0),
  int64: known(v => Math.trunc(Number(v)) || 0),
  float64: known(v => Number(v) || 0),
  atoi: known(v => Math.trunc(Number(v)) || 0),
  list: (...args) => args,
  dict: (...args) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i + 1 < args.length; i += 2)
      out[str(args[i])] = args[i + 1];
    return out;
  },
  get: known((m, k) => (isPlainMap(m) ? m[str(k)] ?? '' : '')),
  hasKey: known((m, k) => isPlainMap(m) && str(k) in m),
  keys: known((...maps) =>
    maps.flatMap(m => (isPlainMap(m) ? Object.keys(m) : [])),
  ),
  merge: (dst, ...srcs) =>
    srcs.reduceRight((acc, s) => mergeValues(s, acc), dst as unknown),
  mergeOverwrite: (dst, ...srcs) =>
    srcs.reduce((acc, s) => mergeValues(acc, s), dst as unknown),
  // `set` and `unset` change the map they are given and return it, as sprig's do.
  set: (m, k, v) => {
    if (m === UNKNOWN || k === UNKNOWN) return UNKNOWN;
    if (isPlainMap(m)) m[str(k)] = v;
    return m;
  },
  unset: (m, k) => {
    if (m === UNKNOWN || k === UNKNOWN) return UNKNOWN;
    if (isPlainMap(m)) delete m[str(k)];
    return m;
  },
  omit: known((m, ...ks) => {
    if (!isPlainMap(m)) return {};
    const drop = new Set(ks.map(str));
    return Object.fromEntries(Object.entries(m).filter(([k]) => !drop.has(k)));
  }),
  pick: known((m, ...ks) => {
    if (!isPlainMap(m)) return {};
    const keep = new Set(ks.map(str));
    return Object.fromEntries(Object.entries(m).filter(([k]) => keep.has(k)));
  }),
  tuple: (...args) => args,
  fromYaml: known(s => {
    try {
      const v = parseYamlText(str(s));
      return isPlainMap(v) ? v : {};
    } catch (e) {
      return { Error: (e as Error).message };
    }
  }),
  fromYamlArray: known(s => {
    try {
      const v = parseYamlText(str(s));
      return Array.isArray(v) ? v : [];
    } catch {
      return [];
    }
  }),
  fromJson: known(s => {
    try {
      const v = JSON.parse(str(s));
      return isPlainMap(v) ? v : {};
    } catch (e) {
      return { Error: (e as Error).message };
    }
  }),
  sha256sum: known(s => createHash('sha256').update(str(s)).digest('hex')),
  ceil: known(n => Math.ceil(Number(n))),
  floor: known(n => Math.floor(Number(n))),
  round: known((n, p) => {
    const k = 10 ** (Number(p) || 0);
    return Math.round(Number(n) * k) / k;
  }),
  addf: known((...ns) => ns.reduce((a: number, n) => a + Number(n), 0)),
  subf: known((a, ...ns) =>
    ns.reduce((x: number, n) => x - Number(n), Number(a)),
  ),
  mulf: known((...ns) => ns.reduce((a: number, n) => a * Number(n), 1)),
  divf: known((a, ...ns) =>
    ns.reduce((x: number, n) => x / Number(n), Number(a)),
  ),
  deepCopy: v => v,
  typeOf: known(v => goType(v)),
  kindOf: known(v => goKind(v)),
  typeIs: known((t, v) => goType(v) === str(t)),
  kindIs: known((k, v) => goKind(v) === str(k)),
  b64enc: known(s => Buffer.from(str(s)).toString('base64')),
  b64dec: known(s => Buffer.from(str(s), 'base64').toString()),
  splitList: known((sep, s) => str(s).split(str(sep))),
  first: known(l => (Array.isArray(l) ? l[0] ?? null : null)),
  last: known(l => (Array.isArray(l) ? l[l.length - 1] ?? null : null)),
  has: known((x, l) => Array.isArray(l) && l.includes(x)),
  compact: known(l => (Array.isArray(l) ? l.filter(x => truth(x)) : [])),
  uniq: known(l => (Array.isArray(l) ? [...new Set(l)] : [])),
  concat: known((...ls) => ls.flatMap(l => (Array.isArray(l) ? l : []))),
  dig: (...args) => {
    const m = args[args.length - 1];
    const d = args[args.length - 2];
    let cur: unknown = m;
    for (const k of args.slice(0, -2)) {
      if (cur === UNKNOWN) return UNKNOWN;
      if (!isPlainMap(cur) || !(str(k) in cur)) return d;
      cur = cur[str(k)];
    }
    return cur;
  },
  add: known((...ns) => ns.reduce((a: number, n) => a + Number(n), 0)),
  add1: known(n => Number(n) + 1),
  sub: known((a, b) => Number(a) - Number(b)),
  mul: known((...ns) => ns.reduce((a: number, n) => a * Number(n), 1)),
  div: known((a, b) => Math.trunc(Number(a) / Number(b))),
  max: known((...ns) => Math.max(...ns.map(Number))),
  min: known((...ns) => Math.min(...ns.map(Number))),
  base: known(s => str(s).replace(/\/+$/, '').split('/').pop() ?? ''),
  regexMatch: known((re, s) => safeRegExp(str(re))?.test(str(s)) ?? UNKNOWN),
  regexReplaceAll: known((re, s, to) => {
    const r = safeRegExp(str(re), 'g');
    return r
      ? str(s).replace(r, str(to).replace(/\$\{?(\w+)\}?/g, '$$$1'))
      : UNKNOWN;
  }),
  fail: () => UNKNOWN,
};

// sprig's must* functions return an error where the others give an empty value; a chart that
// renders either way reads the same here.
for (const name of [
  'merge',
  'mergeOverwrite',
  'append',
  'prepend',
  'rest',
  'initial',
  'reverse',
  'without',
  'first',
  'last',
  'has',
  'compact',
  'uniq',
  'toYaml',
  'toJson',
  'toPrettyJson',
  'regexMatch',
  'regexReplaceAll',
  'fromJson',
]) {
  const fn = TEMPLATE_FUNCTIONS[name];
  if (fn)
    TEMPLATE_FUNCTIONS[`must${name[0].toUpperCase()}${name.slice(1)}`] ??= fn;
}

/** A regular expression of Go's RE2 syntax JavaScript reads the same way, or undefined. */
function safeRegExp(source: string, flags = ''): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

/** Go's `reflect.Kind` name of a values-tree value (sprig `kindOf`). */
function goKind(v: unknown): string {
  if (Array.isArray(v)) return 'slice';
  if (isPlainMap(v)) return 'map';
  // Helm decodes values files through JSON: every number is a float64.
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (v === null || v === undefined) return 'invalid';
  return 'string';
}

/** Go's type name of a values-tree value as Helm decodes YAML (sprig `typeOf`). */
function goType(v: unknown): string {
  const kind = goKind(v);
  if (kind === 'slice') return '[]interface {}';
  if (kind === 'map') return 'map[string]interface {}';
  if (kind === 'invalid') return '<nil>';
  return kind;
}
