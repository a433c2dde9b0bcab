import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError, NotModifiedError } from '@backstage/errors';
import {
  DirectoryTree,
  isAnalyzedPath,
  TreeProblem,
} from '@internal/plugin-go-scorecard-node';
import { createHash } from 'node:crypto';
import { BufferedFile, BufferedTree } from './BufferedTree';
import { LocalRoots, LocalSourceOrigin } from './LocalRoots';
import { parseSourceLocation, SourceLocation } from './resolveSourceLocation';

/** Files from `go-scorecard/manifests-location` appear under this folder of the scanned tree. */
export const MANIFESTS_PREFIX = 'manifests-location/';

/** What to fetch: stored locations and the ETag of the last analyzed fetch. */
export interface FetchRequest {
  source?: string;
  manifests?: string;
  sourceError?: string;
  /** For local locations: the annotations they come from, as written (what a refusal names). */
  origins?: { source?: LocalSourceOrigin; manifests?: LocalSourceOrigin };
  etag?: string;
}

/** The outcome of a fetch: unchanged since the given ETag, or a tree to analyze. */
export type FetchResult =
  | { unchanged: true }
  | { unchanged: false; tree: BufferedTree; etag: string; root: string };

type SingleFetch =
  | { unchanged: true }
  | {
      unchanged: false;
      files: BufferedFile[];
      problems: TreeProblem[];
      etag: string;
    };

/**
 * Fetches the files the analyzer reads from an entity's source (and manifests)
 * location: through the UrlReader for URLs, passing the last ETag; from disk below the
 * allowed roots for local folders, with an ETag hashed from the files' contents.
 */
export class SourceFetcher {
  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      localRoots: LocalRoots;
      maxFileBytes: number;
    },
  ) {}

  async fetch(
    request: FetchRequest,
    signal?: AbortSignal,
  ): Promise<FetchResult> {
    if (request.sourceError) throw new InputError(request.sourceError);
    if (!request.source)
      throw new InputError('The entity has no source location');
    const source = parseSourceLocation(request.source);
    const manifests = request.manifests
      ? parseSourceLocation(request.manifests)
      : undefined;
    const root = source.target;

    if (!manifests) {
      const result = await this.fetchOne(
        source,
        request.etag,
        signal,
        request.origins?.source,
      );
      if (result.unchanged) return result;
      return {
        unchanged: false,
        tree: new BufferedTree(result.files, result.problems),
        etag: result.etag,
        root,
      };
    }

    const [sourceEtag, manifestsEtag] = splitEtag(request.etag);
    let [a, b] = await Promise.all([
      this.fetchOne(source, sourceEtag, signal, request.origins?.source),
      this.fetchOne(
        manifests,
        manifestsEtag,
        signal,
        request.origins?.manifests,
      ),
    ]);
    if (a.unchanged && b.unchanged) return { unchanged: true };
    if (a.unchanged)
      a = await this.fetchOne(
        source,
        undefined,
        signal,
        request.origins?.source,
      );
    if (b.unchanged)
      b = await this.fetchOne(
        manifests,
        undefined,
        signal,
        request.origins?.manifests,
      );
    if (a.unchanged || b.unchanged)
      throw new Error('Source reported unchanged without an ETag');
    const files = [
      ...a.files,
      ...b.files.map(f => ({ ...f, path: MANIFESTS_PREFIX + f.path })),
    ];
    const problems = [
      ...a.problems,
      ...b.problems.map(p => ({ ...p, path: MANIFESTS_PREFIX + p.path })),
    ];
    return {
      unchanged: false,
      tree: new BufferedTree(files, problems),
      etag: JSON.stringify([a.etag, b.etag]),
      root,
    };
  }

  private async fetchOne(
    location: SourceLocation,
    etag: string | undefined,
    signal?: AbortSignal,
    origin?: LocalSourceOrigin,
  ): Promise<SingleFetch> {
    return location.type === 'url'
      ? this.fetchUrl(location.target, etag, signal)
      : this.fetchLocal(location.target, etag, signal, origin);
  }

  private async fetchUrl(
    url: string,
    etag: string | undefined,
    signal?: AbortSignal,
  ): Promise<SingleFetch> {
    const { maxFileBytes } = this.options;
    // Files over the limit are not downloaded, but they are listed with their size, so
    // the analyzer says they were skipped (and the checks that needed them report error).
    const oversized = new Map<string, number>();
    let response;
    try {
      response = await this.options.urlReader.readTree(url, {
        etag,
        signal,
        filter: (path, info) => {
          if (!isAnalyzedPath(path)) return false;
          if (info && info.size > maxFileBytes) {
            oversized.set(path.replace(/^\.?\//, ''), info.size);
            return false;
          }
          return true;
        },
      });
    } catch (e) {
      if ((e as Error)?.name === NotModifiedError.name)
        return { unchanged: true };
      throw e;
    }
    const files: BufferedFile[] = [];
    for (const file of await response.files()) {
      signal?.throwIfAborted();
      const path = file.path.replace(/^\.?\//, '');
      if (!isAnalyzedPath(path)) continue;
      const data = await file.content();
      files.push({ path, size: data.length, data });
    }
    for (const [path, size] of oversized) {
      if (isAnalyzedPath(path)) files.push({ path, size });
    }
    return { unchanged: false, files, problems: [], etag: response.etag };
  }

  private async fetchLocal(
    target: string,
    etag: string | undefined,
    signal?: AbortSignal,
    origin?: LocalSourceOrigin,
  ): Promise<SingleFetch> {
    const folder = await this.options.localRoots.resolveFolder(target, origin);
    // The tree must be the folder the allow-list check resolved, even if the path was
    // swapped since; a swap reads as the same refusal as any other.
    let tree: DirectoryTree;
    try {
      tree = await DirectoryTree.open(folder, { expectedRealPath: folder });
    } catch {
      throw this.options.localRoots.refusal(target, origin);
    }
    const problems: TreeProblem[] = [];
    const files: BufferedFile[] = [];
    const hash = createHash('sha256');
    for await (const entry of tree.entries(p => problems.push(p))) {
      signal?.throwIfAborted();
      if (!isAnalyzedPath(entry.path)) continue;
      const size = entry.size ?? 0;
      hash.update(entry.path).update('\0');
      if (size > this.options.maxFileBytes) {
        hash.update(`size:${size}`).update('\0');
        files.push({ path: entry.path, size });
        continue;
      }
      let data: Buffer;
      try {
        // The tree proves each read stays inside the folder; a file that changed into a
        // way out (or vanished) since it was listed is a problem, not a failed scan.
        data = await entry.read();
      } catch (e) {
        problems.push({
          path: entry.path,
          message: `not read: ${(e as Error).message}`,
        });
        continue;
      }
      hash.update(data).update('\0');
      files.push({ path: entry.path, size: data.length, data });
    }
    for (const p of problems) hash.update(`problem:${p.path}:${p.message}`);
    const digest = `sha256:${hash.digest('hex')}`;
    if (etag === digest) return { unchanged: true };
    files.sort((x, y) => (x.path < y.path ? -1 : 1));
    return { unchanged: false, files, problems, etag: digest };
  }
}

function splitEtag(
  etag: string | undefined,
): [string | undefined, string | undefined] {
  if (!etag?.startsWith('[')) return [undefined, undefined];
  try {
    const [a, b] = JSON.parse(etag);
    return [
      typeof a === 'string' ? a : undefined,
      typeof b === 'string' ? b : undefined,
    ];
  } catch {
    return [undefined, undefined];
  }
}
