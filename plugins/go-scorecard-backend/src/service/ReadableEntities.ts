import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { normalizeEntityRef } from '@internal/plugin-go-scorecard-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createHash } from 'node:crypto';
import { EntitySelection } from '../scanning/EntitySelection';

/** How long and for how many callers {@link ReadableEntities} keeps readable refs. */
export interface ReadableEntitiesOptions {
  /** How long one caller's readable refs are reused (ms). Default 30 s. */
  ttlMs?: number;
  /** Callers kept at most (least recently used go first). Default 500. */
  maxCallers?: number;
  /** The clock (epoch ms); for tests. */
  now?: () => number;
}

interface CacheEntry {
  expiresAt: number;
  refs: Promise<Set<string>>;
}

/**
 * What a caller may see of the catalog, asked with the caller's own credentials so the
 * catalog applies its read permission (`catalog.entity.read`).
 *
 * The readable refs are cached per caller (user entity ref, or service subject) for
 * `ttlMs` (default 30 s): a report request reuses them instead of listing the catalog
 * each time. Staleness window: a read permission granted or revoked in the catalog, or
 * an entity added to it, shows in the report up to `ttlMs` later. Concurrent requests
 * of one caller share one catalog call; callers with the same readable set share one
 * copy of it, so memory grows with the distinct sets, not the callers (at most
 * `maxCallers` entries).
 */
export class ReadableEntities {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly maxCallers: number;
  private readonly now: () => number;
  /** Distinct readable sets by content hash, each as long as some entry holds it. */
  private readonly shared = new Map<string, WeakRef<Set<string>>>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly selection: EntitySelection,
    options: ReadableEntitiesOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxCallers = options.maxCallers ?? 500;
    this.now = options.now ?? Date.now;
  }

  /**
   * Lowercased refs of every selected entity the caller may read: one catalog call, three
   * fields per entity, at most once per caller per `ttlMs`. Do not modify the set.
   */
  async refs(credentials: BackstageCredentials): Promise<Set<string>> {
    const key = callerKey(credentials);
    const now = this.now();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached.refs;
    }
    const entry: CacheEntry = {
      expiresAt: now + this.ttlMs,
      refs: this.fetch(credentials),
    };
    this.cache.delete(key);
    this.cache.set(key, entry);
    while (this.cache.size > this.maxCallers) {
      this.cache.delete(this.cache.keys().next().value!);
    }
    entry.refs.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    return entry.refs;
  }

  /** The entity if it exists and the caller may read it. */
  async get(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    return this.catalog.getEntityByRef(entityRef, { credentials });
  }

  private async fetch(credentials: BackstageCredentials): Promise<Set<string>> {
    const { items } = await this.catalog.getEntities(
      {
        filter: this.selection.catalogFilter(),
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    const refs = items.map(e => normalizeEntityRef(e)).sort();
    const hash = createHash('sha256').update(refs.join('\n')).digest('hex');
    const known = this.shared.get(hash)?.deref();
    if (known) return known;
    const set = new Set(refs);
    for (const [h, ref] of this.shared) if (!ref.deref()) this.shared.delete(h);
    this.shared.set(hash, new WeakRef(set));
    return set;
  }
}

/** Whose readable refs these are: the user, the calling service, or nobody. */
function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user') return `user:${principal.userEntityRef}`;
  if (principal.type === 'service') return `service:${principal.subject}`;
  return principal.type;
}
