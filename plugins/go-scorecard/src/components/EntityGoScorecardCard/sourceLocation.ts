/** Where the scanned files live, from the result's `root`: a URL the SCM integrations know, or a local folder. */
export type ScannedSource =
  | { type: 'url'; base: string }
  | { type: 'local'; path: string };

/** Parses the backend's `url:<url>` / `local:<path>` root (a bare URL or path is accepted too). */
export function parseScannedSource(
  root: string | undefined,
): ScannedSource | undefined {
  if (!root) return undefined;
  const match = /^(url|local|dir|file):(.*)$/.exec(root);
  const [type, target] = match ? [match[1], match[2]] : [undefined, root];
  if (type === 'url' || (!type && /^https?:\/\//.test(target))) {
    return { type: 'url', base: target.endsWith('/') ? target : `${target}/` };
  }
  return { type: 'local', path: target };
}

/**
 * The base URL pinned to the scanned commit, for linking files: the ref after `/tree/` or
 * `/blob/` (GitHub, GitLab; `tree` becomes `blob`) or `/src/` (Gitea, Bitbucket Cloud), or
 * Bitbucket Server's `at=`, becomes the SHA. Unknown shapes stay as they are.
 */
export function pinToRevision(
  base: string,
  commit: string | undefined,
): string {
  if (!commit) return base;
  const url = new URL(base);
  if (url.searchParams.has('at')) {
    url.searchParams.set('at', commit);
    return url.toString();
  }
  url.pathname = url.pathname.replace(
    /\/(-\/)?(tree|blob|src)\/[^/]+\//,
    (_m, dash = '', kind) =>
      `/${dash}${kind === 'tree' ? 'blob' : kind}/${commit}/`,
  );
  return url.toString();
}

/** Joins a finding's relative path to a local root for display. */
export function localPath(root: string, path: string): string {
  return `${root.replace(/\/+$/, '')}/${path}`;
}
