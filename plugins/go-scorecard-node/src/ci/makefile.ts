import { ShellCommand } from '../facts';
import { shellCommands } from '../shell/commands';
import { MappedText } from '../text/mappedText';

const CONDITIONAL = /^\s*(ifeq|ifneq|ifdef|ifndef|else|endif)(\s|$)/;
const DEFINE = /^\s*(?:(?:export|override)\s+)?define(\s|$)/;
const ENDEF = /^\s*endef(\s|$)/;

/** What a non-recipe Makefile line is: a rule (with an inline recipe after `;`), or other. */
function classify(line: string): { rule: boolean; inlineRecipe?: number } {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '$' && (line[i + 1] === '(' || line[i + 1] === '{')) {
      depth++;
      i++;
    } else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && c === '=') return { rule: false };
    else if (depth === 0 && c === ':') {
      if (/^:*=/.test(line.slice(i))) return { rule: false };
      return { rule: true, inlineRecipe: findRecipeSemicolon(line, i + 1) };
    }
  }
  return { rule: false };
}

function findRecipeSemicolon(line: string, from: number): number | undefined {
  let depth = 0;
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (c === '$' && (line[i + 1] === '(' || line[i + 1] === '{')) {
      depth++;
      i++;
    } else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (c === '=' && depth === 0) return undefined;
    else if (c === ';' && depth === 0) return i + 1;
  }
  return undefined;
}

function stripComment(line: string): string {
  const m = /(^|[^\\])#/.exec(line);
  return m ? line.slice(0, m.index + m[1].length) : line;
}

function endsWithContinuation(line: string): boolean {
  return (/\\+$/.exec(line)?.[0].length ?? 0) % 2 === 1;
}

/** Variables a Makefile group defines: every value each name is given (`+=` appends). */
export type MakeVariables = Map<string, string[]>;

const ASSIGNMENT =
  /^\s*((?:(?:export|override)\s+)*)([A-Za-z_.][\w.-]*)\s*(\+=|\?=|::?=|:::=|!=|=)\s*(.*)$/;
const INCLUDE = /^\s*(?:-include|sinclude|include)\s+(.+)$/;
/** `export`, `unexport`, with or without names (not an assignment: that is {@link ASSIGNMENT}). */
const EXPORT = /^\s*(?:override\s+)?(export|unexport)(?:\s+(.*))?$/;
const EXPORT_ALL = /^\s*\.EXPORT_ALL_VARIABLES\s*:/;
/** A name make passes to a recipe's environment: letters, digits and underscores. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * GNU make's built-in variables a Makefile uses without defining them. `$(MAKE)` runs make;
 * the others have their default values. Those of {@link BUILTIN_UNKNOWN} have values the
 * analyzer cannot know (`$(CURDIR)`): they stay as written, and are never dropped as undefined.
 */
const BUILTIN_VALUES: MakeVariables = new Map([
  ['MAKE', ['make']],
  ['SHELL', ['/bin/sh']],
  ['RM', ['rm -f']],
  ['CC', ['cc']],
  ['CXX', ['g++']],
  ['AR', ['ar']],
]);
const BUILTIN_UNKNOWN = new Set([
  'CURDIR',
  'MAKEFLAGS',
  'MFLAGS',
  'MAKECMDGOALS',
  'MAKEFILE_LIST',
  'MAKEFILES',
  'MAKELEVEL',
  'MAKE_VERSION',
  'MAKE_HOST',
  'MAKE_RESTARTS',
  '.SHELLFLAGS',
  '.DEFAULT_GOAL',
  'VPATH',
]);

/**
 * What a Makefile says about its recipes' environment: the names `export`ed (true) or
 * `unexport`ed (false), the last directive of the file winning; whether a bare `export` or
 * `.EXPORT_ALL_VARIABLES:` exports every variable (false after a bare `unexport`); and the names
 * given a value by something other than `?=` (they override a value from the environment).
 * Target-specific `target: export VAR = x` is not read.
 */
export interface MakeExports {
  exports: Map<string, boolean>;
  exportAll?: boolean;
  assigned: Set<string>;
}

/** What a Makefile says besides its recipes: variables, included files, the recipe prefix, exports. */
export interface MakefileStructure extends MakeExports {
  variables: MakeVariables;
  /** The words of its `include`/`-include`/`sinclude` lines, as written. */
  includes: string[];
  /** `.RECIPEPREFIX`, when set. */
  recipePrefix?: string;
}

