import { CachedGoFile, GoFactsCache } from '../go/extraction/GoFactsCache';

/**
 * A facts cache in memory that stores JSON, as real caches do (a value that does not
 * survive JSON would show up as a difference), and counts what it was asked.
 */
export class MemoryFactsCache implements GoFactsCache {
  readonly entries = new Map<string, string>();
  hits = 0;
  misses = 0;
  sets = 0;

  async get(key: string): Promise<CachedGoFile | undefined> {
    const json = this.entries.get(key);
    if (json === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return JSON.parse(json);
  }

  async set(key: string, entry: CachedGoFile): Promise<void> {
    this.sets++;
    this.entries.set(key, JSON.stringify(entry));
  }

  resetCounts() {
    this.hits = 0;
    this.misses = 0;
    this.sets = 0;
  }
}
