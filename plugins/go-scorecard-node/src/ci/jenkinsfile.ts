import { ShellCommand } from '../facts';
import { shellCommands } from '../shell/commands';
import { LineIndex } from '../text/lineIndex';
import { MappedText } from '../text/mappedText';

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
};
const QUOTES = ["'''", '"""', "'", '"'];

/** A Groovy string literal: its decoded value with file lines, and where it ends. */
interface GroovyString {
  value: MappedText;
  end: number;
}

/**
 * A light lexer for the Groovy of a Jenkinsfile: enough to skip comments and string
 * literals and to find `sh` steps. It does not parse Groovy; slashy strings, string
 * concatenation and scripts built in variables are not followed.
 */
class GroovyScanner {
  private readonly lines: LineIndex;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /** The string literal starting at `i`, decoded (`${…}` interpolations stay as written). */
  stringAt(i: number): GroovyString | undefined {
    const quote = QUOTES.find(q => this.text.startsWith(q, i));
    if (!quote) return undefined;
    const value = new MappedText();
    let j = i + quote.length;
    while (j < this.text.length && !this.text.startsWith(quote, j)) {
      const c = this.text[j];
      if (c === '\n' && quote.length === 1) break;
      const line = this.lines.lineOf(j);
      if (c === '\\' && j + 1 < this.text.length) {
        const e = this.text[j + 1];
        if (e !== '\n') value.append(ESCAPES[e] ?? e, line);
        j += 2;
      } else {
        value.append(c, line);
        j++;
      }
    }
    return { value, end: Math.min(j + quote.length, this.text.length) };
  }

  /** Index after the comment or string literal at `i`, or `i` when there is none. */
  skip(i: number): number {
    if (this.text.startsWith('//', i)) {
      const nl = this.text.indexOf('\n', i);
      return nl < 0 ? this.text.length : nl;
    }
    if (this.text.startsWith('/*', i)) {
      const end = this.text.indexOf('*/', i + 2);
      return end < 0 ? this.text.length : end + 2;
    }
    return this.stringAt(i)?.end ?? i;
  }

  private skipSpace(i: number): number {
    let j = i;
    while (j < this.text.length && /\s/.test(this.text[j])) j++;
    return j;
  }

  /**
   * The script string of an `sh` step whose name ends at `i`: `sh 'x'`, `sh("x")`,
   * `sh script: 'x', returnStdout: true`, `sh(label: 'l', script: """x""")`.
   */
  shScript(i: number): GroovyString | undefined {
    let j = this.skipSpace(i);
    if (this.text[j] === '(') j = this.skipSpace(j + 1);
    const positional = this.stringAt(j);
    if (positional) return positional;
    for (let arg = 0; arg < 8; arg++) {
      const named = /^([A-Za-z_]\w*)\s*:\s*/.exec(this.text.slice(j, j + 64));
      if (!named) return undefined;
      j += named[0].length;
      const value = this.stringAt(j);
      if (named[1] === 'script') return value;
      const next = /^[^,)\n]*,\s*/.exec(this.text.slice(value ? value.end : j));
      if (!next) return undefined;
      j = (value ? value.end : j) + next[0].length;
    }
    return undefined;
  }

  /** The scripts of every `sh` step. */
  *shSteps(): Generator<MappedText> {
    let i = 0;
    while (i < this.text.length) {
      const skipped = this.skip(i);
      if (skipped !== i) {
        i = skipped;
        continue;
      }
      const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(i, i + 64));
      if (!word) {
        i++;
        continue;
      }
      const end = i + word[0].length;
      const script =
        word[0] === 'sh' && this.text[i - 1] !== '.'
          ? this.shScript(end)
          : undefined;
      if (script) yield script.value;
      i = script ? script.end : end;
    }
  }
}

/**
 * The shell commands of a Jenkinsfile's `sh` steps, found by a light scan of Groovy
 * string literals (single, double and triple quoted; `${…}` left in place).
 */
export function jenkinsfileCommands(
  path: string,
  text: string,
): ShellCommand[] {
  const commands: ShellCommand[] = [];
  for (const script of new GroovyScanner(text).shSteps()) {
    commands.push(...shellCommands(script.text, 1, path, script.lineOf));
  }
  return commands;
}
