import { braceExpansion } from './braceExpansion';
import { ShellCommand } from '../facts';
import { LineIndex, shorten } from '../text/lineIndex';
import { commandSubstitutions, heredocScript } from './substitutions';
import { RedirectToken, ShellToken, WordToken, tokenize } from './tokenize';
import {
  ASSIGNMENT,
  inlineScript,
  commandsRunBy,
  readsScriptFromStdin,
  remoteCommand,
  unwrap,
} from './commandLine';
import { hasLiteralDollar } from './quoting';
import { ShellVariables } from './variables';

/** Maps an offset of the script to its 1-based line in the file. */
export type LineOfOffset = (offset: number) => number;

const LEADING_KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'do',
  'while',
  'until',
  '!',
  '{',
  'fi',
  'done',
  '}',
]);
const NON_COMMANDS = new Set(['for', 'select', 'function']);
/** Builtins whose `NAME=value` arguments set shell variables. */
const DECLARING = new Set([
  'export',
  'local',
  'declare',
  'typeset',
  'readonly',
]);
/** An array element assignment, `a[i]=x` or `m["$k"]+=x`: an assignment, no command. */
const ELEMENT_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\[[^\]]*\]\+?=/;
const MAX_NESTING = 3;
/**
 * The script of `$(CURDIR)`: a name in capitals is no command but a variable, a make
 * reference left as written in a recipe (or a mistaken `${NAME}`).
 */
const VARIABLE_NAME = /^\s*\.?[A-Z_][A-Z0-9_]*\s*$/;

function isOp(token: ShellToken | undefined, op: string): boolean {
  return token?.kind === 'op' && token.op === op;
}

function isKeyword(w: WordToken, name: string): boolean {
  return w.raw === name;
}

/** A simple command: its words (keywords before it dropped), its argv and its env. */
interface SimpleCommand {
  words: WordToken[];
  argv: WordToken[];
  env: Record<string, string>;
}

class CommandBuilder {
  readonly commands: ShellCommand[] = [];
  /** The environment the commands run with: what the shell started with, then what the script exports. */
  private readonly exported: Record<string, string>;
  /** The variables the script has set to words it writes out (for `$tool` in a loop's body). */
  private readonly variables = new ShellVariables();
  /** Open `case` statements: reading the word list, a pattern, or an item's commands. */
  private readonly cases: ('head' | 'pattern' | 'item')[] = [];
  private words: WordToken[] = [];
  /** The here-documents of the command being read, and the one that is its standard input. */
  private heredocs: RedirectToken[] = [];
  private stdin: RedirectToken | undefined;
  /** The here-document `cat` writes into the pipe the next command reads (`cat <<EOF | bash`). */
  private piped: RedirectToken | undefined;
  /** After `function`: its name comes next, then optional `()`, then the body. */
  private functionHeader: 'name' | 'parens' | undefined;
  /** Token index from which no `]]` follows (a `[[` there is an ordinary word). */
  private noTestEndFrom = Infinity;
  /** The tokens being read (a function's body is read again from them when it is called). */
  private tokens: ShellToken[] = [];
  /** Index of the token being read. */
  private at = 0;
  /** The name of the function whose header was just read: a `{` next opens its body. */
  private functionName: string | undefined;
  /** Open `{ … }` groups: the function each is the body of, and where its commands start. */
  private readonly groups: { name?: string; token: number; command: number }[] =
    [];
  /**
   * The functions defined so far: the tokens of the body and the commands read from it at its
   * definition (a call reads the body again with its arguments as `$1`, `$@`, …).
   */
  private functions = new Map<string, ShellFunction>();
  /** The calls being read (`name` and arguments): a recursive call is not read again. */
  private calls = new Set<string>();

  constructor(
    private readonly script: string,
    private readonly path: string,
    private readonly lineOf: LineOfOffset,
    private readonly depth: number,
    environment: Readonly<Record<string, string>> = {},
  ) {
    this.exported = { ...environment };
    this.variables.inherit(environment);
  }

