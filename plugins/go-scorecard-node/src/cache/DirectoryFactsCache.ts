import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import {
  mkdir,
  readdir,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { CachedGoFile, GoFactsCache } from '../go/extraction/GoFactsCache';

/** Options of {@link DirectoryFactsCache}. */
export interface DirectoryFactsCacheOptions {
  /**
   * Size the folder is brought back under by {@link DirectoryFactsCache.prune}, in bytes,
   * dropping the entries used longest ago. Default 512 MiB.
   */
  maxBytes?: number;
}

const KEY = /^[0-9a-f]{64}$/;
/** Least time between two looks at the whole folder, in ms. */
const PRUNE_EVERY_MS = 3_600_000;
const ENTRY = /^[0-9a-f]{64}\.json$/;
/**
 * An entry read is marked used (its mtime set) only when its mark is older than this, in ms:
 * pruning goes by days of disuse, and a write per read would double a re-scan's I/O.
 */
const TOUCH_AFTER_MS = 3_600_000;

/**
 * Cached Go files (declarations and facts, `CachedGoFile`) kept in a folder, one JSON file per key (`<dir>/<key[0..2]>/<key>.json`),
 * for the CLI and CI runs that keep the folder between jobs. Writes are atomic (a temporary
 * file renamed into place), so concurrent scans sharing the folder never read half an
 * entry; an entry that cannot be read or parsed is a miss and is removed. Reading an entry
 * marks it used (its mtime), which is what {@link DirectoryFactsCache.prune} goes by.
 */
export class DirectoryFactsCache implements GoFactsCache {
  private readonly maxBytes: number;

  constructor(readonly dir: string, options: DirectoryFactsCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  }

  /**
   * The entry, or undefined. Read with synchronous calls (an entry is a few KiB on a
   * local disk; a round trip through libuv's thread pool per entry would cost more than the
   * read), and marked used only when its mark is older than {@link TOUCH_AFTER_MS}.
   */
  async get(key: string): Promise<CachedGoFile | undefined> {
    const path = this.pathOf(key);
    let text: string;
    let used: number;
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    try {
      used = fstatSync(fd).mtimeMs;
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    try {
      const entry = JSON.parse(text) as CachedGoFile;
      if (Date.now() - used > TOUCH_AFTER_MS) {
        const now = new Date();
        utimes(path, now, now).catch(() => {});
      }
      return entry;
    } catch {
      await rm(path, { force: true });
      return undefined;
    }
  }

  async set(key: string, entry: CachedGoFile): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, JSON.stringify(entry));
      await rename(temporary, path);
    } catch (e) {
      await rm(temporary, { force: true });
      throw e;
    }
  }

  /**
   * Removes the entries used longest ago until the folder holds at most `maxBytes`, and
   * temporary files an interrupted write left. Returns the bytes removed. Looks at the folder
   * at most once an hour (it stats every entry), unless `force`d.
   */
  async prune(options: { force?: boolean } = {}): Promise<number> {
    const marker = join(this.dir, '.last-prune');
    const last = await stat(marker).catch(() => undefined);
    if (!options.force && last && Date.now() - last.mtimeMs < PRUNE_EVERY_MS)
      return 0;
    await mkdir(this.dir, { recursive: true });
    await writeFile(marker, '');
    const entries: { path: string; size: number; used: number }[] = [];
    let total = 0;
    let removed = 0;
    for (const shard of await readdir(this.dir).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of await readdir(join(this.dir, shard))) {
        const path = join(this.dir, shard, name);
        const info = await stat(path).catch(() => undefined);
        if (!info?.isFile()) continue;
        if (!ENTRY.test(name)) {
          // A write interrupted over an hour ago.
          if (name.endsWith('.tmp') && Date.now() - info.mtimeMs > 3_600_000) {
            await rm(path, { force: true });
            removed += info.size;
          }
          continue;
        }
        entries.push({ path, size: info.size, used: info.mtimeMs });
        total += info.size;
      }
    }
    entries.sort((a, b) => a.used - b.used);
    for (const entry of entries) {
      if (total <= this.maxBytes) break;
      await rm(entry.path, { force: true });
      total -= entry.size;
      removed += entry.size;
    }
    return removed;
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Not a facts cache key: '${key}'`);
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}
