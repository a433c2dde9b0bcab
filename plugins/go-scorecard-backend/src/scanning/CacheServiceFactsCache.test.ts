import { CacheService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type {
  CachedGoFile,
  GoFileFacts,
} from '@internal/plugin-go-scorecard-node';
import { CacheServiceFactsCache } from './CacheServiceFactsCache';

const entry: CachedGoFile = {
  declarations: {
    funcs: [],
    types: [],
    globals: ['x'],
    importsGrpc: false,
    mentionsDrain: false,
    sum: '0'.repeat(64),
  },
  vocabulary: 'f'.repeat(64),
  facts: { path: 'main.go', dir: '.' } as unknown as GoFileFacts,
};

describe('CacheServiceFactsCache', () => {
  it('stores Go file entries under its own prefix with the configured lifetime', async () => {
    const stored = new Map<string, { value: unknown; ttl?: number }>();
    const cache = {
      get: async (key: string) => stored.get(key)?.value,
      set: async (key: string, value: unknown, options?: { ttl?: number }) => {
        stored.set(key, { value, ttl: options?.ttl });
      },
    } as unknown as CacheService;
    const facts7d = new CacheServiceFactsCache(
      cache,
      7 * 86_400_000,
      mockServices.logger.mock(),
    );
    await facts7d.set('ab'.repeat(32), entry);
    expect([...stored]).toEqual([
      [`go-file:${'ab'.repeat(32)}`, { value: entry, ttl: 7 * 86_400_000 }],
    ]);
    expect(await facts7d.get('ab'.repeat(32))).toEqual(entry);
    expect(await facts7d.get('cd'.repeat(32))).toBeUndefined();
  });

  it('warns about a failing store at most once a minute', () => {
    const logger = mockServices.logger.mock();
    const cache = new CacheServiceFactsCache({} as CacheService, 1000, logger);
    cache.onError(new Error('ECONNREFUSED'));
    cache.onError(new Error('ECONNREFUSED'));
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Go facts cache unavailable, files are parsed again: ECONNREFUSED',
    );
  });
});