  /** The environment the script leaves for what runs after it in the same shell. */
  get exportedVariables(): Readonly<Record<string, string>> {
    return this.exported;
  }

  run(tokens: ShellToken[]): ShellCommand[] {
    this.tokens = tokens;
    for (let t = 0; t < tokens.length; t++) {
      this.at = t;
      const token = tokens[t];
      const state = this.cases[this.cases.length - 1];
      const header = this.functionHeader;
      this.functionHeader = undefined;
      if (token.kind === 'redirect') {
        const target = tokens[t + 1];
        if (target?.kind === 'word') t++;
        this.redirect(token, target?.kind === 'word' ? target : undefined);
      } else if (token.kind === 'word') {
        if (header === 'name') {
          this.functionHeader = 'parens';
          this.functionName = token.value;
          this.substitute(token);
        } else if (isKeyword(token, '[[') && this.atCommandStart(state)) {
          const end = this.testEnd(tokens, t);
          if (end === undefined) this.word(token, state);
          else {
            for (const w of tokens.slice(t + 1, end))
              if (w.kind === 'word') this.substitute(w);
            t = end;
          }
        } else this.word(token, state);
      } else if (state === 'head' || state === 'pattern') {
        if (token.op === ')' && state === 'pattern') {
          this.words = [];
          this.cases[this.cases.length - 1] = 'item';
        }
      } else if (
        token.op === '(' &&
        (this.words.length === 1 || header === 'parens') &&
        isOp(tokens[t + 1], ')')
      ) {
        if (header !== 'parens') this.functionName = this.words[0].value;
        for (const w of this.words) this.substitute(w);
        this.words = [];
        t++;
      } else {
        this.flush(token.op);
        if (state === 'item' && token.op.startsWith(';') && token.op !== ';') {
          this.cases[this.cases.length - 1] = 'pattern';
        }
      }
    }
    this.flush();
    return this.commands;
  }

  /** Whether a word here would be the first word of a command (after `if`, `!`, …). */
  private atCommandStart(state: string | undefined): boolean {
    return (
      (state === undefined || state === 'item') &&
      this.words.every(w => LEADING_KEYWORDS.has(w.raw))
    );
  }

  /**
   * The index of the `]]` ending the `[[` test at `t`: a test is no command, and inside it
   * `&&`, `||`, `(`, `<` and the like are its operators, not the shell's. Undefined when
   * no `]]` follows.
   */
  private testEnd(tokens: ShellToken[], t: number): number | undefined {
    for (let k = t + 1; k < this.noTestEndFrom && k < tokens.length; k++) {
      const token = tokens[k];
      if (token.kind === 'word' && token.raw === ']]') return k;
    }
    this.noTestEndFrom = Math.min(this.noTestEndFrom, t);
    return undefined;
  }

  private word(token: WordToken, state: string | undefined) {
    const atStart = this.words.length === 0;
    if (state === 'head') {
      if (isKeyword(token, 'in')) this.cases[this.cases.length - 1] = 'pattern';
      this.substitute(token);
      return;
    }
    if (
      atStart &&
      isKeyword(token, 'esac') &&
      (state === 'pattern' || state === 'item')
    ) {
      this.cases.pop();
      return;
    }
    if (state === 'pattern') {
      this.substitute(token);
      return;
    }
    if (atStart && isKeyword(token, 'case')) {
      this.cases.push('head');
      return;
    }
    if (isKeyword(token, 'function') && this.atCommandStart(state)) {
      this.functionHeader = 'name';
      return;
    }
    const name = this.functionName;
    this.functionName = undefined;
    if (isKeyword(token, '{') && this.atCommandStart(state)) {
      this.groups.push({
        name,
        token: this.at + 1,
        command: this.commands.length,
      });
    } else if (isKeyword(token, '}') && this.atCommandStart(state)) {
      const group = this.groups.pop();
      if (group?.name)
        this.functions.set(group.name, {
          tokens: this.tokens.slice(group.token, this.at),
          commands: this.commands.slice(group.command),
        });
    }
    this.words.push(token);
  }

