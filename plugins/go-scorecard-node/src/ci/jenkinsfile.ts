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

  /**
   * The `NAME = 'value'` entries of a declarative `environment { … }` block whose `{` is at
   * `open` (string values only: `credentials('id')` and interpolated `"${…}"` are not known),
   * and the index after its `}`.
   */
  private environmentBlock(open: number): {
    env: Record<string, string>;
    end: number;
  } {
    const env: Record<string, string> = {};
    let j = open + 1;
    while (j < this.text.length) {
      j = this.skipSpace(j);
      const skipped = this.skip(j);
      if (skipped !== j) {
        j = skipped;
        continue;
      }
      if (this.text[j] === '}') return { env, end: j + 1 };
      const entry = /^([A-Za-z_]\w*)\s*=\s*/.exec(this.text.slice(j, j + 256));
      const value = entry && this.stringAt(j + entry[0].length);
      if (entry && value) {
        if (!value.value.text.includes('${')) env[entry[1]] = value.value.text;
        j = value.end;
      } else j = this.endOfLine(j);
    }
    return { env, end: this.text.length };
  }

  private endOfLine(i: number): number {
    for (let j = i; j < this.text.length; j++) {
      const skipped = this.skip(j);
      if (skipped !== j) j = skipped - 1;
      else if (this.text[j] === '\n' || this.text[j] === '}') return j;
    }
    return this.text.length;
  }

  /**
   * The `K=V` strings of a `withEnv([…])` whose name ends at `i` (interpolated ones are not
   * known), and the index after its `)`; undefined when it is not written that way.
   */
  private withEnvList(
    i: number,
  ): { env: Record<string, string>; end: number } | undefined {
    let j = this.skipSpace(i);
    if (this.text[j] !== '(') return undefined;
    j = this.skipSpace(j + 1);
    if (this.text[j] !== '[') return undefined;
    const env: Record<string, string> = {};
    j++;
    for (;;) {
      j = this.skipSpace(j);
      const item = this.stringAt(j);
      if (item) {
        const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(item.value.text);
        if (m && !m[2].includes('${')) env[m[1]] = m[2];
        j = this.skipSpace(item.end);
        if (this.text[j] === ',') j++;
        continue;
      }
      if (this.text[j] !== ']') return undefined;
      j = this.skipSpace(j + 1);
      return this.text[j] === ')' ? { env, end: j + 1 } : undefined;
    }
  }

  /**
   * The scripts of every `sh` step, each with the variables its blocks set (Jenkins,
   * "Pipeline Syntax": an `environment { K = 'v' }` directive sets them for every step of the
   * `pipeline` or `stage` block it is in; `withEnv(['K=v']) { … }` for the steps of its block),
   * inner blocks winning.
   */
  *shSteps(): Generator<{ script: MappedText; env: Record<string, string> }> {
    /** The open blocks: where each `{` is, and the variables it sets. */
    const blocks: { env: Record<string, string> }[] = [];
    let pending: Record<string, string> | undefined;
    const steps: { script: MappedText; blocks: typeof blocks }[] = [];
    let i = 0;
    while (i < this.text.length) {
      const skipped = this.skip(i);
      if (skipped !== i) {
        i = skipped;
        continue;
      }
      const c = this.text[i];
      if (c === '{') {
        blocks.push({ env: pending ?? {} });
        pending = undefined;
        i++;
        continue;
      }
      if (c === '}') {
        blocks.pop();
        i++;
        continue;
      }
      const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(i, i + 64));
      if (!word) {
        i++;
        continue;
      }
      const end = i + word[0].length;
      const method = this.text[i - 1] === '.';
      if (word[0] === 'environment' && !method) {
        const open = this.skipSpace(end);
        if (this.text[open] === '{') {
          const block = this.environmentBlock(open);
          // The directive's variables are its enclosing block's, for every step of it.
          Object.assign(blocks[blocks.length - 1]?.env ?? {}, block.env);
          i = block.end;
          continue;
        }
      }
      if (word[0] === 'withEnv' && !method) {
        const list = this.withEnvList(end);
        if (list) {
          pending = list.env;
          i = list.end;
          continue;
        }
      }
      const script =
        word[0] === 'sh' && !method ? this.shScript(end) : undefined;
      if (script) steps.push({ script: script.value, blocks: [...blocks] });
      i = script ? script.end : end;
    }
    for (const step of steps)
      yield {
        script: step.script,
        env: Object.assign({}, ...step.blocks.map(b => b.env)),
      };
  }
}

/**
 * The shell commands of a Jenkinsfile's `sh` steps, found by a light scan of Groovy
 * string literals (single, double and triple quoted; `${…}` left in place), with the
 * variables of the `environment` directives and `withEnv` blocks around them.
 */
export function jenkinsfileCommands(
  path: string,
  text: string,
): ShellCommand[] {
  const commands: ShellCommand[] = [];
  for (const { script, env } of new GroovyScanner(text).shSteps()) {
    commands.push(...shellCommands(script.text, 1, path, script.lineOf, env));
  }
  return commands;
}
