import { parseSourceLocation } from './resolveSourceLocation';

/**
 * A repository and one of its branches, as a push event names them: the repository's
 * web and clone URLs (`https://github.com/acme/shop`, `https://github.com/acme/shop.git`)
 * and the branch pushed to.
 */
export interface RepositoryBranch {
  /** The repository's URLs; a trailing `.git` or `/` is ignored. */
  repositoryUrls: string[];
  branch: string;
  /** Whether `branch` is the repository's default branch (a location naming no branch reads it). */
  isDefaultBranch: boolean;
}

/**
 * The repository URLs of `target` in the form stored locations are compared with:
 * no trailing `.git` or `/`, lowercased (hosts, owners and repository names of GitHub
 * are case-insensitive). Undefined for a value that is not an http(s) URL.
 */
export function repositoryKey(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return undefined;
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\.git$/i, '');
  if (path.split('/').filter(Boolean).length < 2) return undefined;
  return `${parsed.protocol}//${parsed.host}${path}`.toLowerCase();
}

/**
 * Whether a stored location (`url:…`, see `stringifySourceLocation`) reads the tree of
 * `pushed` at its branch: the repository's own URL (which the UrlReader reads at the
 * default branch), or a `tree/<branch>` or `blob/<branch>` path below it, GitHub's URL
 * forms. The repository compares case-insensitively, the branch exactly. A local
 * location never matches.
 */
export function locationReadsBranch(
  stored: string,
  pushed: RepositoryBranch,
): boolean {
  let target: string;
  try {
    const location = parseSourceLocation(stored);
    if (location.type !== 'url') return false;
    target = location.target;
  } catch {
    return false;
  }
  for (const url of pushed.repositoryUrls) {
    const key = repositoryKey(url);
    if (!key || target.length < key.length) continue;
    if (target.slice(0, key.length).toLowerCase() !== key) continue;
    let rest = target.slice(key.length);
    if (/^\.git(\/|$|\?|#)/i.test(rest)) rest = rest.slice(4);
    // Another repository whose name starts with this one's (`shop` and `shop-api`).
    if (rest && !/^[/?#]/.test(rest)) continue;
    const path = rest.replace(/[?#].*$/, '').replace(/^\/+/, '');
    if (!path) {
      if (pushed.isDefaultBranch) return true;
      continue;
    }
    const match = /^(?:tree|blob)\/(.+)$/.exec(path);
    if (!match) continue;
    const ref = decodeURIComponentSafe(match[1]);
    if (ref === pushed.branch || ref.startsWith(`${pushed.branch}/`))
      return true;
  }
  return false;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
