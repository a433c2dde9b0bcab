/**
 * A Go lexer (The Go Programming Language Specification, "Lexical elements"), for the parts of a
 * file the analyzer reads as tokens rather than through the syntax tree: declaration headers and
 * struct tags. Comments are skipped; semicolons are inserted at line ends by the spec's rule, as
 * tokens of kind `;` spelled `\n`. Never throws: an unterminated literal runs to the end of the
 * range, an unknown character is a one-character `op`.
 */

/** What a token is. Keywords are `ident` tokens; callers compare their text. */
export type TokenKind =
  | 'ident'
  | 'int'
  | 'float'
  | 'imag'
  | 'rune'
  | 'string'
  | 'op'
  | ';'
  | 'eof';

/** A token: its kind, text, and [start, end) offsets in the source. */
export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

/** Go's keywords: identifiers that are not names. */
export const KEYWORDS = new Set([
  'break',
  'case',
  'chan',
  'const',
  'continue',
  'default',
  'defer',
  'else',
  'fallthrough',
  'for',
  'func',
  'go',
  'goto',
  'if',
  'import',
  'interface',
  'map',
  'package',
  'range',
  'return',
  'select',
  'struct',
  'switch',
  'type',
  'var',
]);

const OPERATORS = [
  '<<=',
  '>>=',
  '&^=',
  '...',
  '&&',
  '||',
  '<-',
  '++',
  '--',
  '==',
  '!=',
  '<=',
  '>=',
  ':=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<',
  '>>',
  '&^',
];

/** Operators by first character, longest first. */
const OPERATORS_BY_FIRST = new Map<number, string[]>();
for (const op of OPERATORS) {
  const list = OPERATORS_BY_FIRST.get(op.charCodeAt(0)) ?? [];
  list.push(op);
  OPERATORS_BY_FIRST.set(op.charCodeAt(0), list);
}
for (const list of OPERATORS_BY_FIRST.values())
  list.sort((a, b) => b.length - a.length);

/** After these, a newline ends the statement (spec: "Semicolons"). */
const ENDS_LINE = new Set([
  'break',
  'continue',
  'fallthrough',
  'return',
  '++',
  '--',
  ')',
  ']',
  '}',
]);

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Tokens of `source[start, end)`, on demand. */
export class GoLexer {
  private pos: number;
  private lastEndsLine = false;
  private pending: Token | undefined;

  constructor(
    private readonly source: string,
    start = 0,
    private readonly end = source.length,
  ) {
    this.pos = start;
  }

  /** The next token without consuming it. */
  peek(): Token {
    this.pending ??= this.scan();
    return this.pending;
  }

  /** The next token. */
  next(): Token {
    const t = this.peek();
    this.pending = undefined;
    return t;
  }

  /** An independent lexer at the same position, for lookahead. */
  clone(): GoLexer {
    const copy = new GoLexer(this.source, this.pos, this.end);
    copy.lastEndsLine = this.lastEndsLine;
    copy.pending = this.pending;
    return copy;
  }

  /** Every remaining token, the final `eof` excluded. */
  all(): Token[] {
    const out: Token[] = [];
    for (let t = this.next(); t.kind !== 'eof'; t = this.next()) out.push(t);
    return out;
  }

  private token(kind: TokenKind, start: number): Token {
    const text = this.source.slice(start, this.pos);
    if (kind === 'ident')
      this.lastEndsLine = !KEYWORDS.has(text) || ENDS_LINE.has(text);
    else this.lastEndsLine = kind !== 'op' || ENDS_LINE.has(text);
    return { kind, text, start, end: this.pos };
  }

  private semicolon(at: number): Token {
    this.lastEndsLine = false;
    return { kind: ';', text: '\n', start: at, end: at };
  }

