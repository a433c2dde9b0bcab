import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
} from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRoots } from './LocalRoots';
import { SourceFetcher } from './SourceFetcher';

/** A UrlReader whose tree holds `files`, applying the caller's filter as the real readers do. */
function urlReader(files: Record<string, string>): UrlReaderService {
  return {
    readUrl: jest.fn(),
    search: jest.fn(),
    readTree: async (
      _url: string,
      options?: UrlReaderServiceReadTreeOptions,
    ) => {
      const kept = Object.entries(files).filter(([path, content]) =>
        options?.filter ? options.filter(path, { size: content.length }) : true,
      );
      return {
        etag: 'etag-1',
        files: async () =>
          kept.map(([path, content]) => ({
            path,
            content: async () => Buffer.from(content),
          })),
        archive: jest.fn(),
        dir: jest.fn(),
      };
    },
  } as unknown as UrlReaderService;
}

describe('SourceFetcher', () => {
  it('lists the files of a URL tree that are over the limit, unread, so the analyzer notes them', async () => {
    const fetcher = new SourceFetcher({
      urlReader: urlReader({
        'go.mod': `module example.com/big\n${'// pad\n'.repeat(200)}`,
        'main.go': 'package main\n',
        'README.md': 'not analyzed',
      }),
      localRoots: new LocalRoots([]),
      maxFileBytes: 100,
    });
    const result = await fetcher.fetch({
      source: 'url:https://git.example.com/big',
    });
    if (result.unchanged) throw new Error('expected a tree');
    const files = result.tree.files.map(f => ({
      path: f.path,
      size: f.size,
      read: !!f.data,
    }));
    expect(files).toEqual([
      { path: 'main.go', size: 13, read: true },
      { path: 'go.mod', size: 1423, read: false },
    ]);
  });

  it('reads a local folder below the roots, and refuses one that leads out', async () => {
    const base = await fs.realpath(
      await fs.mkdtemp(join(tmpdir(), 'fetcher-')),
    );
    await fs.mkdir(join(base, 'roots', 'svc'), { recursive: true });
    await fs.mkdir(join(base, 'outside'));
    await fs.writeFile(join(base, 'roots', 'svc', 'main.go'), 'package main\n');
    await fs.writeFile(join(base, 'outside', 'main.go'), 'SECRET\n');
    await fs.symlink(join(base, 'outside'), join(base, 'roots', 'out'));
    const fetcher = new SourceFetcher({
      urlReader: urlReader({}),
      localRoots: new LocalRoots([join(base, 'roots')]),
      maxFileBytes: 1000,
    });
    const result = await fetcher.fetch({
      source: `local:${join(base, 'roots', 'svc')}`,
    });
    if (result.unchanged) throw new Error('expected a tree');
    expect(result.tree.files.map(f => f.data?.toString())).toEqual([
      'package main\n',
    ]);
    const refused = fetcher.fetch({
      source: `local:${join(base, 'roots', 'out')}`,
      origins: {
        source: {
          annotation: 'backstage.io/source-location',
          value: 'dir:../out',
        },
      },
    });
    await expect(refused).rejects.toThrow(
      'Local source dir:../out (backstage.io/source-location) cannot be read: not found or outside goScorecard.localRoots',
    );
  });
});
