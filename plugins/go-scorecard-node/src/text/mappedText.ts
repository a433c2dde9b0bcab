import { lastAtOrBefore } from './lastAtOrBefore';

/**
 * A text assembled from pieces of a file, remembering the file line each piece came
 * from, so that an offset in the assembled text maps back to a line of the file.
 * Used where a script is cut out of a larger file (Makefile recipes, Dockerfile RUN,
 * Groovy strings) and joined or unescaped on the way.
 */
export class MappedText {
  private parts: string[] = [];
  private length = 0;
  private readonly offsets: number[] = [];
  private readonly lines: number[] = [];

  /** Appends `text`, all of it written on file line `line`. */
  append(text: string, line: number): this {
    if (text.length === 0) return this;
    const last = this.lines.length - 1;
    if (last < 0 || this.lines[last] !== line) {
      this.offsets.push(this.length);
      this.lines.push(line);
    }
    this.parts.push(text);
    this.length += text.length;
    return this;
  }

  /** The assembled text. */
  get text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  /** The file line of the character at `offset` of the assembled text. */
  lineOf = (offset: number): number => {
    if (this.offsets.length === 0) return 1;
    return this.lines[
      Math.max(
        0,
        lastAtOrBefore(this.offsets, o => o, offset),
      )
    ];
  };
}
