import { Where } from '../facts';
import { parseGoDuration } from './goDuration';

/**
 * Where a value may come from, after following it through the program: a string or a number
 * written in the code (or in a struct tag), an environment variable, or a configuration key. `at`
 * is where it is written (the literal, the tag, the getenv call). `defaultFor` of a string or
 * number: the environment variables it is the default of (a tag's `envDefault:"45s"` beside
 * `env:"SHUTDOWN_TIMEOUT"`, `getenv("SHUTDOWN_TIMEOUT", "45s")`): a workload that gives one of
 * them a value does not get this one. `template` of an env, config or flag origin: the value it
 * is part of (see {@link SLOT}).
 */
export type Origin =
  | { k: 'string'; value: string; at: Where; defaultFor?: string[] }
  /** A number; `seconds` when it is a duration in seconds (else a plain number, or nanoseconds). */
  | {
      k: 'number';
      value: number;
      seconds: boolean;
      at: Where;
      defaultFor?: string[];
    }
  | { k: 'env'; name: string; at: Where; unit?: number; template?: string }
  | {
      k: 'config';
      key: string;
      at: Where;
      unit?: number;
      template?: string;
    }
  /** A command-line flag by name: what a workload's container `args` give it. */
  | { k: 'flag'; name: string; at: Where; unit?: number; template?: string };

/**
 * Stands in a string for a part whose value is not known (`"cart:" + strconv.Itoa(port)` is
 * `cart:\u0000`): what is known around it can still be judged (the host), and a check that
 * needs the unknown part sees that it is not text. Never valid in a host name, env name or key.
 */
export const UNKNOWN_TEXT = '\u0000';

/**
 * Stands in an external origin's `template` for what the environment, the key or the flag
 * gives: `metadata-svc.\u0001.svc.cluster.local.:50400` for an env variable formatted into a
 * fully qualified name. Other unknown parts are {@link UNKNOWN_TEXT}. Never valid in a name.
 */
export const SLOT = '\u0001';

/**
 * Open and close a mark, in a template, of where another variable of the same value goes
 * (`\u0002env:NS\u0003`): `SVC + "." + NS` is judged with both filled from the same container.
 */
const MARK_OPEN = '\u0002';
const MARK_CLOSE = '\u0003';

/** What a template's other variables give, by kind and name; undefined when not known. */
export type OtherValue = (
  kind: 'env' | 'flag' | 'config',
  name: string,
) => string | undefined;

/**
 * The value an external origin gives, in the value it is part of (its `template`), with the
 * template's other variables as `other` gives them (else {@link UNKNOWN_TEXT}).
 */
export function filled(
  o: { template?: string },
  value: string,
  other: OtherValue = () => undefined,
): string {
  if (!o.template) return value;
  const text = o.template.replace(SLOT, value);
  let out = '';
  let at = 0;
  for (let open = text.indexOf(MARK_OPEN); open >= 0; ) {
    const close = text.indexOf(MARK_CLOSE, open);
    if (close < 0) break;
    const mark = text.slice(open + 1, close);
    const colon = mark.indexOf(':');
    out +=
      text.slice(at, open) +
      (other(
        mark.slice(0, colon) as 'env' | 'flag' | 'config',
        mark.slice(colon + 1),
      ) ?? UNKNOWN_TEXT);
    at = close + 1;
    open = text.indexOf(MARK_OPEN, at);
  }
  return out + text.slice(at);
}

/** A variable's place in the template of another part of the same value. */
function markOf(o: Extract<Origin, { k: 'env' | 'flag' | 'config' }>): string {
  const mark = `${MARK_OPEN}${o.k}:${
    o.k === 'config' ? o.key : o.name
  }${MARK_CLOSE}`;
  return o.template ? o.template.replace(SLOT, mark) : mark;
}

/**
 * The texts a side of a value built from parts may have: its strings, and its variables marked
 * (see {@link MARK_OPEN}); {@link UNKNOWN_TEXT} when it has neither.
 */
function partTexts(side: Origin[]): string[] {
  const out = side.flatMap(o => {
    if (o.k === 'string') return [o.value];
    return isExternal(o) ? [markOf(o)] : [];
  });
  return out.length ? out.slice(0, 4) : [UNKNOWN_TEXT];
}

/** The external origins of one side of a value built from parts, each in that value's template. */
function inTemplates(
  side: Origin[],
  wrap: (template: string) => string[],
): Origin[] {
  return side.flatMap(o =>
    isExternal(o)
      ? wrap(o.template ?? SLOT)
          .slice(0, 4)
          .map(template => ({ ...o, template }))
      : [],
  );
}

