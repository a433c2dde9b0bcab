import { ShellCommand } from '../facts';
import { shellCommands } from '../shell/commands';
import { MappedText } from '../text/mappedText';
import { MakeDefines, definedRecipe, makeDefines } from './makeDefines';

const CONDITIONAL = /^\s*(ifeq|ifneq|ifdef|ifndef|else|endif)(\s|$)/;
const DEFINE = /^\s*(?:(?:export|override)\s+)?define(\s|$)/;
const ENDEF = /^\s*endef(\s|$)/;

/** What a non-recipe Makefile line is: a rule (with an inline recipe after `;`), or other. */
/**
 * A rule line's targets colon (the first `:` outside `$(…)`, not an assignment's `:=`), or
 * undefined when the line is no rule (an assignment, a directive).
 */
function ruleColon(line: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '$' && (line[i + 1] === '(' || line[i + 1] === '{')) {
      depth++;
      i++;
    } else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && c === '=') return undefined;
    else if (depth === 0 && c === ':')
      return /^:*=/.test(line.slice(i)) ? undefined : i;
  }
  return undefined;
}

function classify(line: string): { rule: boolean; inlineRecipe?: number } {
  const colon = ruleColon(line);
  return colon === undefined
    ? { rule: false }
    : { rule: true, inlineRecipe: findRecipeSemicolon(line, colon + 1) };
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
 * Target-specific `target: export VAR = x` is not read as an export.
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

/** `VAR = value` after a target's colon: a target-specific variable (GNU make, "Target-specific Variable Values"). */
const TARGET_ASSIGNMENT =
  /^\s*(?:(?:export|override|private)\s+)*([A-Za-z_][\w.-]*)\s*(\+=|\?=|::?=|=)\s*(.*)$/;

/** The target-specific assignment of a rule line (`$(BIN)/ko: PACKAGE=github.com/google/ko`), if any. */
function targetAssignment(
  line: string,
): { name: string; value: string } | undefined {
  const i = ruleColon(line);
  if (i === undefined) return undefined;
  const m = TARGET_ASSIGNMENT.exec(
    line.slice(line[i + 1] === ':' ? i + 2 : i + 1),
  );
  return m ? { name: m[1], value: m[3].trim() } : undefined;
}

/**
 * Reads a Makefile's variables, includes, recipe prefix and exports. A variable only given
 * target-specific values (`$(BIN)/golint: PACKAGE=golang.org/x/lint/golint` for a pattern
 * rule's `$(GO) get $(PACKAGE)`) stands for all of them at once in the recipes: each target
 * that runs the recipe gets its own.
 */
export function makefileStructure(text: string): MakefileStructure {
  const variables: MakeVariables = new Map();
  const targetValues = new Map<string, string[]>();
  const includes: string[] = [];
  const exports = new Map<string, boolean>();
  const assigned = new Set<string>();
  let exportAll: boolean | undefined;
  let recipePrefix: string | undefined;
  /** How many `ifeq`/`ifdef` blocks the line is in. */
  let conditional = 0;
  for (const line of logicalLines(text)) {
    const cond = CONDITIONAL.exec(line);
    if (cond) {
      if (cond[1] === 'endif') conditional = Math.max(0, conditional - 1);
      else if (cond[1] !== 'else') conditional++;
      continue;
    }
    const include = INCLUDE.exec(line);
    if (include) {
      includes.push(...include[1].trim().split(/\s+/));
      continue;
    }
    if (EXPORT_ALL.test(line)) exportAll = true;
    const perTarget = targetAssignment(line);
    if (perTarget) {
      targetValues.set(perTarget.name, [
        ...(targetValues.get(perTarget.name) ?? []),
        perTarget.value,
      ]);
      continue;
    }
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
    const [, prefixes, name, op, value] = m;
    if (name === '.RECIPEPREFIX') {
      recipePrefix = value.trim()[0];
      continue;
    }
    if (/\bexport\b/.test(prefixes)) exports.set(name, true);
    if (op !== '?=') assigned.add(name);
    const values = variables.get(name) ?? [];
    // Recipes expand once the whole file is read: an assignment outside any conditional
    // replaces what the file gave before (`LINT_VERSION := v1.50.0`, later `:= latest`);
    // one inside a conditional may or may not run, so both values stay.
    if (conditional === 0 && op !== '?=' && op !== '+=') values.length = 0;
    if (op === '!=') values.push('$(shell)');
    else if (op === '+=' && values.length)
      values[values.length - 1] += ` ${value.trim()}`;
    else if (op !== '?=' || !values.length) values.push(value.trim());
    variables.set(name, values);
  }
  for (const [name, values] of targetValues)
    if (!variables.has(name))
      variables.set(name, [[...new Set(values)].join(' ')]);
  return { variables, includes, recipePrefix, exports, exportAll, assigned };
}

/** A variable reference: `$(NAME)`, `${NAME}` or `$X`. */
const REFERENCE = /\$(?:\(([^()$\s]+)\)|\{([^{}$\s]+)\}|([A-Za-z_@<^+?*%]))/g;
/** A conditional echo-suppressor such as `Q = $(if $(filter 1,$V),,@)`: it expands to nothing or `@`. */
const QUIET = /^\$\(if\b.*@\)$/;
/** A value made only of recipe prefixes (`@`, `-`, `+`), or nothing. */
const RECIPE_PREFIX = /^[@+-]*$/;

/** Whether a variable's value is an echo suppressor: recipe prefixes, nothing, or a {@link QUIET} `$(if …)`. */
function isQuiet(value: string): boolean {
  return QUIET.test(value) || RECIPE_PREFIX.test(value);
}
const MAX_EXPANSION_DEPTH = 8;

/** A make function call `$(name args)` at `at`: its name, its comma-separated arguments, its end. */
function makeFunctionAt(
  text: string,
  at: number,
): { name: string; args: string[]; end: number } | undefined {
  const open = text[at + 1];
  if (open !== '(' && open !== '{') return undefined;
  const close = open === '(' ? ')' : '}';
  const head = /^([a-z-]+)\s+/.exec(text.slice(at + 2, at + 40));
  if (!head) return undefined;
  const args: string[] = [];
  let depth = 0;
  let from = at + 2 + head[0].length;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{') depth++;
    else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (c === close && depth === 0) {
      args.push(text.slice(from, i));
      return { name: head[1], args, end: i + 1 };
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return undefined;
}

/** A path whose last element has no reference left: `$(GOBIN)/golangci-lint`. */
const PATH_TO_KNOWN_NAME = /^\S*\/[^$/\s]+$/;

/** Whether an expansion is complete: no reference left but `$$`. */
function complete(text: string): boolean {
  return !/\$(?!\$)/.test(text.replace(/\$\$/g, ''));
}

/**
 * `$(foreach var,list,text)` (GNU make, "The foreach Function"): `text` once for each word
 * of `list`, `$(var)` standing for the word, joined by spaces. Undefined when `list` is not
 * known.
 */
function expandForeach(
  args: string[],
  variables: MakeVariables,
  depth: number,
): string | undefined {
  if (args.length !== 3) return undefined;
  const name = args[0].trim();
  const list = expandMakeVariables(args[1], variables, depth + 1);
  if (!complete(list)) return undefined;
  return list
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(word =>
      expandMakeVariables(
        args[2],
        new Map([...variables, [name, [word]]]),
        depth + 1,
      ),
    )
    .join(' ');
}

/**
 * `$(call name,a1,a2,…)` (GNU make, "The call Function") of a one-line variable: its value
 * with `$(1)`, `$(2)`, … the arguments (expanded) and `$(0)` the name. Undefined when the
 * variable is not known; a multi-line `define` in a recipe is read by {@link makefileCommands}.
 */
function expandCall(
  args: string[],
  variables: MakeVariables,
  depth: number,
): string | undefined {
  const name = args[0].trim();
  const values = [...new Set(variables.get(name) ?? [])];
  if (values.length !== 1) return undefined;
  const expanded = expandMakeVariables(
    withCallArguments(values[0], name, args.slice(1), variables, depth),
    variables,
    depth + 1,
  );
  return complete(expanded) ? expanded : undefined;
}

/** A body with `$(0)`, `$(1)`, `${1}`, `$1` … replaced by the name and the arguments (expanded). */
function withCallArguments(
  body: string,
  name: string,
  args: string[],
  variables: MakeVariables,
  depth: number,
): string {
  return body.replace(
    /\$\$|\$(?:\((\d+)\)|\{(\d+)\}|(\d))/g,
    (all: string, a?: string, b?: string, c?: string) => {
      if (all === '$$') return all;
      const n = Number(a ?? b ?? c);
      if (n === 0) return name;
      const arg = args[n - 1];
      return arg === undefined
        ? ''
        : expandMakeVariables(arg, variables, depth + 1);
    },
  );
}

/** GNU make's functions over the words of their one argument ("Functions for String Substitution and Analysis"). */
const WORD_FUNCTIONS: Record<string, (words: string[]) => string> = {
  strip: words => words.join(' '),
  firstword: words => words[0] ?? '',
  lastword: words => words[words.length - 1] ?? '',
};

/**
 * Expands the variable references of a text whose value the group knows: one value (or
 * several equal ones), itself expandable, and the `foreach` and `call` functions over known
 * values, `strip`/`firstword`/`lastword` of what expands in full, and a path whose last element is known though its folder is not
 * (`$(FIRST_GOPATH)/bin/govendor`). Other functions (`$(shell ...)`, whose commands {@link makefileCommands} reads), automatic variables and
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
    const fn = makeFunctionAt(text, i);
    // `$(strip x)`, `$(firstword x)`, `$(lastword x)` of a text that expands in full.
    const words = fn && WORD_FUNCTIONS[fn.name];
    if (fn && words && fn.args.length === 1) {
      const arg = expandMakeVariables(fn.args[0], variables, depth + 1);
      if (complete(arg)) {
        out +=
          text.slice(last, i) + words(arg.trim().split(/\s+/).filter(Boolean));
        last = fn.end;
      }
      i = fn.end;
      continue;
    }
    if (fn && (fn.name === 'foreach' || fn.name === 'call')) {
      const replacement =
        fn.name === 'foreach'
          ? expandForeach(fn.args, variables, depth)
          : expandCall(fn.args, variables, depth);
      if (replacement !== undefined) {
        out += text.slice(last, i) + replacement;
        last = fn.end;
      }
      i = fn.end;
      continue;
    }
    REFERENCE.lastIndex = i;
    const m = REFERENCE.exec(text);
    const computed =
      m && m.index === i ? undefined : computedReferenceAt(text, i);
    if (computed) {
      const names = computedNames(computed.name, variables, depth);
      const replacement =
        names &&
        replacementOf(
          names.flatMap(n => variables.get(n)!),
          variables,
          depth,
        );
      if (replacement !== undefined) {
        out += text.slice(last, i) + replacement;
        last = computed.end;
      }
      i = computed.end;
      continue;
    }
    if (!m || m.index !== i) {
      i++;
      continue;
    }
    const name = m[1] ?? m[2] ?? m[3];
    const replacement = replacementOf(
      variables.get(name) ?? BUILTIN_VALUES.get(name) ?? [],
      variables,
      depth,
    );
    if (replacement !== undefined) {
      out += text.slice(last, i) + replacement;
      last = i + m[0].length;
    }
    i += m[0].length;
  }
  return out + text.slice(last);
}

/**
 * What a reference to a variable with these values expands to, when that is known: nothing for
 * echo suppressors, else the one value expanded in full (or ending in a known name). Undefined
 * when it is not known.
 */
function replacementOf(
  all: string[],
  variables: MakeVariables,
  depth: number,
): string | undefined {
  const values = [...new Set(all)];
  // An echo suppressor set apart by a conditional (`Q = @`, and `Q =` under `ifeq ($(V),1)`):
  // every value is a recipe prefix or nothing, so the command after it is the same.
  if (values.length > 1 && values.every(isQuiet)) return '';
  if (values.length !== 1) return undefined;
  if (QUIET.test(values[0])) return '';
  const expanded = expandMakeVariables(values[0], variables, depth + 1);
  // A path whose folder is not known ends in a name that is (`$(FIRST_GOPATH)/bin/govendor`
  // with GOPATH from `$(shell go env GOPATH)`): the command it runs is told by that name.
  return complete(expanded) || PATH_TO_KNOWN_NAME.test(expanded)
    ? expanded
    : undefined;
}

/**
 * A reference with a computed name at `at` (GNU make, "Computed Variable Names"): `$(AT_$(V))`,
 * `${$(x)}`: the name's text (references in it unexpanded) and the reference's end.
 */
function computedReferenceAt(
  text: string,
  at: number,
): { name: string; end: number } | undefined {
  const open = text[at + 1];
  if (open !== '(' && open !== '{') return undefined;
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let i = at + 2; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{') depth++;
    else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (c === close) {
      const name = text.slice(at + 2, i);
      return name.includes('$') ? { name, end: i + 1 } : undefined;
    } else if (depth === 0 && /\s/.test(c)) return undefined;
  }
  return undefined;
}

/**
 * The variables a computed name may name: the one it expands to, or, when a part of it is not
 * known (`V` set on make's command line), every variable the group defines whose name fits the
 * known parts (`AT_0`, `AT_1`). Undefined when the name it expands to is not defined, or
 * when no defined name fits.
 */
function computedNames(
  name: string,
  variables: MakeVariables,
  depth: number,
): string[] | undefined {
  const expanded = expandMakeVariables(name, variables, depth + 1);
  if (complete(expanded))
    return variables.has(expanded) ? [expanded] : undefined;
  const fits = new RegExp(
    `^${expanded
      .split(/\$(?:\([^()]*\)|\{[^{}]*\}|.)/)
      .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\w.-]*')}$`,
  );
  const names = [...variables.keys()].filter(n => fits.test(n));
  return names.length > 0 ? names : undefined;
}

/** Make's `$(shell …)`/`${shell …}` calls in a text, outermost only (not `$$(…)`, the shell's own). */
function shellFunctionCalls(
  text: string,
): { start: number; end: number; command: string }[] {
  const calls: { start: number; end: number; command: string }[] = [];
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i)) {
    if (text[i + 1] === '$') {
      i += 2;
      continue;
    }
    const fn = makeFunctionAt(text, i);
    if (fn?.name === 'shell') {
      calls.push({ start: i, end: fn.end, command: fn.args.join(',') });
      i = fn.end;
    } else i++;
  }
  return calls;
}

/**
 * A text with make's `$(shell cmd)` written as the shell's `$(cmd)` (nested ones too): make runs
 * `cmd` with /bin/sh and puts its output in place (GNU make, "The shell Function"), which is what
 * a command substitution does for the recipe's shell, so the shell reader reads `cmd` as a command.
 */
function shellFunctionsAsSubstitutions(text: string): string {
  let out = '';
  let last = 0;
  for (const call of shellFunctionCalls(text)) {
    out += `${text.slice(last, call.start)}$(${shellFunctionsAsSubstitutions(
      call.command,
    )})`;
    last = call.end;
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
/**
 * The first variable a recipe line names that has several values, each of them complete and
 * some not a mere recipe prefix (`GOINSTALL` set to `go install` or `go get` by an `ifeq`), with
 * those values (at most 4).
 */
function alternativesIn(
  text: string,
  variables: MakeVariables,
): { name: string; values: string[] } | undefined {
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    if (m.index > 0 && text[m.index - 1] === '$') continue;
    const name = m[1] ?? m[2] ?? m[3];
    const values = [...new Set(variables.get(name) ?? [])];
    // Echo suppressors alone expand to nothing (see expandMakeVariables); a `$(if …)` is not
    // complete.
    if (
      values.length > 1 &&
      values.length <= 4 &&
      values.every(complete) &&
      !values.every(isQuiet)
    )
      return { name, values };
  }
  return undefined;
}

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
 * `$$` becomes `$`. Each recipe line is its own shell, as in make, unless the file says
 * `.ONESHELL:` (then a line's exports reach the rule's later lines). `define` bodies are read
 * where a recipe line expands one (`$(call go-get-tool,…)`, a canned `$(name)`), at their
 * own lines (of `defines`' files: a group's defines may sit in an included file).
 * Every command runs with `env` (by default the variables the file exports, see
 * {@link recipeEnvironment}) under what the shell line itself sets.
 */
/** `.ONESHELL:` (GNU make 3.82): every recipe line of a rule runs in one shell. */
const ONESHELL = /^\.ONESHELL[ \t]*:/m;

export function makefileCommands(
  path: string,
  text: string,
  variables: MakeVariables = makefileStructure(text).variables,
  recipePrefix = makefileStructure(text).recipePrefix ?? '\t',
  env: Record<string, string> = recipeEnvironment(
    makefileStructure(text),
    variables,
  ),
  defines: MakeDefines = makeDefines(path, text),
): ShellCommand[] {
  const lines = text.split(/\r?\n|\r/);
  const commands: ShellCommand[] = [];
  // With `.ONESHELL:`, a rule's recipe lines run in one shell (GNU make, "Using One Shell"):
  // what one exports, the later ones see.
  const oneShell = ONESHELL.test(text);
  let ruleExports: Record<string, string> = {};
  let inRule = false;
  let defineDepth = 0;
  /**
   * Reads one recipe line (and the lines its `\` continuations join) of `source`, from line
   * index `first` of `sourcePath` (1-based line `firstLine + first`); returns the last index.
   */
  const recipeLine = (
    source: string[],
    sourcePath: string,
    firstLine: number,
    first: number,
    firstText: string,
    expand: (text: string) => string,
    calledFrom?: { path: string; line: number },
  ): number => {
    const script = new MappedText();
    let n = first;
    let lineText = dropLeadingUndefined(
      expand(firstText).replace(/^[\s@+-]*/, ''),
      variables,
    ).replace(/^[\s@+-]*/, '');
    for (;;) {
      script.append(
        `${shellFunctionsAsSubstitutions(lineText).replace(/\$\$/g, '$')}\n`,
        firstLine + n,
      );
      if (!endsWithContinuation(lineText) || n + 1 >= source.length) break;
      n++;
      lineText = expand(source[n].replace(/^\t/, ''));
    }
    const exported: Record<string, string> = {};
    for (const c of shellCommands(
      script.text,
      1,
      sourcePath,
      script.lineOf,
      oneShell ? ruleExports : {},
      exported,
    ))
      commands.push({
        ...c,
        env: { ...env, ...c.env },
        ...(calledFrom ? { calledFrom } : {}),
      });
    if (oneShell) ruleExports = { ...ruleExports, ...exported };
    return n;
  };
  const expandHere = (t: string) => expandMakeVariables(t, variables);
  /** Depth of `define` bodies being read, so that a body that calls itself stops. */
  let calls = 0;
  const recipe = (first: number, firstText: string): number => {
    const called = definedRecipe(firstText.replace(/^[\s@+-]*/, ''), defines);
    if (!called || calls >= MAX_EXPANSION_DEPTH) {
      // A variable set apart by conditionals (`GOINSTALL = go install` or `go get`): the
      // line runs with one of its values, each read in turn.
      const choice = alternativesIn(firstText, variables);
      if (!choice)
        return recipeLine(lines, path, 1, first, firstText, expandHere);
      let end = first;
      for (const value of choice.values) {
        const one = new Map(variables).set(choice.name, [value]);
        end = recipeLine(lines, path, 1, first, firstText, t =>
          expandMakeVariables(t, one),
        );
      }
      return end;
    }
    // A define expanded in a recipe: each of its lines is a recipe line (GNU make,
    // "Defining Canned Recipes"), its `$(1)`, `$(2)`… the call's arguments.
    const { define, name, args } = called;
    const expandBody = (t: string) =>
      expandMakeVariables(
        withCallArguments(t, name, args, variables, 0),
        variables,
      );
    calls++;
    for (let k = 0; k < define.lines.length; k++) {
      if (define.lines[k].trim() === '') continue;
      k = recipeLine(
        define.lines,
        define.path,
        define.line,
        k,
        define.lines[k].replace(/^\t/, ''),
        expandBody,
        { path, line: first + 1 },
      );
    }
    calls--;
    return first;
  };

  /**
   * The commands make runs as it reads a line that is no recipe (GNU make, "The shell Function",
   * "Setting Variables"): each `$(shell …)` (of an assignment, a conditional, a rule's targets or
   * prerequisites) and a `VAR != …` assignment's value, at the line where each is written.
   */
  const readTimeCommands = (
    content: string,
    lineAt: (offset: number) => number,
  ): void => {
    const scripts = shellFunctionCalls(content).map(call => ({
      written: call.command,
      // After `$(shell ` (or `${shell `).
      at: content.indexOf(call.command, call.start),
    }));
    const assignment = ASSIGNMENT.exec(content);
    if (assignment?.[3] === '!=')
      scripts.push({
        written: assignment[4],
        at: content.length - assignment[4].length,
      });
    for (const { written, at } of scripts) {
      const script = shellFunctionsAsSubstitutions(
        expandMakeVariables(written, variables),
      ).replace(/\$\$/g, '$');
      // Each command at its own line of a continued line, where the text is as written;
      // else at the line where the script starts.
      const first = lineAt(at + written.search(/\S|$/));
      const lineOf =
        script === written ? (o: number) => lineAt(at + o) : () => first;
      for (const c of shellCommands(script, first, path, lineOf))
        commands.push({ ...c, env: { ...env, ...c.env } });
    }
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
    /** Where each joined line starts in `logical`. */
    const lineStarts = [0];
    while (endsWithContinuation(logical) && n + 1 < lines.length) {
      n++;
      logical = `${logical.slice(0, -1)} `;
      lineStarts.push(logical.length);
      logical += lines[n];
    }
    const content = stripComment(logical);
    if (content.trim() === '') continue;
    if (DEFINE.test(content)) {
      defineDepth = 1;
      inRule = false;
      continue;
    }
    const conditional = CONDITIONAL.test(content);
    const { rule, inlineRecipe } = conditional
      ? { rule: false, inlineRecipe: undefined }
      : classify(content);
    readTimeCommands(
      rule && inlineRecipe !== undefined
        ? content.slice(0, inlineRecipe - 1)
        : content,
      offset =>
        start +
        1 +
        lineStarts.filter(lineStart => lineStart <= offset).length -
        1,
    );
    if (conditional) continue;
    inRule = rule;
    if (rule) ruleExports = {};
    if (rule && inlineRecipe !== undefined && start === n) {
      recipe(n, raw.slice(inlineRecipe));
    }
  }
  return commands;
}