/** The logical lines of a Makefile (continuations joined) outside recipes and `define` bodies. */
function* logicalLines(text: string): Generator<string> {
  const lines = text.split(/\r?\n|\r/);
  let defineDepth = 0;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n];
    if (defineDepth > 0) {
      if (ENDEF.test(raw)) defineDepth--;
      else if (DEFINE.test(raw)) defineDepth++;
      continue;
    }
    if (raw.startsWith('\t')) continue;
    let logical = raw;
    while (endsWithContinuation(logical) && n + 1 < lines.length) {
      n++;
      logical = `${logical.slice(0, -1).trimEnd()} ${lines[n].trim()}`;
    }
    const content = stripComment(logical);
    if (DEFINE.test(content)) {
      defineDepth = 1;
      continue;
    }
    yield content;
  }
}

/** Reads a Makefile's variables, includes, recipe prefix and exports. */
export function makefileStructure(text: string): MakefileStructure {
  const variables: MakeVariables = new Map();
  const includes: string[] = [];
  const exports = new Map<string, boolean>();
  const assigned = new Set<string>();
  let exportAll: boolean | undefined;
  let recipePrefix: string | undefined;
  for (const line of logicalLines(text)) {
    const include = INCLUDE.exec(line);
    if (include) {
      includes.push(...include[1].trim().split(/\s+/));
      continue;
    }
    if (EXPORT_ALL.test(line)) exportAll = true;
    const m = ASSIGNMENT.exec(line);
    if (!m) {
      const directive = EXPORT.exec(line);
      const names = directive?.[2]?.trim().split(/\s+/) ?? [];
      if (directive && names.length === 0)
        exportAll = directive[1] === 'export';
      for (const name of names) {
        if (ENV_NAME.test(name)) exports.set(name, directive![1] === 'export');
      }
      continue;
    }
    if (CONDITIONAL.test(line)) continue;
    const [, prefixes, name, op, value] = m;
    if (name === '.RECIPEPREFIX') {
      recipePrefix = value.trim()[0];
      continue;
    }
    if (/\bexport\b/.test(prefixes)) exports.set(name, true);
    if (op !== '?=') assigned.add(name);
    const values = variables.get(name) ?? [];
    if (op === '!=') values.push('$(shell)');
    else if (op === '+=' && values.length)
      values[values.length - 1] += ` ${value.trim()}`;
    else if (op !== '?=' || !values.length) values.push(value.trim());
    variables.set(name, values);
  }
  return { variables, includes, recipePrefix, exports, exportAll, assigned };
}

/** A variable reference: `$(NAME)`, `${NAME}` or `$X`. */
const REFERENCE = /\$(?:\(([^()$\s]+)\)|\{([^{}$\s]+)\}|([A-Za-z_@<^+?*%]))/g;
/** A conditional echo-suppressor such as `Q = $(if $(filter 1,$V),,@)`: it expands to nothing or `@`. */
const QUIET = /^\$\(if\b.*@\)$/;
const MAX_EXPANSION_DEPTH = 8;

/**
 * Expands the variable references of a text whose value the group knows: one value (or
 * several equal ones), itself expandable. Functions (`$(shell ...)`), automatic variables and
 * names with several values stay as written; `$$` stays for the caller.
 */
export function expandMakeVariables(
  text: string,
  variables: MakeVariables,
  depth = 0,
): string {
  if (depth > MAX_EXPANSION_DEPTH || !text.includes('$')) return text;
  let out = '';
  let last = 0;
  for (
    let i = text.indexOf('$');
    i >= 0 && i < text.length;
    i = text.indexOf('$', i)
  ) {
    if (text[i + 1] === '$') {
      i += 2;
      continue;
    }
    REFERENCE.lastIndex = i;
    const m = REFERENCE.exec(text);
    if (!m || m.index !== i) {
      i++;
      continue;
    }
    const name = m[1] ?? m[2] ?? m[3];
    const values = [
      ...new Set(variables.get(name) ?? BUILTIN_VALUES.get(name) ?? []),
    ];
    let replacement: string | undefined;
    if (values.length === 1) {
      if (QUIET.test(values[0])) replacement = '';
      else {
        const expanded = expandMakeVariables(values[0], variables, depth + 1);
        if (!/\$(?!\$)/.test(expanded.replace(/\$\$/g, '')))
          replacement = expanded;
      }
    }
    if (replacement !== undefined) {
      out += text.slice(last, i) + replacement;
      last = i + m[0].length;
    }
    i += m[0].length;
  }
  return out + text.slice(last);
}

/**
 * The value of a variable for a recipe's environment: its one value (or the last of several
 * different ones) with the references the group knows expanded, `$$` as `$`.
 */
function variableValue(name: string, variables: MakeVariables): string {
  const values = variables.get(name) ?? BUILTIN_VALUES.get(name) ?? [''];
  const value = QUIET.test(values[values.length - 1])
    ? ''
    : expandMakeVariables(values[values.length - 1], variables);
  return value.replace(/\$\$/g, '$');
}

