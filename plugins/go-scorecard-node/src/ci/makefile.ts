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
  /^\s*(?:(?:export|override)\s+)*([A-Za-z_.][\w.-]*)\s*(\+=|\?=|::?=|:::=|!=|=)\s*(.*)$/;
const INCLUDE = /^\s*(?:-include|sinclude|include)\s+(.+)$/;

/** What a Makefile says besides its recipes: variables, included files, the recipe prefix. */
export interface MakefileStructure {
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

/** Reads a Makefile's variables, includes and recipe prefix. */
export function makefileStructure(text: string): MakefileStructure {
  const variables: MakeVariables = new Map();
  const includes: string[] = [];
  let recipePrefix: string | undefined;
  for (const line of logicalLines(text)) {
    const include = INCLUDE.exec(line);
    if (include) {
      includes.push(...include[1].trim().split(/\s+/));
      continue;
    }
    const m = ASSIGNMENT.exec(line);
    if (!m || CONDITIONAL.test(line)) continue;
    const [, name, op, value] = m;
    if (name === '.RECIPEPREFIX') {
      recipePrefix = value.trim()[0];
      continue;
    }
    const values = variables.get(name) ?? [];
    if (op === '!=') values.push('$(shell)');
    else if (op === '+=' && values.length)
      values[values.length - 1] += ` ${value.trim()}`;
    else if (op !== '?=' || !values.length) values.push(value.trim());
    variables.set(name, values);
  }
  return { variables, includes, recipePrefix };
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
    const values = [...new Set(variables.get(name) ?? [])];
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
    if (
      !m ||
      variables.has(m[1] ?? m[2] ?? m[3]) ||
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
 */
export function makefileCommands(
  path: string,
  text: string,
  variables: MakeVariables = makefileStructure(text).variables,
  recipePrefix = makefileStructure(text).recipePrefix ?? '\t',
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
    commands.push(...shellCommands(script.text, 1, path, script.lineOf));
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
