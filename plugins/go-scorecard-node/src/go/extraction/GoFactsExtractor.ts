import { posix } from 'node:path';
import { ImportRoot } from '../../gomod/importRoots';
import { GoParser } from '../GoParser';
import { EXTRACTOR_WORDS } from '../extractGoFacts';
import {
  FileDeclarations,
  fileDeclarations,
  noDeclarations,
} from '../fileDeclarations';
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
  /**
   * Worker threads for extraction and for reading the declarations before it; 0 works on
   * the calling thread.
   */
  workers: number;
  /**
   * Less Go than this (UTF-16 code units) to extract, or to read declarations of, stays on the
   * calling thread even with workers: handing a few files to a worker costs more than it
   * saves. Default 256 Ki.
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
 * thread for small scans). The declarations that build the vocabulary are read the same way.
 * The results are the same whichever way each file went.
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
   * `Vocabulary`) and the tree's `importRoots` (see `Vocabulary.setImportRoots`; without
   * them every import path may name a package of the tree); a file that cannot be
   * extracted gives `{ error }`. Throws only when `signal` aborts.
   *
   * With a cache, each file's entry is read first: its declarations build the vocabulary
   * (only files without an entry are read for them), and its facts are taken when they were
   * extracted under a vocabulary of the same fingerprint. The others are extracted and their
   * entries stored.
   */
  async extract(
    files: readonly GoSourceFile[],
    signal?: AbortSignal,
    importRoots?: readonly ImportRoot[],
  ): Promise<GoExtraction[]> {
    const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
    if (importRoots) vocabulary.setImportRoots(importRoots);
    const { cache } = this.options;
    if (!cache) {
      await this.buildVocabulary(files, [], vocabulary, signal);
      return this.extractNow(files, vocabulary, signal);
    }

    const keys = files.map(f => goFileKey(f.path, f.text));
    const entries: (CachedGoFile | undefined)[] = new Array(files.length);
    // A bounded number of reads at once: a folder cache opens a file per key.
    for (let from = 0; from < keys.length; from += CACHE_READS_AT_ONCE) {
      const chunk = keys.slice(from, from + CACHE_READS_AT_ONCE);
      const got = await Promise.all(
        chunk.map((key, k) =>
          cache.get(key).then(
            entry =>
              isCachedGoFile(entry, files[from + k].path) ? entry : undefined,
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
    const declarations = await this.buildVocabulary(
      files,
      entries.map(entry => entry?.declarations),
      vocabulary,
      signal,
    );
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

  /**
   * Adds each file's declarations to the vocabulary in the files' order (so that it is the
   * same however they were read) and returns them: `known[i]` when given (a cached entry's),
   * else read from the file's text, on the workers when there is enough text to read. This
   * thread merges the workers' batches as they come back, and reads itself the files a dying
   * worker held.
   */
  private async buildVocabulary(
    files: readonly GoSourceFile[],
    known: readonly (FileDeclarations | undefined)[],
    vocabulary: Vocabulary,
    signal?: AbortSignal,
  ): Promise<FileDeclarations[]> {
    const declarations = files.map((_, i) => known[i]);
    let merged = 0;
    const merge = () => {
      for (; merged < files.length && declarations[merged]; merged++)
        vocabulary.addDeclarations(
          declarations[merged]!,
          posix.dirname(files[merged].path),
        );
    };
    const unread = files.flatMap((_, i) => (declarations[i] ? [] : [i]));
    const toRead = unread.map(i => files[i]);
    if (this.pool && this.worthThePool(toRead)) {
      try {
        await this.pool.declarations(toRead, signal, (from, batch) => {
          batch.forEach((reading, k) => {
            if ('declarations' in reading)
              declarations[unread[from + k]] = reading.declarations;
          });
          merge();
        });
      } catch (e) {
        // Threads cannot start here: this thread reads what the workers did not.
        if (!(e instanceof PoolUnavailableError)) throw e;
      }
    }
    signal?.throwIfAborted();
    for (const i of unread)
      declarations[i] ??= declarationsOrNone(files[i].text);
    merge();
    return declarations as FileDeclarations[];
  }

  /** Whether files are worth handing to the workers: more than one, and enough text. */
  private worthThePool(files: readonly GoSourceFile[]): boolean {
    const threshold = this.options.poolThreshold ?? DEFAULT_POOL_THRESHOLD;
    let chars = 0;
    for (const f of files) chars += f.text.length;
    return files.length > 1 && chars >= threshold;
  }

  private async extractNow(
    files: readonly GoSourceFile[],
    vocabulary: Vocabulary,
    signal?: AbortSignal,
    onBatch?: (from: number, results: GoExtraction[]) => void,
  ): Promise<GoExtraction[]> {
    if (this.pool && this.worthThePool(files)) {
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

/**
 * A file's declarations, or none when reading them throws: a fault in the token reader must
 * cost the vocabulary one file's names, not the whole scan (12,000 damaged and truncated
 * variants of standard library files never made it throw). The file is still extracted.
 */
function declarationsOrNone(text: string): FileDeclarations {
  try {
    return fileDeclarations(text);
  } catch {
    return noDeclarations();
  }
}
