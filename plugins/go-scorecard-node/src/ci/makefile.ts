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

/**
 * The shell commands of a Makefile's recipes. Recipe lines are the tab-indented lines
 * after a rule (and the text after `;` on a rule line); `@`, `-` and `+` prefixes are
 * dropped, `\` continuations stay for the shell to join (the next line's leading tab
 * removed), `$$` becomes `$`, and `$(VAR)` stays as written. Each recipe line is its
 * own shell, as in make. `define` bodies are skipped.
 */
export function makefileCommands(path: string, text: string): ShellCommand[] {
  const lines = text.split(/\r?\n|\r/);
  const commands: ShellCommand[] = [];
  let inRule = false;
  let defineDepth = 0;
  const recipe = (first: number, firstText: string): number => {
    const script = new MappedText();
    let n = first;
    let lineText = firstText.replace(/^[\s@+-]*/, '');
    for (;;) {
      script.append(`${lineText.replace(/\$\$/g, '$')}\n`, n + 1);
      if (!endsWithContinuation(lineText) || n + 1 >= lines.length) break;
      n++;
      lineText = lines[n].replace(/^\t/, '');
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
    if (raw.startsWith('\t') && inRule) {
      n = recipe(n, raw.slice(1));
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