  /**
   * A redirection of the command being read: a here-document is kept for the command
   * (its body may be the script of a shell, or expand substitutions); the substitutions
   * of any other target word run.
   */
  private redirect(token: RedirectToken, target: WordToken | undefined) {
    const op = token.op.replace(/^\d+/, '');
    const fd = token.op.slice(0, token.op.length - op.length);
    if (token.heredoc) this.heredocs.push(token);
    else if (target) this.substitute(target);
    if ((fd === '' || fd === '0') && op.startsWith('<'))
      this.stdin = token.heredoc ? token : undefined;
  }

  /** The simple command `words` make, or undefined (no words, only assignments, `for`). */
  private simpleCommand(all: WordToken[]): SimpleCommand | undefined {
    let words = all;
    while (words.length > 0 && LEADING_KEYWORDS.has(words[0].raw))
      words = words.slice(1);
    if (words.length === 0) return undefined;
    if (NON_COMMANDS.has(words[0].raw)) {
      if (words[0].raw !== 'function' && words.length >= 2) {
        const list = words[2]?.raw === 'in' ? words.slice(3) : [];
        // The list is expanded as a command's words are (an unquoted `$tools` splits).
        this.variables.loop(
          words[1].value,
          list.flatMap(w => this.expanded(w)).map(w => w.value),
        );
      }
      return undefined;
    }

    const env: Record<string, string> = { ...this.exported };
    let i = 0;
    for (; i < words.length; i++) {
      const assignment = ASSIGNMENT.exec(words[i].raw);
      if (!assignment) {
        if (ELEMENT_ASSIGNMENT.test(words[i].raw)) continue;
        break;
      }
      env[assignment[1]] = words[i].value.slice(
        words[i].value.indexOf('=') + 1,
      );
    }
    if (i === words.length) {
      for (const w of words)
        if (!ELEMENT_ASSIGNMENT.test(w.raw)) this.variables.assign(w.value);
      return undefined;
    }
    const argv = unwrap(words.slice(i), env).flatMap(w => this.expanded(w));
    if (argv.length > 0 && DECLARING.has(argv[0].value)) {
      for (const w of argv.slice(1)) this.variables.assign(w.value);
    }
    return argv.length > 0 ? { words, argv, env } : undefined;
  }

