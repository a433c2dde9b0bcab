import { mockCredentials } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntitySelection } from '../scanning/EntitySelection';
import { ReadableEntities } from './ReadableEntities';

/** A catalog whose readable components depend on the caller; counts its list calls. */
function fakeCatalog(readable: Record<string, string[]>) {
  const calls: string[] = [];
  const catalog = {
    getEntities: async (_request: unknown, options: { credentials: any }) => {
      const principal = options.credentials.principal;
      const who = principal.userEntityRef ?? principal.subject ?? 'none';
      calls.push(who);
      if (who === 'user:default/broken') throw new Error('catalog down');
      return {
        items: (readable[who] ?? []).map(name => ({
          kind: 'Component',
          metadata: { namespace: 'default', name },
        })),
      };
    },
  } as unknown as CatalogService;
  return { catalog, calls };
}

describe('ReadableEntities', () => {
  const selection = new EntitySelection({ kinds: ['Component'] });
  const alice = mockCredentials.user('user:default/alice');
  const bob = mockCredentials.user('user:default/bob');
  const carol = mockCredentials.user('user:default/carol');

  it('asks the catalog once per caller within the TTL, again after it', async () => {
    let now = 0;
    const { catalog, calls } = fakeCatalog({
      'user:default/alice': ['A', 'b'],
      'user:default/bob': ['c'],
    });
    const readable = new ReadableEntities(catalog, selection, {
      ttlMs: 30_000,
      now: () => now,
    });
    expect([...(await readable.refs(alice))]).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    now = 29_999;
    await Promise.all([readable.refs(alice), readable.refs(alice)]);
    expect(calls).toEqual(['user:default/alice']);
    expect([...(await readable.refs(bob))]).toEqual(['component:default/c']);
    now = 30_000;
    await readable.refs(alice);
    expect(calls).toEqual([
      'user:default/alice',
      'user:default/bob',
      'user:default/alice',
    ]);
  });

  it('shares one set between callers who may read the same entities', async () => {
    const { catalog } = fakeCatalog({
      'user:default/alice': ['a', 'b'],
      'user:default/carol': ['b', 'a'],
    });
    const readable = new ReadableEntities(catalog, selection);
    expect(await readable.refs(carol)).toBe(await readable.refs(alice));
  });

  it('shares one catalog call between concurrent requests and keeps no failure', async () => {
    const { catalog, calls } = fakeCatalog({});
    const readable = new ReadableEntities(catalog, selection);
    const broken = mockCredentials.user('user:default/broken');
    await expect(
      Promise.all([readable.refs(broken), readable.refs(broken)]),
    ).rejects.toThrow('catalog down');
    await expect(readable.refs(broken)).rejects.toThrow('catalog down');
    expect(calls).toEqual(['user:default/broken', 'user:default/broken']);
  });

  it('keeps at most maxCallers callers, dropping the least recently used', async () => {
    const { catalog, calls } = fakeCatalog({});
    const readable = new ReadableEntities(catalog, selection, {
      maxCallers: 2,
    });
    await readable.refs(alice);
    await readable.refs(bob);
    await readable.refs(alice);
    await readable.refs(carol);
    await readable.refs(alice);
    await readable.refs(bob);
    expect(calls).toEqual([
      'user:default/alice',
      'user:default/bob',
      'user:default/carol',
      'user:default/bob',
    ]);
  });
});