  private scan(): Token {
    const s = this.source;
    const end = this.end;
    for (;;) {
      if (this.pos >= end) {
        if (this.lastEndsLine) return this.semicolon(end);
        return { kind: 'eof', text: '', start: end, end };
      }
      const c = s.charCodeAt(this.pos);
      if (c === 10) {
        const at = this.pos++;
        if (this.lastEndsLine) return this.semicolon(at);
        continue;
      }
      if (c === 32 || c === 9 || c === 13) {
        this.pos++;
        continue;
      }
      if (c === 47 /* / */ && s.charCodeAt(this.pos + 1) === 47) {
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl < 0 || nl > end ? end : nl;
        continue;
      }
      if (c === 47 && s.charCodeAt(this.pos + 1) === 42 /* * */) {
        const close = s.indexOf('*/', this.pos + 2);
        const stop = close < 0 || close + 2 > end ? end : close + 2;
        const hadNewline = s.slice(this.pos, stop).includes('\n');
        const at = this.pos;
        this.pos = stop;
        if (hadNewline && this.lastEndsLine) return this.semicolon(at);
        continue;
      }
      const start = this.pos;
      if (isLetter(c)) {
        this.pos++;
        while (this.pos < end) {
          const d = s.charCodeAt(this.pos);
          if (!isLetter(d) && !isDigit(d)) break;
          this.pos++;
        }
        return this.token('ident', start);
      }
      if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(this.pos + 1))))
        return this.number(start);
      if (c === 34 /* " */ || c === 39 /* ' */) {
        this.pos++;
        while (this.pos < end) {
          const d = s.charCodeAt(this.pos);
          if (d === 92 /* \ */) this.pos += 2;
          else if (d === c || d === 10) break;
          else this.pos++;
        }
        if (this.pos < end && s.charCodeAt(this.pos) === c) this.pos++;
        this.pos = Math.min(this.pos, end);
        return this.token(c === 34 ? 'string' : 'rune', start);
      }
      if (c === 96 /* ` */) {
        const close = s.indexOf('`', this.pos + 1);
        this.pos = close < 0 || close >= end ? end : close + 1;
        return this.token('string', start);
      }
      if (c === 59 /* ; */) {
        this.pos++;
        this.lastEndsLine = false;
        return { kind: ';', text: ';', start, end: this.pos };
      }
      for (const op of OPERATORS_BY_FIRST.get(c) ?? []) {
        if (s.startsWith(op, this.pos) && this.pos + op.length <= end) {
          this.pos += op.length;
          return this.token('op', start);
        }
      }
      this.pos++;
      return this.token('op', start);
    }
  }

  private number(start: number): Token {
    const s = this.source;
    let kind: TokenKind = 'int';
    const hex = /^0[xX]/.test(s.slice(start, start + 2));
    while (this.pos < this.end) {
      const d = s.charCodeAt(this.pos);
      const ch = s[this.pos];
      if (
        isDigit(d) ||
        ch === '_' ||
        (hex && /[a-fA-F]/.test(ch)) ||
        /[xXoObB]/.test(ch)
      ) {
        this.pos++;
      } else if (ch === '.') {
        kind = 'float';
        this.pos++;
      } else if ((!hex && /[eE]/.test(ch)) || (hex && /[pP]/.test(ch))) {
        kind = 'float';
        this.pos++;
        if (s[this.pos] === '+' || s[this.pos] === '-') this.pos++;
      } else if (ch === 'i') {
        kind = 'imag';
        this.pos++;
        break;
      } else break;
    }
    return this.token(kind, start);
  }
}

const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/**
 * The value of a Go string literal (interpreted or raw), or undefined if it is malformed. Go's
 * escapes (spec: "Rune literals"): `\a \b \f \n \r \t \v \\ \"`, octal `\101`, `\x41`,
 * `\u00e9`, `\U0001F600`; `\x` and octal escapes are bytes, decoded here as UTF-8.
 */
export function stringLiteralValue(text: string): string | undefined {
  if (text.startsWith('`')) {
    return text.endsWith('`') && text.length > 1
      ? text.slice(1, -1).replace(/\r/g, '')
      : undefined;
  }
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2)
    return undefined;
  const body = text.slice(1, -1);
  if (!body.includes('\\'))
    return body.includes('\n') || body.includes('"') ? undefined : body;
  const bytes: number[] = [];
  const pushString = (s: string) => bytes.push(...Buffer.from(s, 'utf8'));
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"' || ch === '\n') return undefined;
    if (ch !== '\\') {
      const cp = body.codePointAt(i)!;
      pushString(String.fromCodePoint(cp));
      if (cp > 0xffff) i++;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    if (SIMPLE_ESCAPES[e] !== undefined && e !== "'") {
      pushString(SIMPLE_ESCAPES[e]);
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return undefined;
      bytes.push(parseInt(oct, 8));
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = HEX_DIGITS[e];
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined;
      const value = parseInt(hex, 16);
      if (e === 'x') bytes.push(value);
      else if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
        return undefined;
      else pushString(String.fromCodePoint(value));
      i += n;
    } else {
      return undefined;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
