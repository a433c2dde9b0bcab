import { join, posix } from 'node:path';
import { Analyzer } from '../../analyze';
import { DirectoryTree } from '../../tree/DirectoryTree';
import { MemoryTree } from '../../tree/MemoryTree';
import { filesOf } from '../../__testUtils__/folderFiles';
import { scanFolders } from '../../__testUtils__/scanFolders';
import { EXTRACTOR_WORDS } from '../extractGoFacts';
import { fileDeclarations } from '../fileDeclarations';
import { Vocabulary } from '../vocabulary';
import { GoFactsPool, PoolUnavailableError } from './GoFactsPool';
import { GoFactsExtractor } from './GoFactsExtractor';
import { extractFiles } from './extractFiles';
import { GoParser } from '../GoParser';

jest.setTimeout(120_000);

/** What a scan reports, without anything that may differ between two equal scans. */
const scan = async (analyzer: Analyzer, dir: string) =>
  JSON.parse(
    JSON.stringify(await analyzer.analyze(await DirectoryTree.open(dir), dir)),
  );

describe('GoFactsPool', () => {
  let single: Analyzer;
  let pooled: Analyzer;
  beforeAll(async () => {
    single = await Analyzer.create({ workers: 0 });
    // Every scan goes to the two workers, however small.
    pooled = await Analyzer.create({ workers: 2, poolThreshold: 0 });
  });
  afterAll(async () => {
    await single.close();
    await pooled.close();
  });

  it('gives every fixture and example the same report as one thread', async () => {
    const folders = scanFolders();
    expect(folders.length).toBeGreaterThan(50);
    for (const dir of folders) {
      expect({ dir, report: await scan(pooled, dir) }).toEqual({
        dir,
        report: await scan(single, dir),
      });
    }
  });

  it('serves concurrent scans at once, each with its own vocabulary', async () => {
    const folders = scanFolders();
    const alone = await Promise.all(folders.map(dir => scan(single, dir)));
    const together = await Promise.all(folders.map(dir => scan(pooled, dir)));
    expect(together).toEqual(alone);
  });

  it('fails only the file whose parse is over budget, and goes on', async () => {
    const slow = await Analyzer.create({
      workers: 1,
      poolThreshold: 0,
      parseTimeoutMs: 25,
    });
    try {
      // A deeply nested expression: tree-sitter takes far more than 25 ms on it.
      const huge = `package main\n\nvar x = ${'('.repeat(100000)}1${')'.repeat(
        100000,
      )}\n`;
      const tree = new MemoryTree({
        'main.go': huge,
        'ok.go': 'package main\n\nfunc main() {}\n',
      });
      const report = await slow.analyze(tree, '.');
      expect(report.notes).toEqual(
        expect.arrayContaining([
          {
            path: 'main.go',
            message: expect.stringMatching(/^not analyzed: Go parse gave up/),
          },
        ]),
      );
      expect(report.notes?.some(n => n.path === 'ok.go')).toBe(false);
    } finally {
      await slow.close();
    }
  });

  /** Files of one empty function each, more than a worker holds at once. */
  const emptyFuncs = Array.from({ length: 50 }, (_, i) => ({
    path: `f${i}.go`,
    text: `package main\n\nfunc f${i}() {}\n`,
  }));
  /** The pool extracts a next scan as usual. */
  const expectToServeTheNextScan = async (
    pool: GoFactsPool,
    vocabulary: Vocabulary,
  ) => {
    const results = await pool.extract(emptyFuncs.slice(0, 2), vocabulary);
    expect(results.map(r => 'facts' in r && r.facts.path)).toEqual([
      'f0.go',
      'f1.go',
    ]);
  };

  it('rejects a scan that is aborted, and serves the next one', async () => {
    const pool = GoFactsPool.create({ size: 1, parseTimeoutMs: 5000 });
    try {
      const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
      const controller = new AbortController();
      const aborted = pool.extract(emptyFuncs, vocabulary, controller.signal);
      controller.abort(new Error('stop'));
      await expect(aborted).rejects.toThrow('stop');
      expect((pool as any).queue).toEqual([]);
      // Already aborted: a rejected promise, not a throw.
      const late = pool.extract(emptyFuncs, vocabulary, controller.signal);
      await expect(late).rejects.toThrow('stop');
      await expectToServeTheNextScan(pool, vocabulary);
    } finally {
      await pool.close();
    }
  });

  it('fails a scan whose caller cannot take a batch, instead of waiting for ever', async () => {
    const pool = GoFactsPool.create({ size: 1, parseTimeoutMs: 5000 });
    try {
      const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
      const refused = pool.extract(emptyFuncs, vocabulary, undefined, () => {
        throw new Error('disk full');
      });
      await expect(refused).rejects.toThrow('disk full');
      await expectToServeTheNextScan(pool, vocabulary);
    } finally {
      await pool.close();
    }
  });

  const files = Array.from({ length: 40 }, (_, i) => ({
    path: `f${i}.go`,
    text: `package main\n\nfunc f${i}(ctx context.Context) {\n\t_, _ = context.WithCancel(ctx)\n}\n`,
  }));

  it('fails the files a dying worker held, and goes on with a new worker', async () => {
    const pool = GoFactsPool.create({ size: 1, parseTimeoutMs: 5000 });
    try {
      const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
      await pool.extract(files.slice(0, 2), vocabulary);
      const running = pool.extract(files, vocabulary);
      // The worker dies with batches in hand.
      await (pool as any).slots[0].worker.terminate();
      const results = await running;
      const failed = results.filter(r => 'error' in r);
      expect(failed.length).toBeGreaterThan(0);
      expect(failed[0]).toEqual({
        error: expect.stringMatching(
          /^the extraction worker stopped \(exited with code 1\)$/,
        ),
      });
      const again = await pool.extract(files, vocabulary);
      expect(again.every(r => 'facts' in r)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('gives up on threads that cannot start, and the extractor works on its own thread', async () => {
    const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
    const pool = GoFactsPool.create({
      size: 2,
      parseTimeoutMs: 5000,
      workerFile: '/nonexistent/worker.js',
    });
    try {
      await expect(pool.extract(files, vocabulary)).rejects.toThrow(
        PoolUnavailableError,
      );
      await expect(pool.extract(files, vocabulary)).rejects.toThrow(
        /worker threads cannot start/,
      );
    } finally {
      await pool.close();
    }
    const extractor = await GoFactsExtractor.create({
      workers: 2,
      parseTimeoutMs: 5000,
      poolThreshold: 0,
    });
    (extractor as any).pool = GoFactsPool.create({
      size: 2,
      parseTimeoutMs: 5000,
      workerFile: '/nonexistent/worker.js',
    });
    try {
      const parser = await GoParser.create();
      // The extractor reads the files' declarations into the vocabulary itself.
      for (const f of files) vocabulary.add(f.text, posix.dirname(f.path));
      expect(await extractor.extract(files)).toEqual(
        extractFiles(parser, files, vocabulary),
      );
    } finally {
      await extractor.close();
    }
  });

  describe('declarations', () => {
    /** Every Go file of the fixtures and examples. */
    const goFiles = () =>
      scanFolders().flatMap(dir =>
        Object.entries(filesOf(dir))
          .filter(([path]) => path.endsWith('.go'))
          .map(([path, text]) => ({ path: join(dir, path), text })),
      );

    it('reads every file as fileDeclarations does on one thread, and builds the same vocabulary', async () => {
      const sources = goFiles();
      expect(sources.length).toBeGreaterThan(100);
      const pool = GoFactsPool.create({ size: 2, parseTimeoutMs: 5000 });
      try {
        const batches: [number, number][] = [];
        const read = await pool.declarations(sources, undefined, (from, b) =>
          batches.push([from, b.length]),
        );
        expect(read).toEqual(
          sources.map(f => ({ declarations: fileDeclarations(f.text) })),
        );
        // Every file came back in exactly one batch, and there were several.
        expect(batches.length).toBeGreaterThan(1);
        let next = 0;
        for (const [from, n] of batches.sort((a, b) => a[0] - b[0])) {
          expect(from).toBe(next);
          next += n;
        }
        expect(next).toBe(sources.length);

        const alone = new Vocabulary(EXTRACTOR_WORDS);
        for (const f of sources) alone.add(f.text, posix.dirname(f.path));
        const merged = new Vocabulary(EXTRACTOR_WORDS);
        read.forEach((r, i) => {
          if ('declarations' in r)
            merged.addDeclarations(
              r.declarations,
              posix.dirname(sources[i].path),
            );
        });
        expect(merged.fingerprint()).toBe(alone.fingerprint());
        expect(merged.snapshot()).toEqual(alone.snapshot());
      } finally {
        await pool.close();
      }
    });

    const many = Array.from({ length: 600 }, (_, i) => ({
      path: `f${i}.go`,
      text: `package main\n\ntype T${i} struct{ Addr string }\n\nfunc f${i}(addr string) {}\n`,
    }));

    it('fails the files a dying worker held, and goes on with a new worker', async () => {
      const pool = GoFactsPool.create({ size: 1, parseTimeoutMs: 5000 });
      try {
        await pool.declarations(many.slice(0, 2));
        const running = pool.declarations(many);
        // The worker dies with batches in hand.
        await (pool as any).slots[0].worker.terminate();
        const read = await running;
        const failed = read.filter(r => 'error' in r);
        expect(failed.length).toBeGreaterThan(0);
        expect(failed[0]).toEqual({
          error: 'the declarations worker stopped (exited with code 1)',
        });
        // The others were read.
        expect(read).toEqual(
          many.map((f, i) =>
            'error' in read[i]
              ? read[i]
              : { declarations: fileDeclarations(f.text) },
          ),
        );
        expect(await pool.declarations(many)).toEqual(
          many.map(f => ({ declarations: fileDeclarations(f.text) })),
        );
      } finally {
        await pool.close();
      }
    });

    it("go ahead of another scan's waiting extraction", async () => {
      const pool = GoFactsPool.create({ size: 1, parseTimeoutMs: 5000 });
      try {
        const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
        const done: string[] = [];
        // Many more batches than the worker holds at once.
        const extracting = pool
          .extract(many, vocabulary)
          .then(() => done.push('extract'));
        const reading = pool
          .declarations(many.slice(0, 10))
          .then(() => done.push('declarations'));
        await Promise.all([extracting, reading]);
        expect(done).toEqual(['declarations', 'extract']);
      } finally {
        await pool.close();
      }
    });

    it('rejects a job that is aborted, and serves the next one', async () => {
      const pool = GoFactsPool.create({ size: 1, parseTimeoutMs: 5000 });
      try {
        const controller = new AbortController();
        const aborted = pool.declarations(many, controller.signal);
        controller.abort(new Error('stop'));
        await expect(aborted).rejects.toThrow('stop');
        expect((pool as any).queue).toEqual([]);
        await expect(
          pool.declarations(many, controller.signal),
        ).rejects.toThrow('stop');
        expect(await pool.declarations(many.slice(0, 2))).toEqual(
          many
            .slice(0, 2)
            .map(f => ({ declarations: fileDeclarations(f.text) })),
        );
      } finally {
        await pool.close();
      }
    });
  });
});
