import { GoParser } from '../GoParser';
import { EXTRACTOR_WORDS } from '../extractGoFacts';
import { fileDeclarations } from '../fileDeclarations';
import { Vocabulary } from '../vocabulary';
import { extractFiles, GoExtraction, GoSourceFile } from './extractFiles';
import {
  CachedGoFile,
  GoFactsCache,
  goFileKey,
  isCachedGoFile,
} from './GoFactsCache';
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
 * the same file under a vocabulary of the same fingerprint, the others on worker threads (or the calling
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
   * The facts of each file, in order, under the vocabulary of all the files (see
   * `Vocabulary`); a file that cannot be extracted gives `{ error }`. Throws only when
   * `signal` aborts.
   *
   * With a cache, each file's entry is read first: its declarations build the vocabulary
   * (only files without an entry are read for them), and its facts are taken when they were
   * extracted under a vocabulary of the same fingerprint. The others are extracted and their
   * entries stored.
   */
  async extract(
    files: readonly GoSourceFile[],
    signal?: AbortSignal,
  ): Promise<GoExtraction[]> {
    const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
    const { cache } = this.options;
    if (!cache) {
      for (const f of files) vocabulary.add(f.text);
      return this.extractNow(files, vocabulary, signal);
    }

    const keys = files.map(f => goFileKey(f.path, f.text));
    const entries: (CachedGoFile | undefined)[] = new Array(files.length);
    // A bounded number of reads at once: a folder cache opens a file per key.
    for (let from = 0; from < keys.length; from += CACHE_READS_AT_ONCE) {
      const chunk = keys.slice(from, from + CACHE_READS_AT_ONCE);
      const got = await Promise.all(
        chunk.map(key =>
          cache.get(key).then(
            entry => (isCachedGoFile(entry) ? entry : undefined),
            e => {
              this.options.onCacheError?.(e);
              return undefined;
            },
          ),
        ),
      );
      got.forEach((entry, k) => {
        entries[from + k] = entry;
      });
    }
    signal?.throwIfAborted();
    // In the files' order, as without a cache.
    const declarations = files.map(
      (f, i) => entries[i]?.declarations ?? fileDeclarations(f.text),
    );
    for (const d of declarations) vocabulary.addDeclarations(d);
    const fingerprint = vocabulary.fingerprint();

    const results: (GoExtraction | undefined)[] = entries.map(entry =>
      entry?.vocabulary === fingerprint ? { facts: entry.facts } : undefined,
    );
    const missing = files.flatMap((_, i) => (results[i] ? [] : [i]));
    // Each file's entry is stored as soon as it is extracted: a scan that is stopped
    // half-way (a CI timeout, Ctrl-C) leaves what it did for the next one.
    const writes: Promise<void>[] = [];
    const keep = (from: number, batch: GoExtraction[]) =>
      batch.forEach((result, k) => {
        const i = missing[from + k];
        results[i] = result;
        if (!('facts' in result)) return;
        const entry: CachedGoFile = {
          declarations: declarations[i],
          vocabulary: fingerprint,
          facts: result.facts,
        };
        writes.push(
          cache.set(keys[i], entry).catch(e => {
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
