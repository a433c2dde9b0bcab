import {
  BLANK,
  WORD_END,
  groupClose,
  skipExpansion,
  skipPast,
} from './quoting';

/** A word of a shell script: quotes and escapes removed from `value`, `raw` as written. */
export interface WordToken {
  kind: 'word';
  value: string;
  raw: string;
  /** Offset of the first character in the script. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

/** A control operator (`&&`, `||`, `;`, `;;`, `|`, `|&`, `&`, `(`, `)`) or a newline (`\n`). */
export interface OperatorToken {
  kind: 'op';
  op: string;
  start: number;
  end: number;
}

/** A redirection operator (`>`, `2>&`, `<<-`, …); the word after it is its target. */
export interface RedirectToken {
  kind: 'redirect';
  op: string;
  start: number;
  end: number;
  /** For `<<` and `<<-`: where the here-document's body is in the script. */
  heredoc?: HeredocBody;
}

/** The body of a here-document: its lines, without the delimiter line. */
export interface HeredocBody {
  /** Offset of the body's first character. */
  start: number;
  /** Offset of the delimiter line (the end of the script when there is none). */
  end: number;
  /** `<<-`: the shell strips the leading tabs of each line. */
  stripTabs: boolean;
  /** The delimiter is unquoted: `$(…)`, backticks and `${…}` in the body are expanded. */
  expands: boolean;
}

/**
 * A script cut out of a larger one (a command substitution's body, a here-document read
 * as a script), with the offset in the larger script of each of its characters.
 */
export interface ScriptSlice {
  script: string;
  offsetOf: (offset: number) => number;
}

/** A token of a shell script. */
export type ShellToken = WordToken | OperatorToken | RedirectToken;

const CONTROL_OPS = [
  ';;&',
  ';;',
  ';&',
  '&&',
  '||',
  '|&',
  '|',
  '&',
  ';',
  '(',
  ')',
];
const REDIRECT_OPS = [
  '<<<',
  '<<-',
  '&>>',
  '<<',
  '<>',
  '<&',
  '>>',
  '>&',
  '>|',
  '&>',
  '<',
  '>',
];
const ANSI_C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/** The first of `ops` written at `pos` of `s`. */
function operatorAt(ops: string[], s: string, pos: number): string | undefined {
  return ops.find(op => s.startsWith(op, pos));
}

/** `NAME=` or `NAME+=` written just before an array's `(`. */
const ARRAY_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=$/;

/**
 * Splits a POSIX shell script into words, control operators and redirections.
 *
 * Handles single and double quotes, `$'…'`, `$"…"`, backslash escapes, `\`-newline
 * continuations, `#` comments, and here-documents (their bodies are skipped; where each
 * lies is recorded on its `<<` token).
 * Command substitutions (`$(…)`, backticks) and `${…}` stay in the word as written;
 * so does the element list of a bash array assignment (`x=(a b)`, `x+=(…)`, over any
 * number of lines), which is one word. A bash arithmetic command `(( … ))` (also the
 * header of `for (( … ))`) yields no token. Unterminated quotes run to the end of the
 * script instead of failing.
 */
export function tokenize(script: string): ShellToken[] {
  const s = script;
  const tokens: ShellToken[] = [];
  const heredocs: {
    delimiter: string;
    stripTabs: boolean;
    expands: boolean;
    token: RedirectToken;
  }[] = [];
  let awaitingDelimiter: RedirectToken | undefined;
  let i = 0;
  // Characters that arithmetic look-ahead may still scan: `((` not closed by `))` is read
  // as two subshells, and the budget keeps many such openings linear.
  let arithmeticBudget = 4 * s.length + 1024;

  /**
   * Index after the `))` closing an arithmetic command `((` at `at`, or undefined when
   * `((` opens two subshells: a single `)` closes it first, or (outside a `for` header)
   * it holds a `;`, or it follows a redirection (`<((…) …)` is a process substitution).
   */
  const arithmeticEnd = (at: number): number | undefined => {
    const previous = tokens[tokens.length - 1];
    if (previous?.kind === 'redirect') return undefined;
    const limit = Math.min(s.length, at + 2 + arithmeticBudget);
    const close = groupClose(s, at + 2, false, limit);
    arithmeticBudget -= close - at;
    if (close >= limit || s[close + 1] !== ')') return undefined;
    const inFor = previous?.kind === 'word' && previous.raw === 'for';
    if (!inFor && s.slice(at, close).includes(';')) return undefined;
    return close + 2;
  };

  const skipHeredocBodies = () => {
    for (const doc of heredocs.splice(0)) {
      const start = i;
      let bodyEnd = s.length;
      while (i < s.length) {
        const nl = s.indexOf('\n', i);
        const end = nl < 0 ? s.length : nl;
        let text = s.slice(i, end).replace(/\r$/, '');
        if (doc.stripTabs) text = text.replace(/^\t+/, '');
        const lineStart = i;
        i = nl < 0 ? s.length : nl + 1;
        if (text === doc.delimiter) {
          bodyEnd = lineStart;
          break;
        }
      }
      doc.token.heredoc = {
        start,
        end: bodyEnd,
        stripTabs: doc.stripTabs,
        expands: doc.expands,
      };
    }
  };

  while (i < s.length) {
    const c = s[i];
    if (BLANK.has(c)) {
      i++;
      continue;
    }
    if (
      c === '\\' &&
      (s[i + 1] === '\n' || (s[i + 1] === '\r' && s[i + 2] === '\n'))
    ) {
      i += s[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      tokens.push({ kind: 'op', op: '\n', start: i, end: i + 1 });
      i++;
      skipHeredocBodies();
      continue;
    }
    const fd = /^\d+(?=[<>])/.exec(s.slice(i, i + 12))?.[0] ?? '';
    const redirect = operatorAt(REDIRECT_OPS, s, i + fd.length);
    if (redirect) {
      const end = i + fd.length + redirect.length;
      const token: RedirectToken = {
        kind: 'redirect',
        op: fd + redirect,
        start: i,
        end,
      };
      tokens.push(token);
      if (redirect === '<<' || redirect === '<<-') awaitingDelimiter = token;
      i = end;
      continue;
    }
    if (c === '(' && s[i + 1] === '(' && arithmeticBudget > 0) {
      const end = arithmeticEnd(i);
      if (end !== undefined) {
        i = end;
        continue;
      }
    }
    const op = operatorAt(CONTROL_OPS, s, i);
    if (op) {
      tokens.push({ kind: 'op', op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }

    const start = i;
    let value = '';
    while (i < s.length) {
      const d = s[i];
      if (WORD_END.has(d)) {
        if (d !== '(' || !ARRAY_ASSIGNMENT.test(s.slice(start, i))) break;
        const end = Math.min(groupClose(s, i + 1, true) + 1, s.length);
        value += s.slice(i, end);
        i = end;
      } else if (d === '\\') {
        if (s[i + 1] === '\n') i += 2;
        else if (s[i + 1] === '\r' && s[i + 2] === '\n') i += 3;
        else {
          value += s[i + 1] ?? '';
          i += 2;
        }
      } else if (d === "'") {
        const end = skipPast(s, i + 1, "'");
        value += s.slice(i + 1, s[end - 1] === "'" ? end - 1 : end);
        i = end;
      } else if (d === '$' && s[i + 1] === "'") {
        let j = i + 2;
        while (j < s.length && s[j] !== "'") {
          if (s[j] === '\\' && j + 1 < s.length) {
            value += ANSI_C_ESCAPES[s[j + 1]] ?? s[j + 1];
            j += 2;
          } else value += s[j++];
        }
        i = Math.min(j + 1, s.length);
      } else if (d === '$' && s[i + 1] === '"') {
        i++; // $"…": a string for translation, read as "…"
      } else if (d === '"') {
        let j = i + 1;
        while (j < s.length && s[j] !== '"') {
          if (s[j] === '\\' && '$`"\\\n'.includes(s[j + 1] ?? '')) {
            if (s[j + 1] !== '\n') value += s[j + 1];
            j += 2;
          } else if (s[j] === '$' && skipExpansion(s, j) !== undefined) {
            const end = skipExpansion(s, j)!;
            value += s.slice(j, end);
            j = end;
          } else if (s[j] === '`') {
            const end = skipPast(s, j + 1, '`');
            value += s.slice(j, end);
            j = end;
          } else value += s[j++];
        }
        i = Math.min(j + 1, s.length);
      } else if (d === '`') {
        const end = skipPast(s, i + 1, '`');
        value += s.slice(i, end);
        i = end;
      } else if (d === '$' && skipExpansion(s, i) !== undefined) {
        const end = skipExpansion(s, i)!;
        value += s.slice(i, end);
        i = end;
      } else {
        value += d;
        i++;
      }
    }
    const raw = s.slice(start, i);
    tokens.push({ kind: 'word', value, raw, start, end: i });
    if (awaitingDelimiter !== undefined) {
      heredocs.push({
        delimiter: value,
        stripTabs: awaitingDelimiter.op.endsWith('-'),
        expands: !/['"\\]/.test(raw),
        token: awaitingDelimiter,
      });
      awaitingDelimiter = undefined;
    }
  }
  skipHeredocBodies();
  return tokens;
}
