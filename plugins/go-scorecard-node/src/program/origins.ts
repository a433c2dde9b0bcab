import { Where } from '../facts';
import { parseGoDuration } from './goDuration';

/**
 * Where a value may come from, after following it through the program: a string or a number
 * written in the code (or in a struct tag), an environment variable, or a configuration key. `at`
 * is where it is written (the literal, the tag, the getenv call).
 */
export type Origin =
  | { k: 'string'; value: string; at: Where }
  /** A number; `seconds` when it is a duration in seconds (else a plain number, or nanoseconds). */
  | { k: 'number'; value: number; seconds: boolean; at: Where }
  | { k: 'env'; name: string; at: Where }
  | { k: 'config'; key: string; at: Where };

/** Most origins kept for one value. */
export const MAX_ORIGINS = 64;
const FORMAT_VERB = /%[-+# 0-9.*]*[a-zA-Z%]/g;

function originText(o: Origin): string {
  switch (o.k) {
    case 'env':
      return o.name;
    case 'config':
      return o.key;
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

/** `+`, `-`, `*`, `/` on the origins of two operands (env and config origins pass through). */
export function binaryOrigins(
  op: string,
  left: Origin[],
  right: Origin[],
): Origin[] {
  const out: Origin[] = [];
  // Environment and config origins of either side still feed the value.
  out.push(
    ...left.filter(o => o.k === 'env' || o.k === 'config'),
    ...right.filter(o => o.k === 'env' || o.k === 'config'),
  );
  const ls = left.filter(o => o.k === 'string' || o.k === 'number');
  const rs = right.filter(o => o.k === 'string' || o.k === 'number');
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
        out.push({
          k: 'string',
          value: originValueText(l)! + originValueText(r)!,
          at: l.at,
        });
      }
    }
  }
  return out;
}

/** `fmt.Sprintf`: the formatted values when every argument has values. */
export function formatOrigins(
  format: string,
  args: Origin[][],
  at: Where,
): Origin[] {
  const out: Origin[] = args
    .flat()
    .filter(o => o.k === 'env' || o.k === 'config');
  const verbs = format.match(FORMAT_VERB)?.filter(v => v !== '%%') ?? [];
  const values = args.map(a =>
    a.filter(o => o.k === 'string' || o.k === 'number'),
  );
  if (verbs.length !== args.length || values.some(v => v.length === 0))
    return out;
  let combos: Origin[][] = [[]];
  for (const part of values)
    combos = combos.flatMap(c => part.map(v => [...c, v])).slice(0, 16);
  for (const c of combos) {
    let i = 0;
    const value = format.replace(FORMAT_VERB, v =>
      v === '%%' ? '%' : originValueText(c[i++])!,
    );
    out.push({ k: 'string', value, at: c[0]?.at ?? at });
  }
  return out;
}
