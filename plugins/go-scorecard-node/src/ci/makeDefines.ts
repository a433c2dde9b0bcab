/**
 * Multi-line variables of a Makefile (`define NAME … endef`, GNU make "Defining Multi-Line
 * Variables"): canned recipes and the bodies `$(call NAME,…)` expands, such as the
 * Kubebuilder scaffold's `go-get-tool`, whose body runs `go get $(2)`.
 */

/** A `define` body: where it is and its lines as written. */
export interface MakeDefine {
  path: string;
  /** 1-based line of the body's first line (the line after `define`). */
  line: number;
  lines: string[];
}

/** The multi-line variables of a Makefile group, by name (the last definition wins). */
export type MakeDefines = Map<string, MakeDefine>;

const DEFINE =
  /^\s*(?:(?:export|override)\s+)*define\s+([^\s:=!?+]+)\s*(?:[:!?+]*=)?\s*$/;
const ANY_DEFINE = /^\s*(?:(?:export|override)\s+)*define(\s|$)/;
const ENDEF = /^\s*endef(\s|$)/;

/** Reads the `define` bodies of one Makefile (nested `define`s stay inside their body). */
export function makeDefines(path: string, text: string): MakeDefines {
  const defines: MakeDefines = new Map();
  const lines = text.split(/\r?\n|\r/);
  for (let n = 0; n < lines.length; n++) {
    if (lines[n].startsWith('\t')) continue;
    const m = DEFINE.exec(lines[n]);
    if (!m && !ANY_DEFINE.test(lines[n])) continue;
    let depth = 1;
    let end = n + 1;
    for (; end < lines.length; end++) {
      if (ENDEF.test(lines[end])) depth--;
      else if (ANY_DEFINE.test(lines[end])) depth++;
      if (depth === 0) break;
    }
    if (m) {
      defines.set(m[1], {
        path,
        line: n + 2,
        lines: lines.slice(n + 1, end),
      });
    }
    n = end;
  }
  return defines;
}

/**
 * The `define` a recipe line runs when it is nothing but its expansion: `$(NAME)`, `${NAME}`
 * (a canned recipe) or `$(call NAME,args…)` with the arguments as written. Undefined for
 * any other line.
 */
export function definedRecipe(
  line: string,
  defines: MakeDefines,
): { define: MakeDefine; name: string; args: string[] } | undefined {
  const text = line.trim();
  const plain = /^\$(?:\(([^\s(),$]+)\)|\{([^\s{},$]+)\})$/.exec(text);
  if (plain) {
    const name = plain[1] ?? plain[2];
    const define = defines.get(name);
    return define && { define, name, args: [] };
  }
  const call = /^\$\(call\s+([^\s,()$]+)\s*(,[\s\S]*)?\)$/.exec(text);
  if (!call) return undefined;
  const define = defines.get(call[1]);
  if (!define) return undefined;
  return { define, name: call[1], args: splitArguments(call[2] ?? '') };
}

/** `,a,b(c,d),e` → `['a', 'b(c,d)', 'e']`: commas inside parentheses or braces do not split. */
function splitArguments(text: string): string[] {
  if (!text) return [];
  const args: string[] = [];
  let depth = 0;
  let from = 1;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      args.push(text.slice(from, i));
      from = i + 1;
    }
  }
  args.push(text.slice(from));
  return args;
}
