import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import { basename, dirname, sep } from 'node:path';

/**
 * The folders below which local (`dir:` / `file:`) sources may be read. A target is
 * resolved through symlinks first, so `..`, absolute paths and links that lead out of
 * every root are refused.
 */
export class LocalRoots {
  constructor(private readonly roots: string[]) {}

  /**
   * The real folder to read for `target` (a file target means its folder). Throws
   * NotAllowedError outside the roots, NotFoundError when it does not exist.
   */
  async resolveFolder(target: string): Promise<string> {
    if (!this.roots.length) {
      throw new NotAllowedError(
        `Local source ${target} cannot be read: no goScorecard.localRoots are configured`,
      );
    }
    let real: string;
    try {
      real = await fs.realpath(target);
    } catch {
      throw new NotFoundError(`Local source ${target} does not exist`);
    }
    const stat = await fs.stat(real);
    const folder = stat.isDirectory() ? real : dirname(real);
    for (const root of this.roots) {
      const realRoot = await fs.realpath(root).catch(() => undefined);
      if (realRoot && pathBelow(realRoot, folder) !== undefined) return folder;
    }
    throw new NotAllowedError(
      `Local source ${target} (${folder}) is outside the allowed goScorecard.localRoots`,
    );
  }

  /**
   * How a local folder is shown to API callers: under the name of the allowed root that
   * holds it (`examples/checkout-service` for `/srv/portal/examples/checkout-service`
   * with root `/srv/portal/examples`), so the server's own layout stays private.
   * Undefined outside every root.
   */
  displayPath(folder: string): string | undefined {
    for (const root of this.roots) {
      const below = pathBelow(root, folder);
      if (below !== undefined) {
        return [basename(root), ...below.split(sep)].filter(Boolean).join('/');
      }
    }
    return undefined;
  }
}

/** `path` relative to `root` when it is `root` itself or below it, else undefined. */
function pathBelow(root: string, path: string): string | undefined {
  if (path === root) return '';
  const prefix = root.endsWith(sep) ? root : root + sep;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}
