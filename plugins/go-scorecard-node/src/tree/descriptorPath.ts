import {
  fstatSync,
  promises as fs,
  readlinkSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { sep } from 'node:path';

let procFd: boolean | undefined;

/**
 * Where an open file or folder really is: an absolute path without symlinks. On Linux
 * the kernel's own record of the descriptor (`/proc/self/fd/N`, see proc(5)), so what
 * is checked is what will be read, whatever happened to the path since it was opened.
 * Elsewhere (or with no `/proc`), the real path of `openedAs`, accepted only when it
 * names the same device and inode as the descriptor. Throws when neither can be
 * established (the path changed after the open).
 */
export async function descriptorPath(
  handle: fs.FileHandle,
  openedAs: string,
): Promise<string> {
  if (process.platform === 'linux' && procFd !== false) {
    try {
      const path = await fs.readlink(`/proc/self/fd/${handle.fd}`);
      procFd = true;
      return path;
    } catch (e) {
      if (procFd) throw e;
      procFd = false;
    }
  }
  const real = await fs.realpath(openedAs);
  const [opened, found] = await Promise.all([handle.stat(), fs.stat(real)]);
  if (opened.dev !== found.dev || opened.ino !== found.ino) {
    throw new Error(`${openedAs} changed while it was being opened`);
  }
  return real;
}

/**
 * {@link descriptorPath} for a raw descriptor, with synchronous calls: for reading many small
 * files, where one blocking call of a few microseconds costs less than a round trip through
 * libuv's thread pool.
 */
export function descriptorPathSync(fd: number, openedAs: string): string {
  if (process.platform === 'linux' && procFd !== false) {
    try {
      const path = readlinkSync(`/proc/self/fd/${fd}`);
      procFd = true;
      return path;
    } catch (e) {
      if (procFd) throw e;
      procFd = false;
    }
  }
  const real = realpathSync(openedAs);
  const opened = fstatSync(fd);
  const found = statSync(real);
  if (opened.dev !== found.dev || opened.ino !== found.ino) {
    throw new Error(`${openedAs} changed while it was being opened`);
  }
  return real;
}

/** Whether `path` is `root` or below it (both absolute, without symlinks). */
export function isInside(root: string, path: string): boolean {
  return (
    path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)
  );
}
