import { posix } from 'node:path';
import { GoWorkFile } from '../facts';
import { GoModSyntaxError } from './goModSyntaxError';
import { lexGoMod } from './lexGoMod';
import { directives, parseReplace } from './parseGoMod';

/**
 * Parses go.work (Go Modules Reference, go.work files): its `use` directories, resolved
 * against the file's directory and kept when they lie inside the scanned root, and its
 * `replace` lines. `go`, `toolchain` and `godebug` are skipped.
 *
 * @throws GoModSyntaxError for a malformed line (`path:line: problem`).
 */
export function parseGoWork(path: string, text: string): GoWorkFile {
  const dir = posix.dirname(path);
  const file: GoWorkFile = { path, dir, uses: [], replaces: [] };
  for (const { verb, args, line: l } of directives(
    path,
    lexGoMod(path, text),
  )) {
    const line = l.line;
    const fail = (msg: string): never => {
      throw new GoModSyntaxError(path, line, msg);
    };
    if (verb === 'use') {
      if (args.length !== 1) fail('usage: use local/dir');
      const used = posix.normalize(posix.join(dir, args[0]));
      if (!used.startsWith('../') && used !== '..' && !posix.isAbsolute(used))
        file.uses.push({ dir: used, line });
    } else if (verb === 'replace') {
      file.replaces.push(parseReplace(args, fail, line));
    }
  }
  return file;
}
