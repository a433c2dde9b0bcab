import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import type {
  CachedGoFile,
  GoFactsCache,
} from '@internal/plugin-go-scorecard-node';

/** Least time between two warnings about a failing cache, in ms. */
const WARN_EVERY_MS = 60_000;

/**
 * The analyzer's facts cache in Backstage's cache service (`backend.cache`): every replica
 * that shares the store (Redis, Valkey, Memcache, Infinispan) reuses the facts any of them
 * extracted, so a Go file unchanged since the last scan is not parsed again. Entries live
 * `ttlMs` after they are stored. A failing store is logged at most once a minute; the scan
 * parses the file instead.
 */
export class CacheServiceFactsCache implements GoFactsCache {
  private lastWarning = -Infinity;

  constructor(
    private readonly cache: CacheService,
    private readonly ttlMs: number,
    private readonly logger: LoggerService,
  ) {}

  async get(key: string): Promise<CachedGoFile | undefined> {
    const value = await this.cache.get<JsonObject>(`go-file:${key}`);
    return value as unknown as CachedGoFile | undefined;
  }

  async set(key: string, entry: CachedGoFile): Promise<void> {
    await this.cache.set(`go-file:${key}`, entry as unknown as JsonObject, {
      ttl: this.ttlMs,
    });
  }

  /** For `AnalyzerOptions.onCacheError`: a warning, not more than once a minute. */
  readonly onError = (error: unknown) => {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(
      `Go facts cache unavailable, files are parsed again: ${
        (error as Error)?.message ?? error
      }`,
    );
  };
}
