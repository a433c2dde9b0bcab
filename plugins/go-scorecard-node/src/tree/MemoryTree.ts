import { SourceEntry, SourceTree } from './SourceTree';

/** Files held in memory, by relative POSIX path: for tests and for trees already fetched. */
export class MemoryTree implements SourceTree {
  constructor(private readonly files: Record<string, string | Buffer>) {}

  async *entries(): AsyncIterable<SourceEntry> {
    for (const [path, content] of Object.entries(this.files)) {
      const data = typeof content === 'string' ? Buffer.from(content) : content;
      yield { path, size: data.length, read: async () => data };
    }
  }
}