/** Whether an origin is read from outside the code (the environment, a config key, a flag). */
export function isExternal(
  o: Origin,
): o is Extract<Origin, { k: 'env' | 'config' | 'flag' }> {
  return o.k === 'env' || o.k === 'config' || o.k === 'flag';
}

/**
 * `unit` of an env or config origin: the seconds its value counts when it is a bare number scaled
 * by a time unit (`time.Duration(n) * time.Second` with `n` from `strconv.Atoi(os.Getenv(…))`);
 * absent, the value is read as a duration string (`"45s"`).
 */
export function scaledSeconds(
  o: { unit?: number },
  value: string,
): number | undefined {
  if (o.unit === undefined) return parseGoDuration(value);
  const n = value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(n) ? n * o.unit : undefined;
}

/** A value for a message: its unknown parts as `…`. */
export function displayValue(value: string): string {
  return value.split(UNKNOWN_TEXT).join('…');
}

/** A URL-like scheme in front of a name (`dns:///`, `passthrough:///`, `http://host/`). */
const SCHEME_PREFIX =
  /^(?:[a-z][a-z0-9+.-]*:\/\/[^/]*\/?|(?:dns|passthrough|unix|unix-abstract|xds|ipv4|ipv6):)/i;

/**
 * Where a value built from parts is written: at the part that holds its first character past a
 * leading scheme (`"dns:///" + addr` is where `addr`'s value is written; `"cart:" + port` is
 * where `"cart:"` is), so that a finding about the name points at the literal that carries it.
 */
function placeOf(parts: { text: string; at: Where }[]): Where {
  const whole = parts.map(p => p.text).join('');
  let offset = SCHEME_PREFIX.exec(whole)?.[0].length ?? 0;
  if (offset >= whole.length) offset = 0;
  for (const p of parts) {
    if (offset < p.text.length && p.text[offset] !== UNKNOWN_TEXT) return p.at;
    offset = Math.max(0, offset - p.text.length);
  }
  return parts[0].at;
}

