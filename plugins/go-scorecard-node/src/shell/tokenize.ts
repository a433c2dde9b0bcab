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

/** Index after the `'` closing an ANSI-C string `$'…'` whose text starts at `i`. */
function skipAnsiC(s: string, i: number): number {
  let j = i;
  while (j < s.length && s[j] !== "'") j += s[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, s.length);
}

/**
 * Index of the `)` closing a group whose text starts at `i` (an array's elements, an
 * arithmetic expression), or `limit` when none closes before it. Honours quotes, escapes
 * and expansions, and in arrays (`comments`) `#` comments.
 */
function groupClose(
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

/** The body of a backquoted substitution `` `…` `` at `[from, to)`, its `\$`, `` \` ``, `\\` unescaped. */
function backquotedBody(
  s: string,
  from: number,
  to: number,
  inDoubleQuotes: boolean,
): ScriptSlice {
  const escaped = inDoubleQuotes ? '$`\\"' : '$`\\';
  let script = '';
  const offsets: number[] = [];
  for (let j = from; j < to; j++) {
    if (s[j] === '\\' && j + 1 < to && escaped.includes(s[j + 1])) j++;
    script += s[j];
    offsets.push(j);
  }
  return { script, offsetOf: o => offsets[o] ?? to };
}

/**
 * The command substitutions of `s[start, end)`, a word or (`heredoc`) the body of a
 * here-document whose delimiter is unquoted: the scripts of `$(…)` and `` `…` `` written
 * unquoted, in double quotes, or inside `${…}` and `$((…))`, outermost only (those nested
 * in them are the substitutions of their script). Single-quoted and `$'…'` text is not
 * read, nor (in a word) a `#` comment of an array assignment; `$((…))` is arithmetic,
 * no substitution, unless a single `)` closes its inner `(` (`$((cd a; b) || c)`).
 */
export function commandSubstitutions(
  s: string,
  start: number,
  end: number,
  heredoc = false,
): ScriptSlice[] {
  const found: ScriptSlice[] = [];
  // Open contexts, innermost last: `u` unquoted (also the inside of `$((…))`, up to
  // `limit`), `p` the inside of `${…}` (unquoted, up to the `}` that brings `braces` to
  // 0), `d` double quotes, `h` a here-document's body.
  const stack: {
    kind: 'u' | 'p' | 'd' | 'h';
    limit: number;
    braces: number;
  }[] = [{ kind: heredoc ? 'h' : 'u', limit: end, braces: 0 }];
  let budget = 4 * (end - start) + 1024;
  let i = start;
  while (i < end) {
    while (stack.length > 1 && i >= stack[stack.length - 1].limit) stack.pop();
    const top = stack[stack.length - 1];
    const unquoted = top.kind === 'u' || top.kind === 'p';
    const c = s[i];
    if (c === '\\') {
      i += 2;
    } else if (top.kind === 'd' && c === '"') {
      stack.pop();
      i++;
    } else if (unquoted && c === "'") {
      i = skipPast(s, i + 1, "'");
    } else if (unquoted && c === '$' && s[i + 1] === "'") {
      i = skipAnsiC(s, i + 2);
    } else if (unquoted && c === '"') {
      stack.push({ kind: 'd', limit: top.limit, braces: 0 });
      i++;
    } else if (top.kind === 'p' && (c === '{' || c === '}')) {
      top.braces += c === '{' ? 1 : -1;
      if (top.braces === 0) stack.pop();
      i++;
    } else if (
      top.kind === 'u' &&
      stack.length === 1 &&
      c === '#' &&
      WORD_END.has(s[i - 1])
    ) {
      while (i < end && s[i] !== '\n') i++;
    } else if (c === '`') {
      const close = Math.min(skipPast(s, i + 1, '`'), end);
      const bodyEnd = s[close - 1] === '`' && close - 1 > i ? close - 1 : close;
      found.push(backquotedBody(s, i + 1, bodyEnd, top.kind === 'd'));
      i = close;
    } else if (c === '$' && s[i + 1] === '{') {
      stack.push({ kind: 'p', limit: top.limit, braces: 1 });
      i += 2;
    } else if (c === '$' && s[i + 1] === '(') {
      if (s[i + 2] === '(' && budget > 0) {
        const limit = Math.min(top.limit, i + 3 + budget);
        const close = groupClose(s, i + 3, false, limit);
        budget -= close - i;
        if (close < limit && s[close + 1] === ')') {
          stack.push({ kind: 'u', limit: close + 2, braces: 0 });
          i += 3;
          continue;
        }
      }
      const from = i + 2;
      const close = Math.min(skipBalanced(s, from, '(', ')'), end);
      const bodyEnd = s[close - 1] === ')' && close > from ? close - 1 : close;
      found.push({ script: s.slice(from, bodyEnd), offsetOf: o => from + o });
      i = close;
    } else {
      i++;
    }
  }
  return found;
}

/** The text of a here-document's body, with the leading tabs `<<-` strips removed. */
export function heredocScript(s: string, body: HeredocBody): ScriptSlice {
  const { start, end } = body;
  if (!body.stripTabs)
    return { script: s.slice(start, end), offsetOf: o => start + o };
  let script = '';
  const offsets: number[] = [];
  let lineStart = true;
  for (let j = start; j < end; j++) {
    if (lineStart && s[j] === '\t') continue;
    lineStart = s[j] === '\n';
    script += s[j];
    offsets.push(j);
  }
  return { script, offsetOf: o => offsets[o] ?? end };
}
