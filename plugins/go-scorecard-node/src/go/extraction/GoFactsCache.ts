import { createHash } from 'node:crypto';
import { GoFileFacts } from '../../facts';
import { analyzerCodeFingerprint } from './codeFingerprint';

/**
 * Where the facts of Go files are kept between scans, by key (see {@link goFactsKey}). The
 * CLI keeps them in a folder (`DirectoryFactsCache`), the backend in Backstage's cache
 * service. Implementations may forget any entry at any time; a failing `get` or `set` costs
 * the scan only the time to extract the file again.
 */
export interface GoFactsCache {
  /** The facts stored under the key, if any. */
  get(key: string): Promise<GoFileFacts | undefined>;
  /** Stores the facts under the key. */
  set(key: string, facts: GoFileFacts): Promise<void>;
}

/**
 * The cache key of a file's facts (hex SHA-256): what extraction reads, and nothing else. The
 * analyzer's own code (so a new analyzer never reads an old one's facts), the file's path and
 * text, and the fingerprint of the tree's vocabulary (`Vocabulary.fingerprint`), which
 * changes only when a package-level declaration the extractors read changes.
 */
export function goFactsKey(
  path: string,
  text: string,
  vocabularyFingerprint: string,
): string {
  return createHash('sha256')
    .update(analyzerCodeFingerprint())
    .update('\0')
    .update(vocabularyFingerprint)
    .update('\0')
    .update(path)
    .update('\0')
    .update(text)
    .digest('hex');
}
