import {
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoFileFacts } from '../facts';
import { CachedGoFile } from '../go/extraction/GoFactsCache';
import { noDeclarations } from '../go/fileDeclarations';
import { DirectoryFactsCache } from './DirectoryFactsCache';

const key = (c: string) => c.repeat(64);
const entry = (path: string): CachedGoFile => ({
  declarations: noDeclarations(),
  vocabulary: 'f'.repeat(64),
  facts: { path, dir: '.' } as unknown as GoFileFacts,
});

describe('DirectoryFactsCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'facts-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back what was stored, and nothing for an unknown key', async () => {
    const cache = new DirectoryFactsCache(join(dir, 'nested', 'cache'));
    await cache.set(key('a'), entry('main.go'));
    expect(await cache.get(key('a'))).toEqual(entry('main.go'));
    expect(await cache.get(key('b'))).toBeUndefined();
    expect(readdirSync(join(dir, 'nested', 'cache', 'aa'))).toEqual([
      `${key('a')}.json`,
    ]);
  });

  it('treats a damaged entry as missing and removes it', async () => {
    const cache = new DirectoryFactsCache(dir);
    await cache.set(key('c'), entry('x.go'));
    writeFileSync(join(dir, 'cc', `${key('c')}.json`), '{"path": "x.go", ');
    expect(await cache.get(key('c'))).toBeUndefined();
    expect(readdirSync(join(dir, 'cc'))).toEqual([]);
  });

  it('refuses a key that is not a hash (no path escapes the folder)', async () => {
    const cache = new DirectoryFactsCache(dir);
    await expect(cache.set('../../etc/passwd', entry('x'))).rejects.toThrow(
      /Not a facts cache key/,
    );
  });

  it('fails a write it cannot make, so the caller can say so', async () => {
    writeFileSync(join(dir, 'file'), '');
    const cache = new DirectoryFactsCache(join(dir, 'file'));
    await expect(cache.set(key('d'), entry('x'))).rejects.toThrow();
  });

  it('keeps concurrent writes of one key whole', async () => {
    const cache = new DirectoryFactsCache(dir);
    await Promise.all(
      Array.from({ length: 20 }, () => cache.set(key('e'), entry('same.go'))),
    );
    expect(await cache.get(key('e'))).toEqual(entry('same.go'));
    expect(readdirSync(join(dir, 'ee'))).toEqual([`${key('e')}.json`]);
  });

  it('prunes the entries used longest ago down to its size', async () => {
    const writer = new DirectoryFactsCache(dir);
    const old = new Date(Date.now() - 86_400_000);
    for (const c of ['1', '2', '3']) {
      await writer.set(key(c), entry(`${c}.go`));
      utimesSync(join(dir, c + c, `${key(c)}.json`), old, old);
    }
    // Reading an entry marks it used.
    await writer.get(key('1'));
    await new Promise(resolve => setTimeout(resolve, 50));
    const size = JSON.stringify(entry('1.go')).length;
    const cache = new DirectoryFactsCache(dir, { maxBytes: 2 * size });
    expect(await cache.prune()).toBe(size);
    expect(await cache.get(key('1'))).toEqual(entry('1.go'));
    expect(
      [await cache.get(key('2')), await cache.get(key('3'))].filter(Boolean),
    ).toHaveLength(1);
    // The folder is looked at once an hour at most: a second run right after leaves it.
    await cache.set(key('4'), entry('4.go'));
    expect(await cache.prune()).toBe(0);
    expect(await cache.prune({ force: true })).toBe(size);
  });
});
