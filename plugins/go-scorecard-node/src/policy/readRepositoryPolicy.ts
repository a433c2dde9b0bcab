import { isMap, isScalar, isSeq, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { getCheck } from '@internal/plugin-go-scorecard-common';
import { firstError, parseYaml } from '../yaml/parseYaml';
import { messageOf } from '../text/messageOf';
import {
  CheckSetting,
  RepositoryPolicy,
  RepositoryWaiver,
} from './policyTypes';

const TOP_KEYS = ['waivers', 'checks'];
const WAIVER_KEYS = ['check', 'path', 'reason', 'expires'];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads `.go-scorecard.yaml` (design.md, "Policy as code"). Never throws: a file that does
 * not parse gives one problem and no entries; an unknown key, a bad date, a missing reason
 * or an unknown check id gives a problem naming its line, and only that entry is dropped.
 */
export function readRepositoryPolicy(text: string): RepositoryPolicy {
  const policy: RepositoryPolicy = { waivers: [], checks: [], problems: [] };
  let parsed;
  try {
    parsed = parseYaml(text);
  } catch (e) {
    policy.problems.push(`not read: ${messageOf(e)}`);
    return policy;
  }
  const { docs, lines } = parsed;
  const doc = docs.find(d => d.contents !== null || d.errors.length);
  if (!doc) return policy;
  const error = firstError(doc, lines);
  if (error) {
    policy.problems.push(`not read: ${error}`);
    return policy;
  }
  if (docs.length > 1) {
    policy.problems.push(
      `${lineOf(
        docs[1].contents,
        lines,
        'line ?',
      )}: only the first YAML document is read`,
    );
  }
  const line = (node: unknown) => lineNumber(node, lines);
  const root = doc.contents;
  if (!isMap(root)) {
    policy.problems.push(
      `line ${line(
        root,
      )}: expected a mapping with "waivers" and "checks"; nothing applied`,
    );
    return policy;
  }
  for (const pair of (root as YAMLMap).items) {
    const key = keyOf(pair);
    if (key === 'waivers') readWaivers(pair.value, policy, line);
    else if (key === 'checks') readChecks(pair.value, policy, line);
    else
      policy.problems.push(
        `line ${line(pair.key)}: unknown key "${key}" (expected ${TOP_KEYS.join(
          ' or ',
        )}); ignored`,
      );
  }
  return policy;
}

function readWaivers(
  value: unknown,
  policy: RepositoryPolicy,
  line: (node: unknown) => number,
) {
  if (value === null || (isScalar(value) && value.value === null)) return;
  if (!isSeq(value)) {
    policy.problems.push(
      `line ${line(value)}: "waivers" must be a list of waivers; none applied`,
    );
    return;
  }
  for (const item of value.items) {
    const at = line(item);
    if (!isMap(item)) {
      policy.problems.push(
        `line ${at}: a waiver must be a mapping with check, reason and expires; not applied`,
      );
      continue;
    }
    const fields = new Map<string, unknown>();
    const wrong: string[] = [];
    for (const pair of (item as YAMLMap).items) {
      const key = keyOf(pair);
      if (WAIVER_KEYS.includes(key)) fields.set(key, scalarText(pair.value));
      else
        wrong.push(
          `line ${line(
            pair.key,
          )}: unknown key "${key}" in a waiver (expected ${WAIVER_KEYS.join(
            ', ',
          )}); waiver not applied`,
        );
    }
    const check = fields.get('check');
    const reason = fields.get('reason');
    const expires = fields.get('expires');
    const path = fields.get('path');
    const about = typeof check === 'string' ? ` for ${check}` : '';
    const problems = [...wrong];
    if (typeof check !== 'string' || !check) {
      problems.push(`line ${at}: waiver without a check id; not applied`);
    } else if (!getCheck(check)) {
      problems.push(
        `line ${at}: unknown check "${check}" in a waiver; not applied`,
      );
    }
    if (typeof reason !== 'string' || !reason.trim()) {
      problems.push(
        `line ${at}: waiver${about} has no reason; not applied (a reason is required)`,
      );
    }
    if (expires === undefined) {
      problems.push(
        `line ${at}: waiver${about} has no expires date; not applied (YYYY-MM-DD is required)`,
      );
    } else if (typeof expires !== 'string' || !isDay(expires)) {
      problems.push(
        `line ${at}: waiver${about} expires "${String(
          expires,
        )}", not a date (YYYY-MM-DD); not applied`,
      );
    }
    let scope: string | undefined;
    if (path !== undefined) {
      scope = typeof path === 'string' ? normalScope(path) : undefined;
      if (!scope) {
        problems.push(
          `line ${at}: waiver${about} has path "${String(
            path,
          )}", which is not a relative path inside the repository; not applied`,
        );
      }
    }
    if (problems.length) {
      policy.problems.push(...problems);
      continue;
    }
    const waiver: RepositoryWaiver = {
      check: check as string,
      reason: (reason as string).trim(),
      expires: expires as string,
      line: at,
    };
    if (scope) waiver.path = scope;
    policy.waivers.push(waiver);
  }
}

function readChecks(
  value: unknown,
  policy: RepositoryPolicy,
  line: (node: unknown) => number,
) {
  if (value === null || (isScalar(value) && value.value === null)) return;
  if (!isMap(value)) {
    policy.problems.push(
      `line ${line(
        value,
      )}: "checks" must map check ids to off or on; none applied`,
    );
    return;
  }
  for (const pair of (value as YAMLMap).items) {
    const check = keyOf(pair);
    const at = line(pair.key);
    if (!getCheck(check)) {
      policy.problems.push(
        `line ${at}: unknown check "${check}" under checks; ignored`,
      );
      continue;
    }
    const setting = scalarText(pair.value);
    // YAML 1.1 readers take a bare off as false: accept both spellings.
    let enabled: boolean | undefined;
    if (setting === 'on' || setting === true) enabled = true;
    else if (setting === 'off' || setting === false) enabled = false;
    if (enabled === undefined) {
      policy.problems.push(
        `line ${at}: checks.${check} is "${String(
          setting,
        )}"; expected off or on; ignored`,
      );
      continue;
    }
    const entry: CheckSetting = { check, enabled, line: at };
    policy.checks.push(entry);
  }
}

function keyOf(pair: Pair<unknown, unknown>): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** A scalar's value (strings and booleans as such, a number as written), or a marker for collections. */
function scalarText(node: unknown): unknown {
  if (isScalar(node)) {
    const { value } = node;
    if (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      value === null
    )
      return value;
    return (node as { source?: string }).source ?? String(value);
  }
  if (isSeq(node)) return '[a list]';
  if (isMap(node)) return '{a mapping}';
  return node;
}

function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() + 1 === Number(m[2]) &&
    date.getUTCDate() === Number(m[3])
  );
}

/** `deploy/x.yaml`, `./deploy/` → `deploy`; undefined for absolute paths or `..`. */
function normalScope(path: string): string | undefined {
  const trimmed = path
    .trim()
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (!trimmed || trimmed === '.') return undefined;
  if (trimmed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(trimmed))
    return undefined;
  if (trimmed.split('/').some(part => part === '..')) return undefined;
  return trimmed;
}

function lineNumber(node: unknown, lines: LineCounter): number {
  const range = (node as Node | undefined)?.range;
  return range ? lines.linePos(range[0]).line : 1;
}

function lineOf(node: unknown, lines: LineCounter, fallback: string): string {
  const range = (node as Node | undefined)?.range;
  return range ? `line ${lines.linePos(range[0]).line}` : fallback;
}
