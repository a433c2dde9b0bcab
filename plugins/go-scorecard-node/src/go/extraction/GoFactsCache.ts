import { createHash } from 'node:crypto';
import { GoFileFacts } from '../../facts';
import { FileDeclarations, isFileDeclarations } from '../fileDeclarations';
import { analyzerCodeFingerprint } from './codeFingerprint';

/**
 * What the facts cache keeps of one Go file (one entry per file text, see
 * {@link goFileKey}): its declarations, which the tree's vocabulary is built from, and the
 * facts extracted under the vocabulary whose fingerprint (`Vocabulary.fingerprint`) is
 * `vocabulary`. A re-scan builds the vocabulary from the entries, and takes the facts of
 * every file whose entry was extracted under the same one.
 */
export interface CachedGoFile {
  declarations: FileDeclarations;
  /** Fingerprint of the vocabulary the facts were extracted under. */
  vocabulary: string;
  facts: GoFileFacts;
}

/**
 * Where Go files' declarations and facts are kept between scans, by key (see
 * {@link goFileKey}). The CLI keeps them in a folder (`DirectoryFactsCache`), the backend in
 * Backstage's cache service. Implementations may forget any entry at any time; a failing
 * `get` or `set` costs the scan only the time to read the file again.
 */
export interface GoFactsCache {
  /** The entry stored under the key, if any. */
  get(key: string): Promise<CachedGoFile | undefined>;
  /** Stores the entry under the key. */
  set(key: string, entry: CachedGoFile): Promise<void>;
}

/**
 * The cache key of a Go file (hex SHA-256): the analyzer's own code (so a new analyzer never
 * reads an old one's entries), the file's path and its text.
 */
export function goFileKey(path: string, text: string): string {
  return createHash('sha256')
    .update(analyzerCodeFingerprint())
    .update('\0')
    .update(path)
    .update('\0')
    .update(text)
    .digest('hex');
}

/**
 * Whether a value read back from a cache has the shape of {@link CachedGoFile}: anything
 * else (an entry written by other code, a store's corruption) is a miss.
 */
export function isCachedGoFile(value: unknown): value is CachedGoFile {
  const e = value as CachedGoFile | undefined;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.vocabulary === 'string' &&
    typeof e.facts === 'object' &&
    e.facts !== null &&
    isFileDeclarations(e.declarations)
  );
}
