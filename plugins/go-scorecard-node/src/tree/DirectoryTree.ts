import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  promises as fs,
  readSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SourceEntry, SourceTree, TreeProblem } from './SourceTree';
import { skippedDirNames } from './skippedDirs';
import { descriptorPath, descriptorPathSync, isInside } from './descriptorPath';

/** Never follow a symlink in the last component (0 where the platform has no such flag). */
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_DIRECTORY = constants.O_DIRECTORY ?? 0;
/**
 * Never wait in `open`: a FIFO swapped in for a listed file would otherwise block the
 * open (and one of libuv's few threads) until a writer comes (see fifo(7)). No effect
 * on regular files.
 */
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Thrown by a read whose opened file turns out to lie outside the tree's root. */
export class OutsideTreeError extends Error {
  constructor(path: string) {
    super(
      `${path} changed while being read and now leads outside the scanned folder`,
    );
    this.name = 'OutsideTreeError';
  }
}

/**
 * A local directory. Symlinks are followed only when they resolve inside the root (files
 * only; a linked folder is not entered, so there are no cycles); anything else is
 * refused with a problem naming the link.
 *
 * Containment holds for the bytes actually read, not only for the paths checked: every
 * folder listed and every file read is opened first, and the opened descriptor's own
 * location (`/proc/self/fd` on Linux; elsewhere the path's real path proved to be the
 * same device and inode) must lie below the root. A folder swapped for a symlink
 * between the check and the read (a time-of-check/time-of-use race) is refused, never
 * read through.
 */
export class DirectoryTree implements SourceTree {
  private constructor(private readonly root: string) {}

  /**
   * Opens a directory; throws when it does not exist or is not a directory. With
   * `expectedRealPath` (a folder an allow-list check has already resolved), throws
   * unless the folder opened is that very folder, so a swap after the check cannot
   * move the tree elsewhere.
   */
  static async open(
    dir: string,
    options: { expectedRealPath?: string } = {},
  ): Promise<DirectoryTree> {
    const handle = await fs.open(dir, constants.O_RDONLY | O_DIRECTORY);
    try {
      const stat = await handle.stat();
      if (!stat.isDirectory()) {
        throw new Error(`${dir} is not a directory`);
      }
      const root = await descriptorPath(handle, dir);
      if (
        options.expectedRealPath !== undefined &&
        root !== options.expectedRealPath
      ) {
        throw new OutsideTreeError(dir);
      }
      return new DirectoryTree(root);
    } finally {
      await handle.close();
    }
  }

  async *entries(
    onProblem: (problem: TreeProblem) => void,
  ): AsyncIterable<SourceEntry> {
    const pending = [this.root];
    while (pending.length) {
      const dir = pending.pop()!;
      let names: string[];
      try {
        names = (await this.list(dir)).sort();
      } catch (e) {
        onProblem({
          path: this.rel(dir),
          message: changedUnderUs(e)
            ? 'folder changed while being listed and no longer leads to a folder inside the scanned folder; not read'
            : `cannot list folder: ${errorMessage(e)}`,
        });
        continue;
      }
      for (const name of names) {
        const full = join(dir, name);
        const path = this.rel(full);
        let stat;
        try {
          // Synchronous, as reads are (see readInside): one lstat per entry of the tree.
          stat = lstatSync(full);
        } catch (e) {
          onProblem({ path, message: `cannot stat: ${errorMessage(e)}` });
          continue;
        }
        if (stat.isDirectory()) {
          if (!skippedDirNames.has(name)) pending.push(full);
        } else if (stat.isFile()) {
          yield this.entry(path, full, stat.size, O_NOFOLLOW);
        } else if (stat.isSymbolicLink()) {
          const target = await this.insideRoot(full);
          if (!target) {
            onProblem({
              path,
              message:
                'symlink points outside the scanned folder; not followed',
            });
            continue;
          }
          const targetStat = await fs.stat(target).catch(() => undefined);
          if (targetStat?.isFile())
            yield this.entry(path, target, targetStat.size, 0);
        }
      }
    }
  }

  /** The names in a folder, listed through a descriptor proved to lie below the root. */
  private async list(dir: string): Promise<string[]> {
    const handle = await fs.open(
      dir,
      constants.O_RDONLY | O_DIRECTORY | O_NOFOLLOW,
    );
    try {
      const real = await descriptorPath(handle, dir);
      if (!isInside(this.root, real)) throw new OutsideTreeError(this.rel(dir));
      // On Linux the descriptor's own entry lists exactly the folder opened; elsewhere
      // the path is listed and then proved to still be the folder opened.
      if (process.platform === 'linux') {
        return await fs.readdir(`/proc/self/fd/${handle.fd}`);
      }
      const names = await fs.readdir(dir);
      const [opened, now] = await Promise.all([handle.stat(), fs.stat(dir)]);
      if (opened.dev !== now.dev || opened.ino !== now.ino) {
        throw new OutsideTreeError(this.rel(dir));
      }
      return names;
    } finally {
      await handle.close();
    }
  }

  private entry(
    path: string,
    file: string,
    size: number,
    flags: number,
  ): SourceEntry {
    return { path, size, read: () => this.readInside(path, file, flags) };
  }

  /**
   * Reads `file` through a descriptor proved to lie below the root. The calls are
   * synchronous: source files are small and local, and five blocking calls of a few
   * microseconds each cost far less than five round trips through libuv's thread pool
   * (a re-scan whose facts are cached spends most of its time reading files).
   */
  private async readInside(
    path: string,
    file: string,
    flags: number,
  ): Promise<Buffer> {
    let fd: number;
    try {
      fd = openSync(file, constants.O_RDONLY | O_NONBLOCK | flags);
    } catch (e) {
      // A symlink where a file was listed (ELOOP), or a file gone since: no server path in the message.
      throw new Error(`${path}: ${errorMessage(e)}`);
    }
    try {
      const real = descriptorPathSync(fd, file);
      if (!isInside(this.root, real)) throw new OutsideTreeError(path);
      // Only a regular file is read, and only the bytes it had when opened: a FIFO or
      // device swapped in (/dev/zero) or a file that keeps growing cannot stall the scan.
      const stat = fstatSync(fd);
      if (!stat.isFile()) {
        throw new Error(
          `${path} changed into something other than a file; not read`,
        );
      }
      const data = Buffer.allocUnsafe(stat.size);
      let read = 0;
      while (read < data.length) {
        const bytesRead = readSync(fd, data, read, data.length - read, read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return read === data.length ? data : data.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  }

  private async insideRoot(link: string): Promise<string | undefined> {
    const target = await fs.realpath(link).catch(() => undefined);
    if (!target) return undefined;
    return isInside(this.root, target) ? target : undefined;
  }

  private rel(full: string): string {
    return relative(this.root, full).split(sep).join('/');
  }
}

/**
 * A file system error without the absolute paths Node puts in it (`EACCES: permission
 * denied, open '/srv/…'` → `EACCES: permission denied`): problems are shown to API callers.
 */
function errorMessage(e: unknown): string {
  const message = (e as Error)?.message ?? String(e);
  return (e as NodeJS.ErrnoException)?.syscall
    ? message.replace(/, \w+ '.*$/s, '')
    : message;
}

/** A folder seen while its parent was listed that is a link or a file by the time it is opened, or leads out. */
function changedUnderUs(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (
    e instanceof OutsideTreeError || code === 'ELOOP' || code === 'ENOTDIR'
  );
}
