import { GoModFile, GoModReplace } from '../facts';
import { GoModSyntaxError } from './goModSyntaxError';
import { GoModLine, lexGoMod } from './lexGoMod';

export { GoModSyntaxError } from './goModSyntaxError';

/** One directive of go.mod or go.work: its verb, arguments and lexed line. */
export type Entry = { verb: string; args: string[]; line: GoModLine };

/** Whether a line's comment marks the requirement `// indirect` (also `// indirect; note`). */
function isIndirect(line: GoModLine): boolean {
  const c = line.comment;
  return c !== undefined && (c === 'indirect' || c.startsWith('indirect;'));
}

function isPunct(line: GoModLine, index: number, p: string): boolean {
  return line.tokens[index] === p && !line.quoted[index];
}

/**
 * Groups lexed lines into directives, expanding `verb ( … )` blocks into one entry per line
 * (go.mod and go.work share this syntax).
 *
 * @throws GoModSyntaxError for an unbalanced block.
 */
export function directives(path: string, lines: GoModLine[]): Entry[] {
  const out: Entry[] = [];
  let block: { verb: string; line: number } | undefined;
  for (const l of lines) {
    const n = l.tokens.length;
    if (block) {
      if (n === 1 && isPunct(l, 0, ')')) block = undefined;
      else if (isPunct(l, 0, '(')) {
        throw new GoModSyntaxError(
          path,
          l.line,
          `unexpected ( in ${block.verb} block`,
        );
      } else out.push({ verb: block.verb, args: l.tokens, line: l });
      continue;
    }
    if (isPunct(l, 0, ')') || isPunct(l, 0, '(')) {
      throw new GoModSyntaxError(path, l.line, `unexpected ${l.tokens[0]}`);
    }
    const emptyBlock = n === 3 && isPunct(l, 1, '(') && isPunct(l, 2, ')');
    if (n === 2 && isPunct(l, 1, '(')) {
      block = { verb: l.tokens[0], line: l.line };
    } else if (!emptyBlock) {
      out.push({ verb: l.tokens[0], args: l.tokens.slice(1), line: l });
    }
  }
  if (block) {
    throw new GoModSyntaxError(
      path,
      block.line,
      `${block.verb} block is not closed with )`,
    );
  }
  return out;
}

/**
 * A `replace` directive's arguments (`old [v] => new [v]`, a directory without a version).
 *
 * @throws what `fail` throws, for a malformed directive.
 */
export function parseReplace(
  args: string[],
  fail: (msg: string) => never,
  line: number,
): GoModReplace {
  const arrow = args.indexOf('=>');
  const after = args.length - arrow - 1;
  if (arrow < 1 || arrow > 2 || after < 1 || after > 2) {
    fail(
      'usage: replace module/path [v1.2.3] => other/module v1.4 or => ../local/directory',
    );
  }
  return {
    oldPath: args[0],
    oldVersion: arrow === 2 ? args[1] : undefined,
    newPath: args[arrow + 1],
    newVersion: after === 2 ? args[arrow + 2] : undefined,
    line,
  };
}

/**
 * Parses go.mod: `module`, `go`, `toolchain`, `require`, `replace`, `exclude` and `retract`
 * in single-line and block form, `// indirect` markers and quoted paths, each with its
 * 1-based line. Other directives (`godebug`, `tool`, `ignore`, future ones) are skipped.
 *
 * @throws GoModSyntaxError for a malformed line (`path:line: problem`).
 */
export function parseGoMod(path: string, text: string): GoModFile {
  const file: GoModFile = {
    path,
    requires: [],
    replaces: [],
    excludes: [],
    retracts: [],
  };
  for (const { verb, args, line: l } of directives(
    path,
    lexGoMod(path, text),
  )) {
    const line = l.line;
    const fail = (msg: string): never => {
      throw new GoModSyntaxError(path, line, msg);
    };
    switch (verb) {
      case 'module':
        if (args.length !== 1) fail('usage: module module/path');
        if (file.module) fail('repeated module statement');
        file.module = { path: args[0], line };
        break;
      case 'go':
        if (args.length !== 1) fail('usage: go 1.23');
        file.goVersion = args[0];
        break;
      case 'toolchain':
        if (args.length !== 1) fail('usage: toolchain go1.23.1');
        file.toolchain = args[0];
        break;
      case 'require':
      case 'exclude':
        if (args.length !== 2) fail(`usage: ${verb} module/path v1.2.3`);
        if (verb === 'require') {
          file.requires.push({
            path: args[0],
            version: args[1],
            indirect: isIndirect(l),
            line,
          });
        } else {
          file.excludes.push({ path: args[0], version: args[1], line });
        }
        break;
      case 'replace':
        file.replaces.push(parseReplace(args, fail, line));
        break;
      case 'retract':
        if (args.length === 1) {
          file.retracts.push({ low: args[0], high: args[0], line });
        } else if (
          args.length === 5 &&
          args[0] === '[' &&
          args[2] === ',' &&
          args[4] === ']'
        ) {
          file.retracts.push({ low: args[1], high: args[3], line });
        } else {
          fail('usage: retract v1.2.3 or retract [v1.0.0, v1.2.3]');
        }
        break;
      default:
        break;
    }
  }
  return file;
}
