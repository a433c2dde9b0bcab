/**
 * The variables in scope at each instruction of a Dockerfile, as the Dockerfile reference
 * states them (sections "FROM", "ENV", "ARG": "Scope", "Using ARG variables", "Predefined
 * ARGs", "Environment replacement"; "Multi-stage builds"):
 *
 * - an `ARG` before the first `FROM` is a global argument: only the `FROM` lines see it,
 *   and a stage sees its default only after declaring it again without a value (`ARG NAME`);
 * - an `ARG` in a stage is in scope until the stage ends; a stage built `FROM` another
 *   does not inherit it;
 * - `ENV` is in scope until the stage ends, and in every stage built `FROM` it (a stage's
 *   image carries its environment); `ENV` wins over an `ARG` of the same name;
 * - `ENV`, `ARG` and `FROM` values expand `$NAME`, `${NAME}`, `${NAME:-word}` and
 *   `${NAME:+word}` with the variables in scope.
 *
 * A reference to a name the Dockerfile does not set (the base image's environment, an
 * argument given only on the command line) is left as written: its value is not known.
 */

/** A reference `$NAME`, `${NAME}`, `${NAME:-word}` or `${NAME:+word}`. */
const REFERENCE =
  /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** The variables of one build stage. */
interface Stage {
  /** `ENV` values: the stage's own, and those of the stage it is built from. */
  env: Record<string, string>;
  /** `ARG` values declared in the stage. */
  args: Record<string, string>;
}

/** Expands the references of `text` to names in `known`; any other reference stays as written. */
export function dockerSubstitute(
  text: string,
  known: Readonly<Record<string, string>>,
): string {
  if (!text.includes('$')) return text;
  return text.replace(
    REFERENCE,
    (whole, braced?: string, op?: string, word?: string, bare?: string) => {
      const name = braced ?? bare!;
      if (!Object.prototype.hasOwnProperty.call(known, name)) return whole;
      const value = known[name];
      if (op === '-') return value !== '' ? value : word!;
      if (op === '+') return value !== '' ? word! : '';
      return value;
    },
  );
}

/**
 * Follows a Dockerfile's instructions in order and answers which variables a RUN sees:
 * call {@link DockerfileStages.from}, {@link DockerfileStages.arg} and
 * {@link DockerfileStages.env} as their instructions come, and
 * {@link DockerfileStages.environment} at each RUN.
 */
export class DockerfileStages {
  /** Global arguments: those declared before the first `FROM`. */
  private readonly globals: Record<string, string> = {};
  /** The stages read so far, by name (stage names are case-insensitive). */
  private readonly named = new Map<string, Stage>();
  private stage: Stage | undefined;

  /** A `FROM [--platform=…] image [AS name]` line: a new stage, built on a named one when `image` names one. */
  from(args: string): void {
    const words = args
      .trim()
      .split(/\s+/)
      .filter(w => w && !w.startsWith('--'));
    const image = dockerSubstitute(words[0] ?? '', this.globals).toLowerCase();
    const base = this.named.get(image);
    this.stage = { env: { ...base?.env }, args: {} };
    if (words.length >= 3 && words[1].toLowerCase() === 'as')
      this.named.set(words[2].toLowerCase(), this.stage);
  }

  /** The `NAME=value` pairs (or bare `NAME`s) of an `ARG` line, values after quote removal. */
  arg(pairs: { name: string; value?: string }[]): void {
    for (const { name, value } of pairs) {
      if (!this.stage) {
        if (value !== undefined)
          this.globals[name] = dockerSubstitute(value, this.globals);
      } else if (value !== undefined) {
        this.stage.args[name] = dockerSubstitute(value, this.environment());
      } else if (Object.prototype.hasOwnProperty.call(this.globals, name)) {
        this.stage.args[name] = this.globals[name];
      }
    }
  }

  /** The `NAME=value` pairs of an `ENV` line, values after quote removal. */
  env(pairs: { name: string; value: string }[]): void {
    if (!this.stage) return;
    // The values of one ENV line are expanded with the variables before it.
    const before = this.environment();
    for (const { name, value } of pairs)
      this.stage.env[name] = dockerSubstitute(value, before);
  }

  /** The variables a RUN of the current stage sees in its environment. */
  environment(): Record<string, string> {
    return this.stage ? { ...this.stage.args, ...this.stage.env } : {};
  }
}
