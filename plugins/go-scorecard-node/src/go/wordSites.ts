import { Node } from 'web-tree-sitter';
import { lastAtOrBefore } from '../text/lastAtOrBefore';
import { GoSource } from './syntax';

/** Whether a UTF-16 code unit may be part of a Go identifier (any non-ASCII one counts). */
export function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code > 127 // any non-ASCII letter may be part of a Go identifier
  );
}

/** The hash a scan computes of a word as it reads it, one UTF-16 code unit at a time. */
function stepHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

function hashOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++)
    hash = stepHash(hash, word.charCodeAt(i));
  return hash;
}

/**
 * A set of words, also by the hash a scan computes as it reads each word of a text, so that
 * words outside the set are skipped without slicing them out of the text.
 */
export class WordSet {
  private readonly names = new Set<string>();
  private readonly byHash = new Map<number, string[]>();

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  add(word: string) {
    if (!word || this.names.has(word)) return;
    this.names.add(word);
    const hash = hashOf(word);
    const same = this.byHash.get(hash);
    if (same) same.push(word);
    else this.byHash.set(hash, [word]);
  }

  has(word: string): boolean {
    return this.names.has(word);
  }

  /** The word of the set spelled by `source` in [start, end), whose hash is `hash`. */
  wordAt(
    source: string,
    start: number,
    end: number,
    hash: number,
  ): string | undefined {
    const same = this.byHash.get(hash);
    if (!same) return undefined;
    for (const word of same)
      if (word.length === end - start && source.startsWith(word, start))
        return word;
    return undefined;
  }

  /** Number of words. */
  get size(): number {
    return this.names.size;
  }

  /** Every word of the set, in the order added. */
  all(): IterableIterator<string> {
    return this.names.values();
  }

  /** The words of `more` this set lacks, as a set of their own. */
  missing(more: Iterable<string>): WordSet {
    const extra = new WordSet();
    for (const w of more) if (!this.has(w)) extra.add(w);
    return extra;
  }
}

/**
 * Where the words of a set occur in a source, found in one pass over its text (comments and
 * strings included: the tree rejects those later). Replaces a substring search per word.
 */
export class WordIndex {
  private readonly positions = new Map<string, number[]>();

  /** The file's own words, when it has any the shared set lacks. */
  private readonly extra: WordSet | undefined;

  /**
   * Indexes the words of `words` and of `extra` (a file's own words, such as its import
   * names: the shared set stays as it is, so no file's index depends on another file).
   */
  constructor(
    source: string,
    private readonly words: WordSet,
    extra?: WordSet,
  ) {
    const more = extra?.size ? extra : undefined;
    this.extra = more;
    const n = source.length;
    let i = 0;
    while (i < n) {
      const c = source.charCodeAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      const start = i;
      let hash = 0;
      for (; i < n; i++) {
        const code = source.charCodeAt(i);
        if (!isWordChar(code)) break;
        hash = stepHash(hash, code);
      }
      if (c >= 48 && c <= 57) continue; // a number
      const word =
        words.wordAt(source, start, i, hash) ??
        more?.wordAt(source, start, i, hash);
      if (word !== undefined) {
        const list = this.positions.get(word);
        if (list) list.push(start);
        else this.positions.set(word, [start]);
      }
    }
  }

  /** Whether the index knows the word's positions (else a caller searches the text). */
  covers(word: string): boolean {
    return this.words.has(word) || !!this.extra?.has(word);
  }

  /** The positions of a word in [from, to), in order. */
  at(word: string, from = 0, to = Infinity): number[] {
    const all = this.positions.get(word) ?? [];
    if (from === 0 && to === Infinity) return all;
    // The first position at or after `from` (positions are whole offsets).
    const lo = lastAtOrBefore(all, p => p, from - 1) + 1;
    const out: number[] = [];
    for (let k = lo; k < all.length && all[k] < to; k++) out.push(all[k]);
    return out;
  }

  /** Every indexed word that occurs, with its positions. */
  entries(): IterableIterator<[string, number[]]> {
    return this.positions.entries();
  }
}

/** The syntax-tree token spelled `word` that starts at `at`, if the tree has one there. */
export function siteAt(
  src: GoSource,
  at: number,
  length: number,
): Node | undefined {
  const node = src.root.descendantForIndex(at);
  return node && node.startIndex === at && node.endIndex === at + length
    ? node
    : undefined;
}

/**
 * The syntax-tree tokens spelled `word` (an identifier or keyword) within [from, to).
 *
 * This is how the extractors find the few nodes they care about without visiting every node
 * of the tree: the file's word index (or a substring search) proposes positions, and the tree
 * decides. A position counts only when the leaf node that starts there spans exactly the word,
 * so occurrences inside comments, string literals and longer identifiers are never returned.
 * The caller then checks the node's type and parents. `accept`, when given, sees each position
 * first (a cheap test on the text) and drops it before any tree lookup.
 */
export function wordSites(
  src: GoSource,
  word: string,
  from = 0,
  to = src.source.length,
  accept?: (start: number, end: number) => boolean,
): Node[] {
  if (src.words?.covers(word)) {
    const sites: Node[] = [];
    for (const at of src.words.at(word, from, to)) {
      if (at + word.length > to) continue;
      if (accept && !accept(at, at + word.length)) continue;
      const node = siteAt(src, at, word.length);
      if (node) sites.push(node);
    }
    return sites;
  }
  const { source, root } = src;
  const sites: Node[] = [];
  for (
    let at = source.indexOf(word, from);
    at >= 0 && at + word.length <= to;
    at = source.indexOf(word, at + word.length)
  ) {
    const end = at + word.length;
    if (at > 0 && isWordChar(source.charCodeAt(at - 1))) continue;
    if (end < source.length && isWordChar(source.charCodeAt(end))) continue;
    if (accept && !accept(at, end)) continue;
    const node = root.descendantForIndex(at);
    if (node && node.startIndex === at && node.endIndex === end)
      sites.push(node);
  }
  return sites;
}

const LITERALS = /"(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\\n]|\\.)*'/g;

/** Whether a position is inside a `//` comment, judged from its line (string literals set aside). */
export function inLineComment(source: string, at: number): boolean {
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const prefix = source.slice(lineStart, at);
  if (!prefix.includes('//')) return false;
  return prefix.replace(LITERALS, '').includes('//');
}

/**
 * Whether a position is inside a `//` comment or a string or rune literal that its line opens,
 * judged from its line (a raw string or block comment begun on an earlier line is not seen).
 */
export function inLineCommentOrLiteral(source: string, at: number): boolean {
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const prefix = source.slice(lineStart, at);
  if (!/["'`/]/.test(prefix)) return false;
  const code = prefix.replace(LITERALS, '');
  return code.includes('//') || /["'`]/.test(code);
}
