import { join, posix } from 'node:path';
import { Analyzer } from '../../analyze';
import { MemoryTree } from '../../tree/MemoryTree';
import { filesOf } from '../../__testUtils__/folderFiles';
import { MemoryFactsCache } from '../../__testUtils__/MemoryFactsCache';
import { scanFolders } from '../../__testUtils__/scanFolders';
import { EXTRACTOR_WORDS } from '../extractGoFacts';
import { GoParser } from '../GoParser';
import { Vocabulary } from '../vocabulary';
import { extractFiles } from './extractFiles';
import { CachedGoFile, GoFactsCache, isCachedGoFile } from './GoFactsCache';
import { GoFactsExtractor } from './GoFactsExtractor';
import { GoFactsPool } from './GoFactsPool';

jest.setTimeout(120_000);

const goFileCount = (files: Record<string, string>) =>
  Object.keys(files).filter(p => p.endsWith('.go')).length;

const scan = async (analyzer: Analyzer, files: Record<string, string>) =>
  JSON.parse(
    JSON.stringify(await analyzer.analyze(new MemoryTree(files), '.')),
  );

const example = join(
  scanFolders().find(d => d.endsWith(join('services', 'checkout-service')))!,
);

describe('GoFactsExtractor with a facts cache', () => {
  let plain: Analyzer;
  beforeAll(async () => {
    plain = await Analyzer.create();
  });

  it('extracts each file once, and a second scan of the same tree from the cache alone', async () => {
    const cache = new MemoryFactsCache();
    const cached = await Analyzer.create({ factsCache: cache });
    for (const dir of scanFolders()) {
      const files = filesOf(dir);
      const expected = await scan(plain, files);
      cache.resetCounts();
      expect(await scan(cached, files)).toEqual(expected);
      // Every Go file's entry is looked up (two fixtures may hold the same file: the second
      // finds an entry, extracted under the other fixture's vocabulary).
      const seen = cache.hits + cache.misses;
      cache.resetCounts();
      expect({ dir, report: await scan(cached, files) }).toEqual({
        dir,
        report: expected,
      });
      expect({ dir, sets: cache.sets, misses: cache.misses }).toEqual({
        dir,
        sets: 0,
        misses: 0,
      });
      expect(cache.hits).toBe(seen);
    }
  });

  it('re-extracts only the file whose body changed', async () => {
    const cache = new MemoryFactsCache();
    const cached = await Analyzer.create({ factsCache: cache });
    const files = filesOf(example);
    const goFiles = goFileCount(files);
    expect(goFiles).toBeGreaterThan(2);
    await scan(cached, files);

    const main = Object.keys(files).find(p => p.endsWith('main.go'))!;
    // A leaked cancel added inside a function body: no package-level declaration changes.
    const changed = {
      ...files,
      [main]: files[main].replace(
        /func main\(\) \{\n/,
        'func main() {\n\t_, _ = context.WithCancel(context.Background())\n',
      ),
    };
    expect(changed[main]).not.toBe(files[main]);
    cache.resetCounts();
    const report = await scan(cached, changed);
    expect({
      misses: cache.misses,
      hits: cache.hits,
      sets: cache.sets,
    }).toEqual({
      misses: 1,
      hits: goFiles - 1,
      sets: 1,
    });
    expect(report).toEqual(await scan(plain, changed));
  });

  it('re-extracts every file when a package-level declaration changes', async () => {
    const cache = new MemoryFactsCache();
    const cached = await Analyzer.create({ factsCache: cache });
    const files = filesOf(example);
    await scan(cached, files);
    const changed = {
      ...files,
      'extra.go':
        'package main\n\nfunc dialTarget(addr string) string { return addr }\n',
    };
    cache.resetCounts();
    const report = await scan(cached, changed);
    // The unchanged files' entries are read (their declarations build the vocabulary), but
    // their facts were extracted under the old vocabulary: every file is extracted again.
    expect({
      hits: cache.hits,
      misses: cache.misses,
      sets: cache.sets,
    }).toEqual({
      hits: goFileCount(files),
      misses: 1,
      sets: goFileCount(changed),
    });
    expect(report).toEqual(await scan(plain, changed));
  });

  it('re-extracts every file when go.mod changes which import paths name packages of the tree', async () => {
    const files = (module: string) => ({
      'go.mod': `module ${module}\n\ngo 1.22\n\nrequire google.golang.org/grpc v1.64.0\n`,
      'lib/dial.go': `package lib

import "google.golang.org/grpc"

func Dial(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target)
}
`,
      'main.go': `package main

import "example.com/lib"

func main() {
	lib.Dial("orders:50051")
}
`,
    });
    const shortTargets = (report: {
      checks: { id: string; findings: unknown[] }[];
    }) =>
      report.checks.find(c => c.id === 'grpc-short-target')!.findings.length;
    const cache = new MemoryFactsCache();
    const cached = await Analyzer.create({ factsCache: cache });
    // `example.com/lib` lies outside module example.com/svc, inside module example.com.
    const outside = await scan(cached, files('example.com/svc'));
    expect(outside).toEqual(await scan(plain, files('example.com/svc')));
    expect(shortTargets(outside)).toBe(0);
    cache.resetCounts();
    const inside = await scan(cached, files('example.com'));
    expect(cache.sets).toBe(2);
    expect(inside).toEqual(await scan(plain, files('example.com')));
    expect(shortTargets(inside)).toBe(1);
  });

  it('takes an entry of the wrong shape for a miss, and writes it again', async () => {
    const cache = new MemoryFactsCache();
    const cached = await Analyzer.create({ factsCache: cache });
    const files = filesOf(example);
    const expected = await scan(plain, files);
    await scan(cached, files);
    const keys = [...cache.entries.keys()];
    expect(keys.length).toBe(3);
    const entryAt = (i: number) => JSON.parse(cache.entries.get(keys[i])!);
    const cancelsOfNull = entryAt(1);
    cancelsOfNull.facts.cancels = [null];
    const damaged = [
      // Facts without the fields the link reads, and declarations of the wrong shape.
      { ...entryAt(0), facts: {}, declarations: { funcs: [] } },
      // A null where a cancel is.
      cancelsOfNull,
      // Another file's entry under this key.
      entryAt(0),
    ];
    damaged.forEach((entry, i) =>
      cache.entries.set(keys[i], JSON.stringify(entry)),
    );
    cache.resetCounts();
    expect(await scan(cached, files)).toEqual(expected);
    expect(cache.sets).toBe(damaged.length);
    cache.resetCounts();
    expect(await scan(cached, files)).toEqual(expected);
    expect(cache.sets).toBe(0);
  });

  it('takes facts without a field the checks read (buildIgnored) for a miss', async () => {
    const cache = new MemoryFactsCache();
    await scan(await Analyzer.create({ factsCache: cache }), filesOf(example));
    const entry = JSON.parse([...cache.entries.values()][0]);
    expect(isCachedGoFile(entry, entry.facts.path)).toBe(true);
    delete entry.facts.buildIgnored;
    expect(isCachedGoFile(entry, entry.facts.path)).toBe(false);
  });

  it('scans on when the cache fails, and says so', async () => {
    const errors: unknown[] = [];
    const broken = await Analyzer.create({
      factsCache: {
        get: async () => {
          throw new Error('cache down');
        },
        set: async (_key: string, _entry: CachedGoFile) => {
          throw new Error('cache down');
        },
      },
      onCacheError: e => errors.push(e),
    });
    const files = filesOf(example);
    expect(await scan(broken, files)).toEqual(await scan(plain, files));
    expect(errors.length).toBe(2 * goFileCount(files));
    expect(String(errors[0])).toContain('cache down');
  });

  it('gives the same report with workers and a cache together', async () => {
    const cache = new MemoryFactsCache();
    const both = await Analyzer.create({
      factsCache: cache,
      workers: 2,
      poolThreshold: 0,
    });
    try {
      const files = filesOf(example);
      const expected = await scan(plain, files);
      expect(await scan(both, files)).toEqual(expected);
      expect(await scan(both, files)).toEqual(expected);
      expect(cache.misses).toBe(goFileCount(files));
    } finally {
      await both.close();
    }
  });

  it('stores each batch as the workers finish it, so a scan stopped half-way leaves its work', async () => {
    const files = Array.from({ length: 200 }, (_, i) => ({
      path: `pkg/f${i}.go`,
      text: `package pkg\n\nfunc f${i}(ctx context.Context) {\n\t_, _ = context.WithCancel(ctx)\n}\n`,
    }));
    const cache = new MemoryFactsCache();
    const controller = new AbortController();
    const stopping: GoFactsCache = {
      get: key => cache.get(key),
      set: async (key, entry) => {
        await cache.set(key, entry);
        // Stopped once the first batch is stored.
        controller.abort(new Error('stopped'));
      },
    };
    const extractor = await GoFactsExtractor.create({
      workers: 1,
      parseTimeoutMs: 5000,
      poolThreshold: 0,
      cache: stopping,
    });
    try {
      await expect(extractor.extract(files, controller.signal)).rejects.toThrow(
        'stopped',
      );
      await new Promise(resolve => setTimeout(resolve, 50));
      const stored = cache.entries.size;
      expect(stored).toBeGreaterThan(0);
      expect(stored).toBeLessThan(files.length);
      cache.resetCounts();
      const results = await extractor.extract(files);
      expect(results.every(r => 'facts' in r)).toBe(true);
      expect(cache.hits).toBe(stored);
      expect(cache.misses).toBe(files.length - stored);
    } finally {
      await extractor.close();
    }
  });
});

describe('GoFactsExtractor on worker threads', () => {
  // Each file declares a function the next one calls with a string: a declaration missing
  // from the vocabulary would change the facts of its callers.
  const files = Array.from({ length: 600 }, (_, i) => ({
    path: `pkg/f${i}.go`,
    text: `package pkg\n\nimport "google.golang.org/grpc"\n\nfunc f${i}(ctx context.Context, target string) {\n\t_, _ = context.WithCancel(ctx)\n\tf${
      (i + 1) % 600
    }(ctx, "localhost:${i}")\n}\n`,
  }));

  /** What one thread gives for the files. */
  const alone = async () => {
    const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
    for (const f of files) vocabulary.add(f.text, posix.dirname(f.path));
    return extractFiles(await GoParser.create(), files, vocabulary);
  };

  /** An extractor on one worker that has done some work, and its pool. */
  const started = async (cache?: GoFactsCache) => {
    const extractor = await GoFactsExtractor.create({
      workers: 1,
      parseTimeoutMs: 5000,
      poolThreshold: 0,
      cache,
    });
    await extractor.extract(files.slice(0, 2));
    return { extractor, pool: (extractor as any).pool as GoFactsPool };
  };

  /** Makes `then` happen as soon as the pool is handed the files to read declarations of. */
  const onDeclarations = (pool: GoFactsPool, then: () => void) => {
    const declarations = pool.declarations.bind(pool);
    const failed: number[] = [];
    pool.declarations = async (...args) => {
      const reading = declarations(...args);
      then();
      const read = await reading;
      failed.push(read.filter(r => 'error' in r).length);
      return read;
    };
    return failed;
  };

  it('reads the declarations a dying worker held on its own thread: the same results', async () => {
    const { extractor, pool } = await started();
    try {
      const failed = onDeclarations(pool, () => {
        // The worker dies with batches of declarations in hand.
        (pool as any).slots[0].worker.terminate();
      });
      const results = await extractor.extract(files);
      expect(failed.length).toBe(1);
      expect(failed[0]).toBeGreaterThan(0);
      expect(results).toEqual(await alone());
    } finally {
      await extractor.close();
    }
  });

  it('stops when aborted while the workers read declarations, storing nothing, and serves the next scan', async () => {
    const cache = new MemoryFactsCache();
    const { extractor, pool } = await started(cache);
    try {
      const controller = new AbortController();
      const declarations = pool.declarations;
      onDeclarations(pool, () => controller.abort(new Error('stop')));
      cache.resetCounts();
      await expect(extractor.extract(files, controller.signal)).rejects.toThrow(
        'stop',
      );
      expect((pool as any).queue).toEqual([]);
      expect(cache.sets).toBe(0);
      pool.declarations = declarations;
      expect(await extractor.extract(files)).toEqual(await alone());
    } finally {
      await extractor.close();
    }
  });

  it('hands the workers only the files without a cached entry', async () => {
    const cache = new MemoryFactsCache();
    const { extractor, pool } = await started(cache);
    try {
      await extractor.extract(files);
      const declarations = pool.declarations.bind(pool);
      const sent: string[][] = [];
      pool.declarations = (some, ...rest) => {
        sent.push(some.map(f => f.path));
        return declarations(some, ...rest);
      };
      // Two bodies change; no declaration does.
      const changed = files.map((f, i) =>
        i % 300 === 7
          ? { ...f, text: f.text.replace('_, _ =', '_, cancel :=') }
          : f,
      );
      const results = await extractor.extract(changed);
      expect(sent).toEqual([['pkg/f7.go', 'pkg/f307.go']]);
      const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
      for (const f of changed) vocabulary.add(f.text, posix.dirname(f.path));
      expect(results).toEqual(
        extractFiles(await GoParser.create(), changed, vocabulary),
      );
    } finally {
      await extractor.close();
    }
  });
});