/**
 * The environment of a Makefile group's recipe commands (GNU make, "Communicating Variables
 * to a Sub-make"): the environment make runs in (from the command that runs it), each of those
 * variables taking the Makefile's value when the group assigns it other than with `?=`; plus
 * every variable the group exports (all, after a bare `export` or `.EXPORT_ALL_VARIABLES:`),
 * less those it `unexport`s.
 */
export function recipeEnvironment(
  exports: MakeExports,
  variables: MakeVariables,
  environment: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) {
    env[name] = exports.assigned.has(name)
      ? variableValue(name, variables)
      : value;
  }
  const exported = exports.exportAll
    ? [...variables.keys()].filter(n => ENV_NAME.test(n))
    : [];
  for (const [name, on] of exports.exports) if (on) exported.push(name);
  for (const name of exported) {
    if (!variables.has(name) || name in environment) continue;
    env[name] = variableValue(name, variables);
  }
  for (const [name, on] of exports.exports) if (!on) delete env[name];
  return env;
}

/**
 * Drops references to variables the group never defines from the start of a recipe line
 * (`$(QUIET)go get`): make expands an undefined variable to nothing.
 */
function dropLeadingUndefined(line: string, variables: MakeVariables): string {
  let rest = line;
  for (;;) {
    const m =
      /^\$(?:\(([A-Za-z_][\w]*)\)|\{([A-Za-z_][\w]*)\}|([A-Za-z_]))\s*/.exec(
        rest,
      );
    const name = m?.[1] ?? m?.[2] ?? m?.[3];
    if (
      !m ||
      variables.has(name!) ||
      BUILTIN_UNKNOWN.has(name!) ||
      m[0].length === rest.length
    )
      return rest;
    rest = rest.slice(m[0].length);
  }
}

/**
 * The shell commands of a Makefile's recipes. Recipe lines are the lines after a rule that start
 * with a tab (or the `.RECIPEPREFIX` character), and the text after `;` on a rule line. Variable
 * references the Makefile group defines are expanded (`$(GO) get` with `GO ?= go`); a quiet
 * prefix (`$Q`, `$(Q)`, `${AT}` expanding to `@` or nothing) and `@`, `-`, `+` prefixes are
 * dropped; `\` continuations stay for the shell to join (the next line's leading tab removed),
 * `$$` becomes `$`. Each recipe line is its own shell, as in make. `define` bodies are skipped.
 * Every command runs with `env` (by default the variables the file exports, see
 * {@link recipeEnvironment}) under what the shell line itself sets.
 */
export function makefileCommands(
  path: string,
  text: string,
  variables: MakeVariables = makefileStructure(text).variables,
  recipePrefix = makefileStructure(text).recipePrefix ?? '\t',
  env: Record<string, string> = recipeEnvironment(
    makefileStructure(text),
    variables,
  ),
): ShellCommand[] {
  const lines = text.split(/\r?\n|\r/);
  const commands: ShellCommand[] = [];
  let inRule = false;
  let defineDepth = 0;
  const recipe = (first: number, firstText: string): number => {
    const script = new MappedText();
    let n = first;
    let lineText = dropLeadingUndefined(
      expandMakeVariables(firstText, variables).replace(/^[\s@+-]*/, ''),
      variables,
    ).replace(/^[\s@+-]*/, '');
    for (;;) {
      script.append(`${lineText.replace(/\$\$/g, '$')}\n`, n + 1);
      if (!endsWithContinuation(lineText) || n + 1 >= lines.length) break;
      n++;
      lineText = expandMakeVariables(lines[n].replace(/^\t/, ''), variables);
    }
    for (const c of shellCommands(script.text, 1, path, script.lineOf))
      commands.push({ ...c, env: { ...env, ...c.env } });
    return n;
  };

  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n];
    if (defineDepth > 0) {
      if (ENDEF.test(raw)) defineDepth--;
      else if (DEFINE.test(raw)) defineDepth++;
      continue;
    }
    if (raw.startsWith(recipePrefix) && inRule) {
      n = recipe(n, raw.slice(recipePrefix.length));
      continue;
    }
    let logical = raw;
    const start = n;
    while (endsWithContinuation(logical) && n + 1 < lines.length) {
      n++;
      logical = `${logical.slice(0, -1)} ${lines[n]}`;
    }
    const content = stripComment(logical);
    if (content.trim() === '' || CONDITIONAL.test(content)) continue;
    if (DEFINE.test(content)) {
      defineDepth = 1;
      inRule = false;
      continue;
    }
    const { rule, inlineRecipe } = classify(content);
    inRule = rule;
    if (rule && inlineRecipe !== undefined && start === n) {
      recipe(n, raw.slice(inlineRecipe));
    }
  }
  return commands;
}
