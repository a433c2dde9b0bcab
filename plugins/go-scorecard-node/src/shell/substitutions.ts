import { HeredocBody, ScriptSlice } from './tokenize';
import {
  WORD_END,
  groupClose,
  skipAnsiC,
  skipBalanced,
  skipPast,
} from './quoting';

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
