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
const BLANK = new Set([' ', '\t', '\r', '\f', '\v']);
const WORD_END = new Set([...BLANK, '\n', '&', '|', ';', '(', ')', '<', '>']);

/** The first of `ops` written at `pos` of `s`. */
function operatorAt(ops: string[], s: string, pos: number): string | undefined {
  return ops.find(op => s.startsWith(op, pos));
}

/** Index after the bracket matching the opener just before `i` (`$(`, `${`), honouring quotes. */
function skipBalanced(
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

function skipPast(s: string, i: number, quote: string): number {
  let j = i;
  while (j < s.length && s[j] !== quote)
    j += quote === '`' && s[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, s.length);
}

function skipDoubleQuoted(s: string, i: number): number {
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
function skipExpansion(s: string, i: number): number | undefined {
  if (s.startsWith('$(', i)) return skipBalanced(s, i + 2, '(', ')');
  if (s.startsWith('${', i)) return skipBalanced(s, i + 2, '{', '}');
  return undefined;
}

/**
 * Splits a POSIX shell script into words, control operators and redirections.
 *
 * Handles single and double quotes, `$'…'`, backslash escapes, `\`-newline
 * continuations, `#` comments, and here-documents (their bodies are skipped).
 * Command substitutions (`$(…)`, backticks) and `${…}` stay in the word as written.
 * Unterminated quotes run to the end of the script instead of failing.
 */
export function tokenize(script: string): ShellToken[] {
  const s = script;
  const tokens: ShellToken[] = [];
  const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  let awaitingDelimiter: boolean | undefined;
  let i = 0;

  const skipHeredocBodies = () => {
    for (const doc of heredocs.splice(0)) {
      while (i < s.length) {
        const nl = s.indexOf('\n', i);
        const end = nl < 0 ? s.length : nl;
        let text = s.slice(i, end).replace(/\r$/, '');
        if (doc.stripTabs) text = text.replace(/^\t+/, '');
        i = nl < 0 ? s.length : nl + 1;
        if (text === doc.delimiter) break;
      }
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
      tokens.push({ kind: 'redirect', op: fd + redirect, start: i, end });
      if (redirect === '<<' || redirect === '<<-')
        awaitingDelimiter = redirect === '<<-';
      i = end;
      continue;
    }
    const op = operatorAt(CONTROL_OPS, s, i);
    if (op) {
      tokens.push({ kind: 'op', op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }

    const start = i;
    let value = '';
    while (i < s.length && !WORD_END.has(s[i])) {
      const d = s[i];
      if (d === '\\') {
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
      heredocs.push({ delimiter: value, stripTabs: awaitingDelimiter });
      awaitingDelimiter = undefined;
    }
  }
  return tokens;
}
