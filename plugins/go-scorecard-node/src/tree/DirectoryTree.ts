import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SourceEntry, SourceTree, TreeProblem } from './SourceTree';
import { skippedDirNames } from './skippedDirs';

/**
 * A local directory. Symlinks are followed only when they resolve inside the root (files
 * only; a linked folder is not entered, so there are no cycles); anything else is
 * refused with a problem naming the link.
 */
export class DirectoryTree implements SourceTree {
  private constructor(private readonly root: string) {}

  /** Opens a directory; throws when it does not exist or is not a directory. */
  static async open(dir: string): Promise<DirectoryTree> {
    const root = await fs.realpath(dir);
    const stat = await fs.stat(root);
    if (!stat.isDirectory()) {
      throw new Error(`${dir} is not a directory`);
    }
    return new DirectoryTree(root);
  }

  async *entries(
    onProblem: (problem: TreeProblem) => void,
  ): AsyncIterable<SourceEntry> {
    const pending = [this.root];
    while (pending.length) {
      const dir = pending.pop()!;
      let names: string[];
      try {
        names = (await fs.readdir(dir)).sort();
      } catch (e) {
        onProblem({ path: this.rel(dir), message: `cannot list folder: ${errorMessage(e)}` });
        continue;
      }
      for (const name of names) {
        const full = join(dir, name);
        const path = this.rel(full);
        let stat;
        try {
          stat = await fs.lstat(full);
        } catch (e) {
          onProblem({ path, message: `cannot stat: ${errorMessage(e)}` });
          continue;
        }
        if (stat.isDirectory()) {
          if (!skippedDirNames.has(name)) pending.push(full);
        } else if (stat.isFile()) {
          yield this.entry(path, full, stat.size);
        } else if (stat.isSymbolicLink()) {
          const target = await this.insideRoot(full);
          if (!target) {
            onProblem({ path, message: 'symlink points outside the scanned folder; not followed' });
            continue;
          }
          const targetStat = await fs.stat(target).catch(() => undefined);
          if (targetStat?.isFile()) yield this.entry(path, target, targetStat.size);
        }
      }
    }
  }

  private entry(path: string, file: string, size: number): SourceEntry {
    return { path, size, read: () => fs.readFile(file) };
  }

  private async insideRoot(link: string): Promise<string | undefined> {
    const target = await fs.realpath(link).catch(() => undefined);
    if (!target) return undefined;
    return target === this.root || target.startsWith(this.root + sep) ? target : undefined;
  }

  private rel(full: string): string {
    return relative(this.root, full).split(sep).join('/');
  }
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
