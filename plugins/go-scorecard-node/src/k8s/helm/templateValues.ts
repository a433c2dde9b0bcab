import { isPlainMap } from '../../text/isPlainMap';
import { stringify } from 'yaml';

/**
 * A value the renderer cannot know (`.Release.Revision` aside, what `lookup`, `.Capabilities`,
 * `.Files` or an undefined helper give). It spreads: a field of it, a function of it, is unknown.
 */
export const UNKNOWN: unique symbol = Symbol('unknown template value');

/** What unknown template output inside a value (`image: {{ .Values.image }}`) becomes. */
export const TEMPLATE_PLACEHOLDER = '__TEMPLATE__';

/**
 * What an unknown value prints as: the renderer later turns a line holding nothing else into
 * an empty line it marks opaque, and one inside other text into a placeholder.
 */
export const UNKNOWN_MARK = '\u0001';

/**
 * What unknown output that may be YAML structure prints as (a named template the tree lacks,
 * `toYaml` or `tpl` of an unknown value): a line holding it is opaque even when other text
 * shares it (`{{- include "lib.lifecycle" . }}` trimmed onto the line before).
 */
export const OPAQUE_MARK = '\u0002';

/** Whether a string holds unknown output of either kind. */
function hasMark(s: string): boolean {
  return s.includes(UNKNOWN_MARK) || s.includes(OPAQUE_MARK);
}

/** Whether a value is unknown, or a string or structure holding an unknown part. */
export function hasUnknown(v: unknown, depth = 0): boolean {
  if (v === UNKNOWN) return true;
  if (typeof v === 'string') return hasMark(v);
  if (depth > 50 || v === null || typeof v !== 'object') return false;
  return Object.values(v as object).some(x => hasUnknown(x, depth + 1));
}

/**
 * Go template truth (text/template: false, 0, nil, and empty strings, lists and maps are
 * false), or undefined when the value is unknown.
 */
export function truth(v: unknown): boolean | undefined {
  if (v === UNKNOWN) return undefined;
  if (v === null || v === undefined || v === false || v === 0 || v === '')
    return false;
  if (typeof v === 'string' && hasMark(v)) return true;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** How Go's fmt prints a value in a template (`%v`); nil prints nothing, as Helm renders it. */
export function printValue(v: unknown): string {
  if (v === UNKNOWN) return UNKNOWN_MARK;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(printValue).join(' ')}]`;
  if (typeof v === 'object')
    return `map[${Object.keys(v as object)
      .sort()
      .map(k => `${k}:${printValue((v as Record<string, unknown>)[k])}`)
      .join(' ')}]`;
  return String(v);
}

/** Helm's `toYaml` (sigs.k8s.io/yaml: keys sorted, no trailing newline); unknown when any part is. */
export function toYaml(v: unknown): string {
  if (hasUnknown(v)) return OPAQUE_MARK;
  if (v === undefined) return 'null';
  // Helm's toYaml writes a value shared by two places (a values.yaml alias) out twice: no
  // anchors, which sorted keys could put after their alias.
  return stringify(v, {
    sortMapEntries: true,
    lineWidth: 0,
    aliasDuplicateObjects: false,
  }).replace(/\n+$/, '');
}

/** Deep merge of Helm values: maps merge key by key, `over` wins elsewhere; neither input changes. */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (!isPlainMap(base) || !isPlainMap(over)) return over ?? base;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeValues(base[k], v);
  return out;
}

// A map of the values tree is a plain map; the Helm modules take the test from here.
export { isPlainMap };
