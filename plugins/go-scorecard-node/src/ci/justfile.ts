import { ShellCommand } from '../facts';
import { shellCommands } from '../shell/commands';

/** `name := "value"` (or `'value'`), optionally exported: a variable the recipes interpolate. */
const ASSIGNMENT =
  /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_-]*)\s*:=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(?:#.*)?$/;
/**
 * A recipe header: `name params…: deps…` at column 0, quoted parameter defaults aside (not an
 * assignment `:=`, `set`, `alias`).
 */
const RECIPE = /^@?[A-Za-z_][A-Za-z0-9_-]*(?:\s[^:]*)?:(?!=)/;

function isRecipeHeader(line: string): boolean {
  return RECIPE.test(line.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""'));
}
/** `{{ name }}` in a recipe line. */
const INTERPOLATION = /\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g;

/**
 * The shell commands of a justfile (casey/just: `justfile`, `Justfile`, `.justfile`, `*.just`):
 * each recipe's body lines (indented below a `name: deps` header), their `@` (quiet) and `-`
 * (ignore errors) prefixes removed, `\` continuations joined, and `{{ name }}` replaced by the
 * string a `name := "…"` assignment of the file gives (others left as written). A recipe whose
 * body starts with a shebang (`#!/usr/bin/env bash`) is read as one script. Each command at its
 * own line. The just manual, "Recipes", "Variables and Substitution".
 */
export function justfileCommands(path: string, text: string): ShellCommand[] {
  const lines = text.split(/\r?\n/);
  const variables = new Map<string, string>();
  for (const line of lines) {
    const m = ASSIGNMENT.exec(line);
    if (m) variables.set(m[1], m[2] ?? m[3]);
  }
  const expand = (s: string) =>
    s.replace(
      INTERPOLATION,
      (whole, name: string) => variables.get(name) ?? whole,
    );

  const out: ShellCommand[] = [];
  let inRecipe = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!/^[ \t]/.test(line)) {
      inRecipe = isRecipeHeader(line);
      continue;
    }
    if (!inRecipe || !line.trim()) continue;
    // A shebang recipe: its whole indented body is one script.
    if (line.trim().startsWith('#!')) {
      const body: string[] = [];
      let j = i + 1;
      for (
        ;
        j < lines.length && (/^[ \t]/.test(lines[j]) || !lines[j].trim());
        j++
      )
        body.push(expand(lines[j].trim()));
      out.push(...shellCommands(body.join('\n'), i + 2, path));
      i = j - 1;
      continue;
    }
    if (line.trim().startsWith('#')) continue;
    let command = line.trim();
    const first = i + 1;
    while (command.endsWith('\\') && i + 1 < lines.length) {
      command = `${command.slice(0, -1)} ${lines[++i].trim()}`;
    }
    command = command.replace(/^[@-]+/, '');
    out.push(...shellCommands(expand(command), first, path));
  }
  return out;
}
