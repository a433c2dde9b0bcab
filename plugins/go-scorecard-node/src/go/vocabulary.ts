/**
 * The vocabulary of a tree: every name that a Go file of it may declare at package level (functions,
 * methods, types, variables, constants), read from the text before any file is parsed. Extraction
 * then looks at a file's uses of these names only: a call of a function that no file declares can
 * lead nowhere in the tree. Read generously (a line of a comment that starts with `func x` adds
 * `x`): a name too many costs a lookup, a name too few would lose a call. Declarations are taken
 * where gofmt writes package-level ones, at the start of a line; local ones are indented.
 */

import { WordSet } from './wordSites';

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

/**
 * A tree's vocabulary: the names its Go files may declare (see {@link addDeclaredNames}), in a
 * {@link WordSet} with the words every file's extractors look for, so that one pass over a
 * file's text finds them all.
 */
export class Vocabulary {
  readonly declared = new Set<string>();
  readonly words: WordSet;

  constructor(extractorWords: Iterable<string> = []) {
    this.words = new WordSet(extractorWords);
  }

  /** Adds the names a Go source may declare. */
  add(source: string) {
    const names = new Set<string>();
    addDeclaredNames(source, names);
    for (const name of names) {
      this.declared.add(name);
      this.words.add(name);
    }
  }
}
