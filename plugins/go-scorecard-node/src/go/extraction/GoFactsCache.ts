import { createHash } from 'node:crypto';
import { GoFileFacts } from '../../facts';
import { GoProgramFacts } from '../../programFacts';
import { FileDeclarations, isFileDeclarations } from '../fileDeclarations';
import { isPlainMap } from '../../text/isPlainMap';
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

/** The keys of T whose values are arrays. */
type ArrayKeys<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[] ? K : never;
}[keyof T];

/** Every array of a file's facts (a Record, so the compiler names any one left out). */
const FILE_ARRAYS: Record<ArrayKeys<GoFileFacts>, true> = {
  imports: true,
  cancels: true,
  dialTargets: true,
  deprecatedDialCalls: true,
  serveCalls: true,
  signalHandling: true,
  signalLists: true,
  httpServerCloseCalls: true,
  httpServerShutdownCalls: true,
  paramCloseCalls: true,
  grpcServers: true,
  grpcStopCalls: true,
  grpcGracefulStopCalls: true,
  unboundFieldCalls: true,
  shutdownBounds: true,
  shutdownFallbacks: true,
  fatalErrorCalls: true,
  exitOnErrorParams: true,
};

/** Every array of a file's program facts. */
const PROGRAM_ARRAYS: Record<ArrayKeys<GoProgramFacts>, true> = {
  funcs: true,
  types: true,
  globals: true,
  locals: true,
  calls: true,
  paramCalls: true,
  stores: true,
  returns: true,
  configLoads: true,
  configDefaults: true,
  configEnvs: true,
};

/** An array of objects (null, a number or a string in it is damage). */
const isPlainMapArray = (v: unknown): boolean =>
  Array.isArray(v) && v.every(isPlainMap);

/**
 * Whether a value read back from a cache has the shape of a {@link CachedGoFile} of the file
 * at `path`: its declarations, and facts of that very file with every field the link and
 * the checks read, each array holding objects. Anything else (an entry written by other
 * code, damaged, or copied under another key) is a miss, and is written again. What lies
 * inside the objects is trusted like the analyzer's code (see docs/security.md).
 */
export function isCachedGoFile(
  value: unknown,
  path: string,
): value is CachedGoFile {
  if (!isPlainMap(value) || typeof value.vocabulary !== 'string') return false;
  if (!isFileDeclarations(value.declarations)) return false;
  const facts = value.facts;
  if (!isPlainMap(facts) || facts.path !== path) return false;
  if (
    typeof facts.dir !== 'string' ||
    typeof facts.packageName !== 'string' ||
    typeof facts.isTest !== 'boolean' ||
    typeof facts.buildIgnored !== 'boolean' ||
    typeof facts.outOfBuild !== 'boolean' ||
    typeof facts.goStatements !== 'number' ||
    typeof facts.goleakVerifications !== 'number' ||
    !isPlainMap(facts.serverFields)
  )
    return false;
  for (const key of Object.keys(FILE_ARRAYS))
    if (!isPlainMapArray(facts[key])) return false;
  const program = facts.program;
  if (!isPlainMap(program)) return false;
  for (const key of Object.keys(PROGRAM_ARRAYS))
    if (!isPlainMapArray(program[key])) return false;
  return true;
}
