/**
 * The vocabulary of a tree: every name that a Go file of it may declare at package level (functions,
 * methods, types, variables, constants), read from the text before any file is parsed. Extraction
 * then looks at a file's uses of these names only: a call of a function that no file declares can
 * lead nowhere in the tree. Read generously (a line of a comment that starts with `func x` adds
 * `x`): a name too many costs a lookup, a name too few would lose a call. Declarations are taken
 * where gofmt writes package-level ones, at the start of a line; local ones are indented.
 */

const NAME = '[A-Za-z_\\u0080-\\uffff][\\w\\u0080-\\uffff]*';
// Package-level declarations start a line (gofmt writes them so); local ones are indented.
const FUNC = new RegExp(`^func\\s*(?:\\([^()]*\\)\\s*)?(${NAME})`, 'gm');
const SINGLE = new RegExp(
  `^(?:type|var|const)\\s+(${NAME}(?:\\s*,\\s*${NAME})*)`,
  'gm',
);
const GROUP = /^(?:type|var|const)\s*\(/gm;
const LINE_NAMES = new RegExp(`^\\s*(${NAME}(?:\\s*,\\s*${NAME})*)`);

/** Adds the names a Go source may declare to `into`. */
export function addDeclaredNames(source: string, into: Set<string>): void {
  for (const m of source.matchAll(FUNC)) into.add(m[1]);
  for (const m of source.matchAll(SINGLE)) {
    for (const name of m[1].split(','))
      if (name.trim() !== '_') into.add(name.trim());
  }
  for (const m of source.matchAll(GROUP)) {
    // One spec per line until the closing parenthesis at the start of a line.
    let at = source.indexOf('\n', m.index!);
    while (at >= 0 && at < source.length) {
      const next = source.indexOf('\n', at + 1);
      const line = source.slice(at + 1, next < 0 ? source.length : next);
      if (/^\s*\)/.test(line)) break;
      const names = LINE_NAMES.exec(line);
      if (names)
        for (const name of names[1].split(','))
          if (name.trim() !== '_') into.add(name.trim());
      at = next;
    }
  }
}

function isIdentifierChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c > 127
  );
}

/**
 * The names of the vocabulary that occur in a source, as words (comments and strings included).
 * Scanned by hand: a word is sliced out only when a name of its first character and length exists.
 */
export function vocabularyIn(
  source: string,
  vocabulary: ReadonlySet<string>,
): string[] {
  const shapes = new Set<number>();
  for (const name of vocabulary)
    shapes.add(name.charCodeAt(0) * 64 + Math.min(name.length, 63));
  const found = new Set<string>();
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (!isIdentifierChar(c) || (c >= 48 && c <= 57)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isIdentifierChar(source.charCodeAt(i))) i++;
    if (shapes.has(c * 64 + Math.min(i - start, 63))) {
      const word = source.slice(start, i);
      if (vocabulary.has(word)) found.add(word);
    }
  }
  return [...found];
}
