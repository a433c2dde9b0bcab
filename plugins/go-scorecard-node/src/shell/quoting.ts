/** Skipping over the quoted strings, expansions and groups of a shell script, honouring quotes. */

/** Blanks that separate words. */
export const BLANK = new Set([' ', '\t', '\r', '\f', '\v']);
/** Characters that end an unquoted word. */
export const WORD_END = new Set([
  ...BLANK,
  '\n',
  '&',
  '|',
  ';',
  '(',
  ')',
  '<',
  '>',
]);

/** Index after the bracket matching the opener just before `i` (`$(`, `${`), honouring quotes. */
export function skipBalanced(
  s: string,
  i: number,
  open: string,
  close: string,
): number {
  let depth = 1;
  let j = i;
  while (j < s.length && depth > 0) {
    const c = s[j];
    if (c === '\\') j += 2;
    else if (c === "'") j = skipPast(s, j + 1, "'");
    else if (c === '"') j = skipDoubleQuoted(s, j + 1);
    else if (c === '`') j = skipPast(s, j + 1, '`');
    else {
      if (c === open) depth++;
      else if (c === close) depth--;
      j++;
    }
  }
  return Math.min(j, s.length);
}

/** Index after the `quote` closing a quoted string whose text starts at `i`. */
export function skipPast(s: string, i: number, quote: string): number {
  let j = i;
  while (j < s.length && s[j] !== quote)
    j += quote === '`' && s[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, s.length);
}

/** Index after the `"` closing a double-quoted string whose text starts at `i`. */
export function skipDoubleQuoted(s: string, i: number): number {
  let j = i;
  while (j < s.length && s[j] !== '"') {
    if (s[j] === '\\') j += 2;
    else if (s.startsWith('$(', j)) j = skipBalanced(s, j + 2, '(', ')');
    else if (s[j] === '`') j = skipPast(s, j + 1, '`');
    else j++;
  }
  return Math.min(j + 1, s.length);
}

/** Index after a `$…` expansion starting at `i`, or undefined when `$` is a plain character. */
export function skipExpansion(s: string, i: number): number | undefined {
  if (s.startsWith('$(', i)) return skipBalanced(s, i + 2, '(', ')');
  if (s.startsWith('${', i)) return skipBalanced(s, i + 2, '{', '}');
  return undefined;
}

/** Index after the `'` closing an ANSI-C string `$'…'` whose text starts at `i`. */
export function skipAnsiC(s: string, i: number): number {
  let j = i;
  while (j < s.length && s[j] !== "'") j += s[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, s.length);
}

/**
 * Index of the `)` closing a group whose text starts at `i` (an array's elements, an
 * arithmetic expression), or `limit` when none closes before it. Honours quotes, escapes
 * and expansions, and in arrays (`comments`) `#` comments.
 */
export function groupClose(
  s: string,
  i: number,
  comments: boolean,
  limit = s.length,
): number {
  let depth = 0;
  let j = i;
  while (j < limit) {
    const c = s[j];
    if (c === '\\') j += 2;
    else if (c === "'") j = skipPast(s, j + 1, "'");
    else if (c === '"') j = skipDoubleQuoted(s, j + 1);
    else if (c === '`') j = skipPast(s, j + 1, '`');
    else if (c === '$' && s[j + 1] === "'") j = skipAnsiC(s, j + 2);
    else if (c === '$' && (s[j + 1] === '(' || s[j + 1] === '{'))
      j = skipExpansion(s, j)!;
    else if (comments && c === '#' && (j === i || WORD_END.has(s[j - 1]))) {
      while (j < limit && s[j] !== '\n') j++;
    } else if (c === '(') {
      depth++;
      j++;
    } else if (c === ')') {
      if (depth === 0) return j;
      depth--;
      j++;
    } else j++;
  }
  return limit;
}

/**
 * Whether a word as written holds a `$` the shell takes as a plain character (POSIX Shell
 * Command Language, "Quoting"): in single quotes or `$'…'`, or escaped by a backslash. Its
 * value after quote removal then shows a `$` that expands nothing.
 */
export function hasLiteralDollar(raw: string): boolean {
  let double = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      if (raw[i + 1] === '$') return true;
      i++;
    } else if (c === '"') double = !double;
    else if (!double && c === "'") {
      const end = skipPast(raw, i + 1, "'");
      if (raw.slice(i + 1, end).includes('$')) return true;
      i = end - 1;
    } else if (!double && c === '$' && raw[i + 1] === "'") {
      const end = skipAnsiC(raw, i + 2);
      if (raw.slice(i + 2, end).includes('$')) return true;
      i = end - 1;
    }
  }
  return false;
}
