import { lastAtOrBefore } from './lastAtOrBefore';

/** Longest snippet kept, in characters. */
const MAX_SNIPPET = 120;

/**
 * Line lookups in a text: the 1-based line of an offset, and a line's text.
 * `\n`, `\r\n` and a lone `\r` all end a line.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
        this.starts.push(i + 1);
      }
    }
  }

  /** The 1-based line holding `offset`. */
  lineOf(offset: number): number {
    return (
      Math.max(
        0,
        lastAtOrBefore(this.starts, s => s, offset),
      ) + 1
    );
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    if (line < 1 || line > this.starts.length) return '';
    const start = this.starts[line - 1];
    const end =
      line < this.starts.length ? this.starts[line] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }

  /** The trimmed, shortened text of a 1-based line, for a finding's snippet. */
  snippet(line: number): string {
    return shorten(this.lineText(line));
  }
}

/** Collapses whitespace and cuts `text` to a snippet's length. */
export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SNIPPET
    ? `${flat.slice(0, MAX_SNIPPET - 1)}…`
    : flat;
}
