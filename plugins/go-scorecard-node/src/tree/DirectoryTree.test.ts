import { execFileSync, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryTree } from './DirectoryTree';
import { SourceEntry, TreeProblem } from './SourceTree';

const SECRET = 'OUTSIDE-SECRET-LINE';

/**
 * A root with `sub/main.go` inside and, next to the root, an outside folder holding a
 * file of the same name whose content must never be read through the tree.
 */
async function layout() {
  const base = await fs.realpath(await fs.mkdtemp(join(tmpdir(), 'dirtree-')));
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  await fs.mkdir(join(root, 'sub'), { recursive: true });
  await fs.mkdir(outside);
  await fs.writeFile(join(root, 'a.go'), 'package a\n');
  await fs.writeFile(join(root, 'sub', 'main.go'), 'package main\n');
  await fs.writeFile(join(root, 'z.go'), 'package z\n');
  await fs.writeFile(join(outside, 'main.go'), `${SECRET}\n`);
  return { base, root, outside };
}

/** Swaps `root/sub` for a symlink to the outside folder (the real folder is kept aside). */
async function swapInLink(root: string, outside: string) {
  await fs.rename(join(root, 'sub'), join(root, '..', 'sub-aside'));
  await fs.symlink(outside, join(root, 'sub'));
}

async function readAll(tree: DirectoryTree) {
  const problems: TreeProblem[] = [];
  const texts = new Map<string, string>();
  for await (const entry of tree.entries(p => problems.push(p))) {
    try {
      texts.set(entry.path, (await entry.read()).toString());
    } catch (e) {
      problems.push({ path: entry.path, message: (e as Error).message });
    }
  }
  return { texts, problems };
}

describe('DirectoryTree', () => {
  it('reads the files below the root, sorted per folder', async () => {
    const { root } = await layout();
    const { texts, problems } = await readAll(await DirectoryTree.open(root));
    expect([...texts.keys()].sort()).toEqual(['a.go', 'sub/main.go', 'z.go']);
    expect(texts.get('sub/main.go')).toBe('package main\n');
    expect(problems).toEqual([]);
  });

  it('refuses a file whose folder became a link out between listing and reading', async () => {
    const { root, outside } = await layout();
    const tree = await DirectoryTree.open(root);
    const pending: SourceEntry[] = [];
    for await (const entry of tree.entries(() => {})) pending.push(entry);
    const entry = pending.find(e => e.path === 'sub/main.go')!;
    // The check (lstat, listing) is done; the path now leads outside.
    await swapInLink(root, outside);
    await expect(entry.read()).rejects.toThrow(
      'sub/main.go changed while being read and now leads outside the scanned folder',
    );
  });

  it('refuses to list a folder that became a link out after it was seen', async () => {
    const { root, outside } = await layout();
    const tree = await DirectoryTree.open(root);
    const problems: TreeProblem[] = [];
    const read: string[] = [];
    for await (const entry of tree.entries(p => problems.push(p))) {
      // `sub` was seen as a folder while the root was listed; `z.go` comes before it is entered.
      if (entry.path === 'z.go') await swapInLink(root, outside);
      read.push((await entry.read()).toString());
    }
    expect(read.join('')).not.toContain(SECRET);
    expect(problems).toEqual([
      {
        path: 'sub',
        message:
          'folder changed while being listed and no longer leads to a folder inside the scanned folder; not read',
      },
    ]);
  });

  it('opens only the folder an allow-list check resolved', async () => {
    const { root, outside } = await layout();
    await expect(
      DirectoryTree.open(join(root, 'sub'), {
        expectedRealPath: join(root, 'sub'),
      }),
    ).resolves.toBeDefined();
    await swapInLink(root, outside);
    await expect(
      DirectoryTree.open(join(root, 'sub'), {
        expectedRealPath: join(root, 'sub'),
      }),
    ).rejects.toThrow('leads outside the scanned folder');
  });

  it('follows links inside the root and refuses links out, without server paths in problems', async () => {
    const { root, outside } = await layout();
    await fs.symlink(join(root, 'a.go'), join(root, 'b.go'));
    await fs.symlink(join(outside, 'main.go'), join(root, 'c.go'));
    const { texts, problems } = await readAll(await DirectoryTree.open(root));
    expect(texts.get('b.go')).toBe('package a\n');
    expect(texts.has('c.go')).toBe(false);
    expect(problems).toEqual([
      {
        path: 'c.go',
        message: 'symlink points outside the scanned folder; not followed',
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain(outside);
  });

  it('never waits on a FIFO or reads a device swapped in for a listed file', async () => {
    const { root } = await layout();
    const tree = await DirectoryTree.open(root);
    const pending: SourceEntry[] = [];
    for await (const entry of tree.entries(() => {})) pending.push(entry);
    const entry = pending.find(e => e.path === 'a.go')!;
    // After the listing, a.go becomes a named pipe nobody writes to.
    await fs.rm(join(root, 'a.go'));
    execFileSync('mkfifo', [join(root, 'a.go')]);
    await expect(entry.read()).rejects.toThrow(
      'a.go changed into something other than a file; not read',
    );
    // ... or a link to /dev/zero, which never ends: refused as outside, never read.
    await fs.rm(join(root, 'a.go'));
    await fs.symlink('/dev/zero', join(root, 'a.go'));
    await expect(entry.read()).rejects.toThrow(/a\.go/);
  });

  it('never reads outside bytes while a folder is swapped with a link out in a loop', async () => {
    const { base, root, outside } = await layout();
    // Another process swaps root/sub and a link to the outside folder as fast as it can.
    const swapper = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs');
         const [sub, aside, link] = process.argv.slice(1);
         fs.symlinkSync(${JSON.stringify(outside)}, link);
         for (;;) {
           try { fs.renameSync(sub, aside); fs.renameSync(link, sub); } catch {}
           try { fs.renameSync(sub, link); fs.renameSync(aside, sub); } catch {}
         }`,
        join(root, 'sub'),
        join(base, 'sub-aside'),
        join(base, 'sub-link'),
      ],
      { stdio: 'ignore' },
    );
    try {
      let reads = 0;
      // 300 rounds, or fewer on a loaded machine: the deterministic tests above prove
      // the refusal; this one shows no interleaving of a real race gets through.
      const until = Date.now() + 8_000;
      for (let i = 0; i < 300 && Date.now() < until; i++) {
        const tree = await DirectoryTree.open(root);
        const { texts } = await readAll(tree);
        for (const text of texts.values()) {
          expect(text).not.toContain(SECRET);
        }
        if (texts.has('sub/main.go')) reads++;
      }
      // The race was really run: the inside file was read on some rounds.
      expect(reads).toBeGreaterThan(0);
    } finally {
      swapper.kill('SIGKILL');
    }
  }, 60_000);
});