  /**
   * A word with the variables the script set expanded (`"$tool"` in the body of
   * `for tool in a b` is `a` and `b`); as written when it refers to any other, or when a
   * `$` of it is quoted or escaped (`'$V'`, `\\$V`: no expansion).
   */
  private expanded(word: WordToken): WordToken[] {
    const braces = braceExpansion(word.value, word.raw);
    if (braces)
      return braces.flatMap(value =>
        this.expanded({ ...word, value, raw: value }),
      );
    if (hasLiteralDollar(word.raw)) return [word];
    const values = this.variables.expand(word.value);
    if (!values || (values.length === 1 && values[0] === word.value))
      return [word];
    // Unquoted, the expansion is split into fields at blanks (`go get $tools` with
    // `tools="a b"` gets two packages); in quotes it stays one word.
    const split = /["']/.test(word.raw)
      ? values
      : values.flatMap(v => v.split(/[ \t\n]+/).filter(Boolean));
    return split.map(value => ({ ...word, value }));
  }

  /** Ends the command being read; `op` is the operator after it (`|`, `;`, `&&`, …). */
  private flush(op?: string) {
    const { words: all, heredocs, piped, stdin: own } = this;
    this.words = [];
    this.heredocs = [];
    this.piped = undefined;
    this.stdin = undefined;
    const command = this.simpleCommand(all);
    // A here-document `cat` writes into a pipe is the next command's standard input.
    const stdin = own ?? piped;
    // The command, and those it runs for each input (`xargs hclfmt`, `find … -exec sh -c '…'`).
    const runs = command ? [command.argv, ...commandsRunBy(command.argv)] : [];
    const scripts = runs.map(run =>
      this.depth < MAX_NESTING ? inlineScript(run) : undefined,
    );
    const stdinScript =
      command && stdin && readsScriptFromStdin(remoteCommand(command.argv))
        ? stdin
        : undefined;
    if (
      op === '|' &&
      command?.argv.length === 1 &&
      command.argv[0].value === 'cat' &&
      own?.heredoc
    )
      this.piped = own;

    // Substitutions run first, as the shell expands the words; those of a script the
    // command's shell runs (`sh -c "…$(…)"`, `bash <<EOF`) are read with that script.
    for (const w of all) if (!scripts.includes(w)) this.substitute(w);
    for (const h of heredocs) {
      if (h !== stdinScript && h.heredoc!.expands)
        this.substituteIn(h.heredoc!.start, h.heredoc!.end, true);
    }
    if (!command) return;

    const { words, argv, env } = command;
    if (argv[0].value === 'export') {
      for (const w of argv.slice(1)) {
        const assignment = ASSIGNMENT.exec(w.raw);
        if (assignment)
          this.exported[assignment[1]] = w.value.slice(
            w.value.indexOf('=') + 1,
          );
      }
    }
    const last = words[words.length - 1];
    const snippet = shorten(this.script.slice(words[0].start, last.end));
    runs.forEach((run, k) => {
      this.commands.push({
        path: this.path,
        line: this.lineOf(run[0].start),
        snippet,
        argv: run.map(w => w.value),
        env,
      });
      const nested = scripts[k];
      if (nested) {
        const base = this.lineOf(nested.start);
        const index = new LineIndex(nested.value);
        this.read(nested.value, o => base + index.lineOf(o) - 1, env);
      }
    });
    if (stdinScript) {
      const body = heredocScript(this.script, stdinScript.heredoc!);
      this.read(body.script, o => this.lineOf(body.offsetOf(o)), env);
    }
    const called = this.functions.get(argv[0].value);
    if (called) this.call(called, argv, env);
  }

  /**
   * Reads the body of a function the script defined, called here with `argv`: its
   * positional parameters are the call's arguments. Only the commands whose words the
   * arguments change are kept (the rest were read at the definition), each with the call's
   * file and line as `calledFrom`.
   */
  private call(
    body: ShellFunction,
    argv: WordToken[],
    env: Record<string, string>,
  ) {
    const key = argv.map(w => w.value).join('\0');
    if (this.depth >= MAX_NESTING || this.calls.has(key)) return;
    const inner = new CommandBuilder(
      this.script,
      this.path,
      this.lineOf,
      this.depth + 1,
      env,
    );
    inner.variables.inheritFrom(this.variables);
    inner.variables.positional(argv.slice(1).map(w => w.value));
    inner.functions = this.functions;
    inner.calls = this.calls;
    const seen = new Set(body.commands.map(commandKey));
    const calledFrom = { path: this.path, line: this.lineOf(argv[0].start) };
    this.calls.add(key);
    for (const c of inner.run(body.tokens)) {
      if (!seen.has(commandKey(c)))
        this.commands.push({ ...c, calledFrom: c.calledFrom ?? calledFrom });
    }
    this.calls.delete(key);
  }

  /** Reads the commands of a script the commands of this one run (`sh -c`, `$(…)`, `bash <<EOF`). */
  private read(
    script: string,
    lineOf: LineOfOffset,
    env: Record<string, string>,
  ) {
    if (this.depth >= MAX_NESTING) return;
    const inner = new CommandBuilder(
      script,
      this.path,
      lineOf,
      this.depth + 1,
      env,
    );
    this.commands.push(...inner.run(tokenize(script)));
  }

  /** Reads the commands of the command substitutions of a word. */
  private substitute(word: WordToken) {
    if (word.raw.includes('$') || word.raw.includes('`'))
      this.substituteIn(word.start, word.end, false);
  }

  /** Reads the commands of the command substitutions of `script[start, end)`. */
  private substituteIn(start: number, end: number, heredoc: boolean) {
    if (this.depth >= MAX_NESTING) return;
    for (const sub of commandSubstitutions(this.script, start, end, heredoc)) {
      if (VARIABLE_NAME.test(sub.script)) continue;
      this.read(sub.script, o => this.lineOf(sub.offsetOf(o)), {
        ...this.exported,
      });
    }
  }
}

/** A function a script defines: the tokens of its body and the commands read from it there. */
interface ShellFunction {
  tokens: ShellToken[];
  commands: ShellCommand[];
}

/** A command's line and words, to tell the commands a call's arguments changed. */
function commandKey(c: ShellCommand): string {
  return `${c.line}\0${c.argv.join('\0')}`;
}

/**
 * The simple commands of a shell script, in order: `argv` without quotes, assignment
 * prefixes (`GO111MODULE=off go get …`) and variables exported earlier in the script in
 * `env`, wrappers (`sudo`, `env`, `time`, `exec`, `nohup`, `nice`) removed.
 * Redirections, `if`/`while`/`for`/`case` syntax, function headers (`f()`, `function f`),
 * `[[ … ]]` tests, `(( … ))` arithmetic and pure assignments (arrays too) are not
 * commands; function bodies are read like any commands, and again where the script calls
 * the function, with `$1`, `$@`, … its arguments (`calledFrom` the call); `sh -c '…'` also yields the
 * commands of its script, and so does a shell reading a here-document (`bash <<EOF`,
 * `sudo sh -e <<'EOF'`) as its standard input. The scripts of command substitutions
 * (`$(…)`, backticks; in words, also in double quotes, and in the bodies of
 * here-documents with an unquoted delimiter) are read before the command that holds
 * them; `$((…))` is arithmetic, `$(NAME)` in capitals a variable (make's, left in a
 * recipe), and single quotes and other here-documents are data. Scripts nest at most
 * three deep.
 *
 * `line` is the file line of the command word (in a nested script, of its own command
 * word): `firstLine` is the line of the script's first line, or `lineOf` maps script
 * offsets to file lines when the script was unfolded or unescaped from its file (YAML
 * folded scalars, Makefile recipes).
 *
 * `environment` is what the shell starts with (a Dockerfile stage's `ENV` and `ARG`
 * values, which a shell-form RUN sees as environment variables, per the Dockerfile
 * reference): it is in every command's `env`, and `$NAME`/`${NAME}` in a command's words
 * expand to its values as the script's own variables do; a nested script (`sh -c`) starts
 * with the environment of the command that runs it. With `exported`, the environment the
 * script's `export`s changed is copied into it, for a later script of the same shell.
 */
export function shellCommands(
  script: string,
  firstLine: number,
  path: string,
  lineOf?: LineOfOffset,
  environment: Readonly<Record<string, string>> = {},
  exported?: Record<string, string>,
): ShellCommand[] {
  const index = lineOf ? undefined : new LineIndex(script);
  const map = lineOf ?? ((o: number) => firstLine + index!.lineOf(o) - 1);
  const builder = new CommandBuilder(script, path, map, 0, environment);
  const commands = builder.run(tokenize(script));
  if (exported)
    for (const [k, v] of Object.entries(builder.exportedVariables))
      if (environment[k] !== v) exported[k] = v;
  return commands;
}

/**
 * The commands of an exec-form argv (a Dockerfile `RUN ["go", "install", "x@v1"]`, a
 * container's `exec.command`): no shell splits or expands it, so its words are the
 * command's words as given (a `sh -c` script among them is still read as a script). All
 * on `line`; the snippet shows the argv single-quoted.
 */
export function argvCommands(
  argv: string[],
  line: number,
  path: string,
): ShellCommand[] {
  const words: WordToken[] = [];
  let script = '';
  for (const value of argv) {
    if (script) script += ' ';
    const raw = `'${value.replace(/'/g, `'\\''`)}'`;
    words.push({
      kind: 'word',
      value,
      raw,
      start: script.length,
      end: script.length + raw.length,
    });
    script += raw;
  }
  return new CommandBuilder(script, path, () => line, 0).run(words);
}
