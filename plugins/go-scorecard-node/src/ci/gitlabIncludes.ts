import { isMap, isScalar, isSeq, Node } from 'yaml';
import { NodeReader } from '../yaml/nodes';
import { parseYaml } from '../yaml/parseYaml';

/** A `remote` include written as a plain string: a URL. */
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A local include as written, without the leading `/` (GitLab reads it from the repository's root). */
function localPath(written: string): string | undefined {
  const path = written.trim();
  if (!path || URL.test(path)) return undefined;
  return path.replace(/^\/+/, '');
}

/**
 * The files of the repository a GitLab CI/CD configuration includes (GitLab docs, "CI/CD YAML
 * syntax reference: include", "Use CI/CD configuration from other files"): the top-level
 * `include:` as one path (`include: 'ci/proto.yml'`), a `local:` mapping, or a list of either.
 * Paths are the repository root's, with any leading `/` removed; they may hold `*` and `**`
 * (see {@link matchesLocalInclude}). `remote`, `template`, `project` and `component`
 * includes, and plain strings that are URLs, lie outside the tree and are left out. A file that
 * does not parse includes nothing (its reader reports it).
 */
export function gitlabLocalIncludes(text: string): string[] {
  if (!/^include\s*:/m.test(text)) return [];
  let docs;
  try {
    docs = parseYaml(text).docs;
  } catch {
    return [];
  }
  const paths: string[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) continue;
    const reader = new NodeReader(doc);
    const include = reader.get(doc.contents, 'include');
    const entries: (Node | undefined)[] = isSeq(include)
      ? reader.items(include)
      : [include];
    for (const entry of entries) {
      let written: string | undefined;
      if (isScalar(entry) && typeof entry.value === 'string')
        written = entry.value;
      else if (isMap(entry)) written = reader.string(entry, 'local');
      const path = written === undefined ? undefined : localPath(written);
      if (path) paths.push(path);
    }
  }
  return paths;
}

/**
 * Whether a repository path matches a local include: the path itself, or, with wildcards as
 * GitLab documents them, `*` any part of one folder's name (`configs/*.yml`: that folder only)
 * and `**` any run of folders too (`configs/**.yml`: that folder and those below it).
 */
export function matchesLocalInclude(include: string, path: string): boolean {
  if (!include.includes('*')) return include === path;
  const pattern = include
    .split(/(\*\*|\*)/)
    .map(part => {
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${pattern}$`).test(path);
}

/**
 * The top-level `variables:` of a GitLab CI/CD file (GitLab docs, "CI/CD YAML syntax
 * reference: variables"): a name to a string, number or boolean, or to a mapping with
 * `value:` (the form with `description:`). GitLab merges included files into one
 * configuration, so these reach the jobs of every file of it. A file that does not parse
 * sets none.
 */
export function gitlabGlobalVariables(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!/^variables\s*:/m.test(text)) return out;
  let docs;
  try {
    docs = parseYaml(text).docs;
  } catch {
    return out;
  }
  for (const doc of docs) {
    if (doc.errors.length > 0) continue;
    const reader = new NodeReader(doc);
    const variables = reader.resolve(reader.get(doc.contents, 'variables'));
    if (!isMap(variables)) continue;
    for (const pair of variables.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      let value = reader.resolve(pair.value as Node | undefined);
      if (isMap(value)) value = reader.resolve(reader.get(value, 'value'));
      if (
        name &&
        isScalar(value) &&
        value.value !== null &&
        typeof value.value !== 'object'
      )
        out[name] = String(value.value);
    }
  }
  return out;
}
