/**
 * Shell variables a script sets to words it writes out, so that a command using them can be
 * read: `TOOLS=(a b)`, `V=x`, `for tool in "${TOOLS[@]}"; do go get "$tool"; done`.
 *
 * Only what the script states in place is known: plain assignments, arrays, and `for` lists,
 * and the environment its reader gives it (a Dockerfile stage's ARG and ENV values). A value
 * built from a command substitution, arithmetic or a glob, and any other variable of the
 * environment, is unknown and stays as written.
 */

/**
 * A reference this reader expands: `$V`, `${V}`, `${A[@]}`, `${A[*]}`, and the positional
 * parameters `$1`, `${10}`, `$@`, `$*` (`$10` is `$1` and a `0`, as in bash).
 */
const REFERENCES =
  /\$(?:\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])(\[[@*]\])?\}|([A-Za-z_][A-Za-z0-9_]*|[0-9@*]))/g;
const NAME_ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=([\s\S]*)$/;

/** The words of an array literal's body `a "b c" 'd'` (comments dropped). */
function arrayWords(body: string): string[] | undefined {
  const words: string[] = [];
  const re = /\s*(?:#[^\n]*|"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"'#]+))/y;
  const end = body.trimEnd().length;
  let at = 0;
  while (at < end) {
    re.lastIndex = at;
    const m = re.exec(body);
    if (!m) return undefined;
    const word = m[1] ?? m[2] ?? m[3];
    if (word !== undefined) words.push(word);
    at = re.lastIndex;
  }
  return words;
}

/**
 * A variable's words: an array's elements, the words a `for` variable takes in turn (each
 * run of the loop's body is read as one run with all of them), or a scalar's one word.
 */
interface Known {
  words: string[];
  array: boolean;
}

/** What the script has set so far: each variable's words, or undefined when not known. */
export class ShellVariables {
  private readonly values = new Map<string, Known | undefined>();

  /**
   * Records an assignment word after quote removal (`V=x`, `A=(a b)`, `A+=(c)`). A value that
   * holds an expansion this reader cannot do (`$(…)`, `` ` ``, `$((…))`) makes the variable unknown.
   */
  assign(word: string): void {
    const m = NAME_ASSIGNMENT.exec(word);
    if (!m) return;
    const [, name, append, raw] = m;
    let words: string[] | undefined;
    const array = raw.startsWith('(');
    if (array && raw.trimEnd().endsWith(')')) {
      const expanded = arrayWords(raw.trim().slice(1, -1))?.map(w =>
        this.expand(w),
      );
      words = expanded?.every(w => w !== undefined)
        ? expanded.flat()
        : undefined;
    } else if (!array) {
      const one = this.expand(raw);
      words = one?.length === 1 ? one : undefined;
    }
    if (words?.some(w => /\$\(|`/.test(w))) words = undefined;
    if (append) {
      const before = this.values.get(name);
      let after: Known | undefined;
      // `V+=x` on a scalar appends to its text; `A+=(x)` (or `+=` on an array) adds elements.
      if (
        before &&
        words &&
        !array &&
        !before.array &&
        before.words.length === 1
      )
        after = { words: [before.words[0] + words[0]], array: false };
      else if (before && words)
        after = { words: [...before.words, ...words], array: true };
      this.values.set(name, after);
    } else this.values.set(name, words && { words, array });
  }

  /**
   * Records the variables a shell starts with, its environment (a Dockerfile's `ENV` and `ARG`
   * values, a pipeline's `env`, the prefix assignments of `V=x sh -c '…'`): each value is one
   * word as it stands, nothing split or expanded. A value that still holds `$` or a backquote
   * (text this reader could not resolve in its file) is unknown.
   */
  inherit(environment: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(environment)) {
      this.values.set(
        name,
        /[$`]/.test(value) ? undefined : { words: [value], array: false },
      );
    }
  }

  /**
   * Records the positional parameters of a function call: `$1`, `$2`, … are the arguments,
   * `$@` and `$*` all of them (each run of a loop over them is read as one, as a `for` list).
   */
  positional(args: string[]): void {
    for (const [name, known] of this.values)
      if (/^[0-9@*]+$/.test(name) && known) this.values.delete(name);
    args.forEach((arg, i) =>
      this.values.set(String(i + 1), { words: [arg], array: false }),
    );
    const all = args.length ? { words: args, array: false } : undefined;
    this.values.set('@', all);
    this.values.set('*', all);
  }

  /** Takes what another reader knows (a function's body starts with its caller's variables). */
  inheritFrom(other: ShellVariables): void {
    for (const [name, known] of other.values) this.values.set(name, known);
  }

  /** Records `for name in words` (the words after quote removal; none means `"$@"`). */
  loop(name: string, words: string[]): void {
    const all: string[] = [];
    for (const w of words.length ? words : ['$@']) {
      const expanded = this.expand(w);
      if (!expanded || expanded.some(v => /[*?[]/.test(v))) {
        this.values.set(name, undefined);
        return;
      }
      all.push(...expanded);
    }
    this.values.set(name, { words: all, array: false });
  }

  /**
   * The words a word (after quote removal) stands for, when every reference in it is to a
   * variable the script set and at most one of them stands for several words:
   * `${tool}@latest` with `tool` looping over two paths gives two words, `$PKG@$VERSION`
   * one. Undefined when it refers to a variable not known, or holds any other expansion
   * (`$1`, `$@`, `${V:-x}`); a word without `$` is itself.
   */
  expand(word: string): string[] | undefined {
    if (!word.includes('$')) return [word];
    let words = [''];
    let several = false;
    let at = 0;
    for (const m of word.matchAll(REFERENCES)) {
      const text = word.slice(at, m.index);
      const known = this.values.get(m[1] ?? m[3]);
      if (text.includes('$') || !known) return undefined;
      // `$A` and `${A}` of an array are its first element, as in bash.
      const picked =
        known.array && !m[2] ? known.words.slice(0, 1) : known.words;
      if (picked.length !== 1) {
        if (several) return undefined;
        several = true;
      }
      words = words.flatMap(w => picked.map(v => `${w}${text}${v}`));
      at = m.index + m[0].length;
    }
    const rest = word.slice(at);
    if (rest.includes('$')) return undefined;
    return words.map(w => `${w}${rest}`);
  }
}
