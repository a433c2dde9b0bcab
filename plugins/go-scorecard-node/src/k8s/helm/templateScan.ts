import { TemplateSyntaxError } from './templateNodes';

export interface RawAction {
  k: 'raw';
  body: string;
  at: number;
  trimLeft: boolean;
  trimRight: boolean;
}

/** Whitespace between the tokens of an action. */
export const SPACE = /[ \t\r\n]/;

/** Splits a template into text and the raw bodies of its actions, trimming as `{{-`/`-}}` ask. */
export function scan(
  src: string,
): ({ k: 'text'; text: string; at: number } | RawAction)[] {
  const out: ({ k: 'text'; text: string; at: number } | RawAction)[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      out.push({ k: 'text', text: src.slice(i), at: i });
      break;
    }
    if (open > i) out.push({ k: 'text', text: src.slice(i, open), at: i });
    let j = open + 2;
    const trimLeft = src[j] === '-' && SPACE.test(src[j + 1] ?? '');
    if (trimLeft) j += 1;
    const close = findClose(src, j);
    if (close < 0) throw new TemplateSyntaxError('unclosed action', open);
    let end = close;
    const trimRight =
      src[close - 1] === '-' && SPACE.test(src[close - 2] ?? '');
    if (trimRight) end = close - 1;
    out.push({
      k: 'raw',
      body: src.slice(j, end),
      at: open,
      trimLeft,
      trimRight,
    });
    i = close + 2;
  }
  // Trimming: `{{-` eats the white space before it, `-}}` the white space after it.
  for (let n = 0; n < out.length; n++) {
    const t = out[n];
    if (t.k !== 'text') continue;
    const before = out[n - 1];
    const after = out[n + 1];
    if (before?.k === 'raw' && before.trimRight) {
      const kept = t.text.replace(/^[ \t\r\n]+/, '');
      t.at += t.text.length - kept.length;
      t.text = kept;
    }
    if (after?.k === 'raw' && after.trimLeft)
      t.text = t.text.replace(/[ \t\r\n]+$/, '');
  }
  return out.filter(t => t.k !== 'text' || t.text !== '');
}

/** The offset of the `}}` closing an action whose body starts at `from`; quotes are skipped. */
function findClose(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const c = src[i];
    if (c === '}' && src[i + 1] === '}') return i;
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c && src[i] !== '\n') {
        if (src[i] === '\\') i++;
        i++;
      }
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) return -1;
      i = end;
    }
    i++;
  }
  return -1;
}