/** Most origins kept for one value. */
export const MAX_ORIGINS = 64;
const FORMAT_VERB = /%[-+# 0-9.*]*[a-zA-Z%]/g;

function originText(o: Origin): string {
  switch (o.k) {
    case 'env':
    case 'flag':
      return `${o.name}*${o.unit ?? ''}*${o.template ?? ''}`;
    case 'config':
      return `${o.key}*${o.unit ?? ''}*${o.template ?? ''}`;
    default:
      return String(o.value);
  }
}

/** The origins, each once, at most {@link MAX_ORIGINS}. */
export function unique(origins: Origin[]): Origin[] {
  const seen = new Set<string>();
  const out: Origin[] = [];
  for (const o of origins) {
    const key = `${o.k}|${originText(o)}|${o.at.path}:${o.at.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(o);
    if (out.length >= MAX_ORIGINS) break;
  }
  return out;
}

/**
 * Seconds rounded to whole nanoseconds, the resolution of a Go `time.Duration`: the float error
 * of scaling (`60e9` ns is 60 s, not 60.00000000000001) is dropped.
 */
export function durationResolution(seconds: number): number {
  return Math.round(seconds * 1e9) / 1e9;
}

/**
 * The seconds of an origin read as a `time.Duration`: a number with a time unit, a bare number
 * (nanoseconds), or a duration string (`"20s"`, a config default).
 */
export function durationSeconds(o: Origin): number | undefined {
  if (o.k === 'number') return o.seconds ? o.value : o.value * 1e-9;
  if (o.k === 'string') return parseGoDuration(o.value);
  return undefined;
}

/** A string origin's value, a number's as text. */
export function originValueText(o: Origin): string | undefined {
  if (o.k === 'string') return o.value;
  if (o.k === 'number') return String(o.value);
  return undefined;
}

/** `+`, `-`, `*`, `/` on the origins of two operands (env, config and flag origins pass through). */
export function binaryOrigins(
  op: string,
  left: Origin[],
  right: Origin[],
): Origin[] {
  const out: Origin[] = [];
  // Environment, config and flag origins of either side still feed the value; times a time unit
  // (`time.Duration(n) * time.Second`), their values count that unit.
  const passed = (side: Origin[], other: Origin[]): Origin[] => {
    const units =
      op === '*'
        ? other.flatMap(o => (o.k === 'number' && o.seconds ? [o.value] : []))
        : [];
    return side.flatMap(o => {
      if (!isExternal(o)) return [];
      if (units.length === 0) return [o];
      return units.map(u => ({ ...o, unit: u * (o.unit ?? 1) }));
    });
  };
  // Joined to text, the variable is judged in the value it is part of (`"users." + ns`); added
  // to a number (`n + 5`), it stays as it is.
  const numeric = [...left, ...right].some(o => o.k === 'number');
  if (op === '+' && !numeric)
    out.push(
      ...inTemplates(left, t => partTexts(right).map(r => t + r)),
      ...inTemplates(right, t => partTexts(left).map(l => l + t)),
    );
  else out.push(...passed(left, right), ...passed(right, left));
  let ls = left.filter(o => o.k === 'string' || o.k === 'number');
  let rs = right.filter(o => o.k === 'string' || o.k === 'number');
  // A string joined to a part not known (`"cart:" + strconv.Itoa(port)`) keeps what is known.
  if (op === '+' && ls.length > 0 !== rs.length > 0) {
    const at = (ls[0] ?? rs[0]).at;
    if (!ls.length) ls = [{ k: 'string', value: UNKNOWN_TEXT, at }];
    else rs = [{ k: 'string', value: UNKNOWN_TEXT, at }];
    if ([...ls, ...rs].some(o => o.k === 'number')) return out;
  }
  for (const l of ls) {
    for (const r of rs) {
      if (out.length >= MAX_ORIGINS) return out;
      if (l.k === 'number' && r.k === 'number') {
        const seconds = l.seconds || r.seconds;
        let value: number | undefined;
        if (op === '*') value = l.value * r.value;
        else if (op === '/' && r.value) value = l.value / r.value;
        else if (op === '+') value = l.value + r.value;
        else if (op === '-') value = l.value - r.value;
        if (value !== undefined)
          out.push({
            k: 'number',
            value,
            seconds: op === '/' ? l.seconds : seconds,
            at: l.at,
          });
      } else if (op === '+') {
        const lt = originValueText(l)!;
        const rt = originValueText(r)!;
        out.push({
          k: 'string',
          value: lt + rt,
          at: placeOf([
            { text: lt, at: l.at },
            { text: rt, at: r.at },
          ]),
        });
      }
    }
  }
  return out;
}

/**
 * `fmt.Sprintf`: the formatted values. An argument without a known value is
 * {@link UNKNOWN_TEXT} in them, unless no argument has one.
 */
export function formatOrigins(
  format: string,
  args: Origin[][],
  at: Where,
): Origin[] {
  const verbs = format.match(FORMAT_VERB)?.filter(v => v !== '%%') ?? [];
  const values = args.map(a =>
    a.filter(o => o.k === 'string' || o.k === 'number'),
  );
  if (verbs.length !== args.length) return args.flat().filter(isExternal);
  // A variable formatted into text is judged in the value it is part of, the other parts as
  // they are (`fmt.Sprintf("metadata-svc.%s.svc.cluster.local.:50400", os.Getenv("POD_NS"))`).
  const out: Origin[] = args.flatMap((a, i) =>
    inTemplates(a, t =>
      formatted(
        format,
        args.map((other, j) =>
          j === i
            ? [t]
            : [
                ...values[j].map(v => originValueText(v)!),
                ...other.filter(isExternal).map(markOf),
              ].slice(0, 4),
        ),
      ),
    ),
  );
  if (args.length > 0 && values.every(v => v.length === 0)) return out;
  let combos: Origin[][] = [[]];
  for (const part of values) {
    const each: Origin[] = part.length
      ? part
      : [{ k: 'string', value: UNKNOWN_TEXT, at }];
    combos = combos.flatMap(c => each.map(v => [...c, v])).slice(0, 16);
  }
  for (const c of combos) {
    const parts: { text: string; at: Where }[] = [];
    let literal = '';
    let last = 0;
    let verb = 0;
    for (const m of format.matchAll(FORMAT_VERB)) {
      literal += format.slice(last, m.index);
      last = m.index! + m[0].length;
      if (m[0] === '%%') {
        literal += '%';
        continue;
      }
      parts.push({ text: literal, at });
      literal = '';
      const arg = c[verb++];
      parts.push({ text: originValueText(arg)!, at: arg.at });
    }
    parts.push({ text: literal + format.slice(last), at });
    out.push({
      k: 'string',
      value: parts.map(p => p.text).join(''),
      at: placeOf(parts),
    });
  }
  return out;
}

/** A format's texts with each verb replaced by one of its argument's texts (unknown: {@link UNKNOWN_TEXT}). */
function formatted(format: string, args: string[][]): string[] {
  let texts = [''];
  let last = 0;
  let verb = 0;
  for (const m of format.matchAll(FORMAT_VERB)) {
    const literal = format.slice(last, m.index);
    last = m.index! + m[0].length;
    if (m[0] === '%%') {
      texts = texts.map(t => `${t + literal}%`);
      continue;
    }
    const arg = args[verb++] ?? [];
    const each = arg.length ? arg : [UNKNOWN_TEXT];
    texts = texts.flatMap(t => each.map(a => t + literal + a)).slice(0, 4);
  }
  return texts.map(t => t + format.slice(last));
}
