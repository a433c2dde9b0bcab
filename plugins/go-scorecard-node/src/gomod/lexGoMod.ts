import { GoModSyntaxError } from './goModSyntaxError';

/** One line of go.mod as tokens, the way golang.org/x/mod/modfile reads it. */
export interface GoModLine {
  /** Words and punctuation, quoted strings already unquoted. */
  tokens: string[];
  /** Whether each token was a quoted string (a quoted `(` is not punctuation). */
  quoted: boolean[];
  /** The text of a trailing `//` comment, without the slashes, trimmed. */
  comment?: string;
  line: number;
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',']);
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

function isSpace(c: string): boolean {
  return (
    c === ' ' ||
    c === '\t' ||
    c === '\r' ||
    c === '\n' ||
    c === '\v' ||
    c === '\f'
  );
}

/**
 * Splits go.mod text into lines of tokens. Identifiers run to whitespace, punctuation
 * or a `//` comment; `"…"` and `` `…` `` are strings; lines without tokens are dropped.
 */
export function lexGoMod(path: string, text: string): GoModLine[] {
  const lines: GoModLine[] = [];
  let current: GoModLine | undefined;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (msg: string): never => {
    throw new GoModSyntaxError(path, line, msg);
  };
  const push = (token: string, quoted: boolean, tokenLine: number) => {
    if (!current) {
      current = { tokens: [], quoted: [], line: tokenLine };
      lines.push(current);
    }
    current.tokens.push(token);
    current.quoted.push(quoted);
  };

  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
      current = undefined;
    } else if (isSpace(c)) {
      i++;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      if (current) current.comment = text.slice(i + 2, stop).trim();
      i = stop;
    } else if (text.startsWith('/*', i)) {
      fail('mod files must use // comments (not /* */ comments)');
    } else if (PUNCTUATION.has(c)) {
      push(c, false, line);
      i++;
    } else if (c === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length || text[j] === '\n')
          fail('unterminated quoted string');
        const d = text[j];
        if (d === '"') break;
        if (d === '\\') {
          const e = ESCAPES[text[j + 1]];
          if (e === undefined)
            fail(`invalid escape \\${text[j + 1] ?? ''} in quoted string`);
          value += e;
          j += 2;
        } else {
          value += d;
          j++;
        }
      }
      push(value, true, line);
      i = j + 1;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) fail('unterminated raw string');
      const value = text.slice(i + 1, end);
      push(value, true, line);
      line += value.split('\n').length - 1;
      i = end + 1;
    } else {
      let j = i;
      while (
        j < text.length &&
        !isSpace(text[j]) &&
        !PUNCTUATION.has(text[j]) &&
        text[j] !== '"' &&
        text[j] !== '`' &&
        !text.startsWith('//', j)
      ) {
        j++;
      }
      push(text.slice(i, j), false, line);
      i = j;
    }
  }
  return lines;
}
