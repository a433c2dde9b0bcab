import { NotAllowedError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import { basename, dirname, sep } from 'node:path';

/**
 * Where a local source comes from, as the entity wrote it: what an error may name.
 * Never a resolved or absolute server path the entity did not write itself.
 */
export interface LocalSourceOrigin {
  /** The annotation, e.g. `backstage.io/source-location` or `go-scorecard/manifests-location`. */
  annotation: string;
  /**
   * Its value as written in the entity, e.g. `dir:../../etc`. For a source taken from
   * the folder of `backstage.io/managed-by-location`, the folder as the entity sees it
   * (`dir:.`), not the catalog's absolute location.
   */
  value: string;
}

/**
 * An absolute path in running text: `/` then at least one character, at the start or
 * after a space, quote, bracket, `=` or `,` (so URLs like `https://host/x` are left alone).
 */
const ABSOLUTE_PATH = /(^|[\s'"`([=,])(\/[^\s'"`)\],;]+)/g;

/** The end of every refusal: one text for "not found" and "not allowed", so no existence oracle. */
const REFUSED = 'cannot be read: not found or outside goScorecard.localRoots';

/**
 * The folders below which local (`dir:` / `file:`) sources may be read. A target is
 * resolved through symlinks first, so `..`, absolute paths and links that lead out of
 * every root are refused.
 */
export class LocalRoots {
  constructor(private readonly roots: string[]) {}

  /**
   * The real folder to read for `target` (a file target means its folder). A target
   * that does not exist and one outside every root are refused alike: one
   * NotAllowedError, one message, naming only `origin` (what the entity wrote), never
   * the resolved path. Without `origin` the message names the target relative to its
   * allowed root, or no path at all.
   */
  async resolveFolder(
    target: string,
    origin?: LocalSourceOrigin,
  ): Promise<string> {
    const name = this.describe(target, origin);
    if (!this.roots.length) {
      throw new NotAllowedError(
        `${name} cannot be read: no goScorecard.localRoots are configured`,
      );
    }
    const folder = await realFolder(target);
    if (folder !== undefined) {
      for (const root of this.roots) {
        const realRoot = await fs.realpath(root).catch(() => undefined);
        if (realRoot && pathBelow(realRoot, folder) !== undefined)
          return folder;
      }
    }
    throw this.refusal(target, origin);
  }

  /**
   * The one refusal of a local source (see {@link LocalRoots.resolveFolder}), also for a
   * folder that changed into a way out between the check and the read.
   */
  refusal(target: string, origin?: LocalSourceOrigin): NotAllowedError {
    return new NotAllowedError(`${this.describe(target, origin)} ${REFUSED}`);
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

  /**
   * `text` (an error message, a note) with every absolute path in it replaced by what
   * callers may see: its {@link displayPath} below an allowed root, else `<server path>`.
   */
  redactPaths(text: string): string {
    return text.replace(
      ABSOLUTE_PATH,
      (_match, lead: string, path: string) =>
        lead + (this.displayPath(path) ?? '<server path>'),
    );
  }

  /** What a refusal names: the origin as written, else the lexical target below a root. */
  private describe(target: string, origin?: LocalSourceOrigin): string {
    if (origin) return `Local source ${origin.value} (${origin.annotation})`;
    const shown = this.displayPath(target);
    return shown === undefined ? 'Local source' : `Local source ${shown}`;
  }
}

/** The real folder of `target` (its own folder for a file), or undefined when unreadable. */
async function realFolder(target: string): Promise<string | undefined> {
  try {
    const real = await fs.realpath(target);
    const stat = await fs.stat(real);
    return stat.isDirectory() ? real : dirname(real);
  } catch {
    return undefined;
  }
}

/** `path` relative to `root` when it is `root` itself or below it, else undefined. */
function pathBelow(root: string, path: string): string | undefined {
  if (path === root) return '';
  const prefix = root.endsWith(sep) ? root : root + sep;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}
