/** A file of a source tree, read on demand. */
export interface SourceEntry {
  /** Path relative to the tree's root, POSIX separators, no leading `./`. */
  path: string;
  /** Size in bytes, when known before reading. */
  size?: number;
  read(): Promise<Buffer>;
}

/** A problem met while listing a tree that did not stop the listing (an unreadable folder, a refused symlink). */
export interface TreeProblem {
  path: string;
  message: string;
}

/**
 * A tree of files to analyze: a local directory, a tree read through Backstage's
 * UrlReader, or files in memory. Folders the analyzer never reads (`vendor/`,
 * `node_modules/`, ...) may be left out by the tree itself.
 */
export interface SourceTree {
  entries(
    onProblem: (problem: TreeProblem) => void,
  ): AsyncIterable<SourceEntry>;
}
