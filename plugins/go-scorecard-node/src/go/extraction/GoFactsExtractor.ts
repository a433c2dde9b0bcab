import { GoParser } from '../GoParser';
import { Vocabulary } from '../vocabulary';
import { extractFiles, GoExtraction, GoSourceFile } from './extractFiles';
import { GoFactsCache, goFactsKey } from './GoFactsCache';
import { GoFactsPool, PoolUnavailableError } from './GoFactsPool';

/** Options of {@link GoFactsExtractor.create}. */
export interface GoFactsExtractorOptions {
  /** Time budget for parsing one Go file, in ms. */
  parseTimeoutMs: number;
  /** Worker threads for extraction; 0 extracts on the calling thread. */
  workers: number;
  /**
   * Scans with less Go than this (UTF-16 code units) extract on the calling thread even
   * with workers: handing a few files to a worker costs more than it saves. Default 256 Ki.
   */
  poolThreshold?: number;
  /** Where facts are kept between scans; none by default. */
  cache?: GoFactsCache;
  /** Told when the cache fails (the scan goes on without it for that file). */
  onCacheError?: (error: unknown) => void;
}

const DEFAULT_POOL_THRESHOLD = 256 * 1024;
/** Cache reads in flight at once. */
const CACHE_READS_AT_ONCE = 64;

/**
 * Extracts the facts of a tree's Go files: each from the cache when an earlier scan extracted
 * the same file under the same vocabulary, the others on worker threads (or the calling
 * thread for small scans). The results are the same whichever way each file went.
 */
export class GoFactsExtractor {
  private constructor(
    private readonly parser: GoParser,
    private readonly pool: GoFactsPool | undefined,
    private readonly options: GoFactsExtractorOptions,
  ) {}

  static async create(
    options: GoFactsExtractorOptions,
  ): Promise<GoFactsExtractor> {
    const parser = await GoParser.create({ timeoutMs: options.parseTimeoutMs });
    const pool =
      options.workers > 0
        ? GoFactsPool.create({
            size: options.workers,
            parseTimeoutMs: options.parseTimeoutMs,
          })
        : undefined;
    return new GoFactsExtractor(parser, pool, options);
  }

  /**
   * The facts of each file, in order; a file that cannot be extracted gives `{ error }`.
   * Throws only when `signal` aborts.
   */
  async extract(
    files: readonly GoSourceFile[],
    vocabulary: Vocabulary,
    signal?: AbortSignal,
  ): Promise<GoExtraction[]> {
    const { cache } = this.options;
    if (!cache) return this.extractNow(files, vocabulary, signal);

    const fingerprint = vocabulary.fingerprint();
    const keys = files.map(f => goFactsKey(f.path, f.text, fingerprint));
    const results: (GoExtraction | undefined)[] = new Array(files.length);
    // A bounded number of reads at once: a folder cache opens a file per key.
    for (let from = 0; from < keys.length; from += CACHE_READS_AT_ONCE) {
      const chunk = keys.slice(from, from + CACHE_READS_AT_ONCE);
      const got = await Promise.all(
        chunk.map(key =>
          cache.get(key).then(
            facts => (facts ? { facts } : undefined),
            e => {
              this.options.onCacheError?.(e);
              return undefined;
            },
          ),
        ),
      );
      got.forEach((r, k) => {
        results[from + k] = r;
      });
    }
    signal?.throwIfAborted();
    const missing = files.flatMap((_, i) => (results[i] ? [] : [i]));
    // Each file's facts are stored as soon as they are extracted: a scan that is stopped
    // half-way (a CI timeout, Ctrl-C) leaves what it did for the next one.
    const writes: Promise<void>[] = [];
    const keep = (from: number, batch: GoExtraction[]) =>
      batch.forEach((result, k) => {
        const i = missing[from + k];
        results[i] = result;
        if (!('facts' in result)) return;
        writes.push(
          cache.set(keys[i], result.facts).catch(e => {
            this.options.onCacheError?.(e);
          }),
        );
      });
    await this.extractNow(
      missing.map(i => files[i]),
      vocabulary,
      signal,
      keep,
    );
    await Promise.all(writes);
    return results as GoExtraction[];
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  private async extractNow(
    files: readonly GoSourceFile[],
    vocabulary: Vocabulary,
    signal?: AbortSignal,
    onBatch?: (from: number, results: GoExtraction[]) => void,
  ): Promise<GoExtraction[]> {
    const threshold = this.options.poolThreshold ?? DEFAULT_POOL_THRESHOLD;
    let chars = 0;
    for (const f of files) chars += f.text.length;
    if (this.pool && files.length > 1 && chars >= threshold) {
      try {
        return await this.pool.extract(files, vocabulary, signal, onBatch);
      } catch (e) {
        // Threads cannot start here (a sandbox, a broken install): this thread does the work.
        if (!(e instanceof PoolUnavailableError)) throw e;
      }
    }
    const results = extractFiles(this.parser, files, vocabulary, signal);
    onBatch?.(0, results);
    return results;
  }
}
