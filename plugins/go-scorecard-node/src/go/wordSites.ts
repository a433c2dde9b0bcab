import { Node } from 'web-tree-sitter';
import { GoSource } from './syntax';

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code > 127 // any non-ASCII letter may be part of a Go identifier
  );
}

/**
 * The syntax-tree tokens spelled `word` (an identifier or keyword) within [from, to).
 *
 * This is how the extractors find the few nodes they care about without visiting every node
 * of the tree: a substring search proposes positions, and the tree decides. A position counts
 * only when the leaf node that starts there spans exactly the word, so occurrences inside
 * comments, string literals and longer identifiers are never returned. The caller then checks
 * the node's type and parents.
 */
export function wordSites(
  src: GoSource,
  word: string,
  from = 0,
  to = src.source.length,
  /** Decides from the text alone that a position is not worth a tree lookup. */
  skip?: (at: number) => boolean,
): Node[] {
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
    if (skip?.(at)) continue;
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
