import { Knex } from 'knex';
import { targetRow } from './conversion';
import {
  CATALOG_COLUMNS,
  CheckResultRow,
  ENTITIES,
  EntityRow,
  RESULTS,
  TARGET_COLUMNS,
} from './tables';
import { ScanTarget } from './types';
import { chunks } from './util';

/** The catalog side of the store: which entities are selected for scanning. */
export interface TargetStore {
  /**
   * Makes the stored entities match the catalog's current selection: inserts new ones
   * (due now), refreshes the denormalized columns of known ones whose catalog copy changed
   * (due now again when the source moved; an unchanged entity is not written), and deletes
   * those no longer selected, with their results.
   * Returns the number of new and removed entities.
   */
  syncTargets(
    targets: ScanTarget[],
    now: number,
  ): Promise<{ added: number; removed: number }>;

  /** Inserts or refreshes one entity without touching the others (scan-now before the first sync). */
  upsertTarget(target: ScanTarget, now: number): Promise<void>;

  /**
   * The stored entities whose source or manifests location is a URL starting with one of
   * `urlPrefixes` (compared lowercased, e.g. `https://github.com/acme/shop`): the
   * candidates a push to that repository may concern, with their stored locations
   * (`url:…`) for the caller's exact match.
   */
  locationsUnder(urlPrefixes: string[]): Promise<TargetLocations[]>;
}

/** An entity's stored locations (`type:target`, see `stringifySourceLocation`). */
export interface TargetLocations {
  entityRef: string;
  source?: string;
  manifests?: string;
}

/** The columns a sync compares with the catalog's copy (all it writes of a known entity but `seen_at`). */
const SYNCED_COLUMNS = [
  ...CATALOG_COLUMNS.filter(c => c !== 'seen_at'),
  'impact',
] as const satisfies readonly (keyof EntityRow)[];

type StoredTarget = Pick<
  EntityRow,
  'entity_ref' | 'source' | 'manifests' | (typeof SYNCED_COLUMNS)[number]
>;

/**
 * Whether a stored entity's synced columns equal a new row's: text as text, numbers by value
 * (PostgreSQL may hand a number back as text), and no value as null.
 */
function syncedAsStored(
  row: StoredTarget,
  next: ReturnType<typeof targetRow>,
): boolean {
  return SYNCED_COLUMNS.every(column => {
    const a = row[column] ?? null;
    const b = next[column] ?? null;
    return typeof b === 'number' ? a !== null && Number(a) === b : a === b;
  });
}

/** {@link TargetStore} on the plugin's database. */
export class DatabaseTargetStore implements TargetStore {
  /** Wraps a migrated connection. */
  static create(options: { knex: Knex }): DatabaseTargetStore {
    return new DatabaseTargetStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async syncTargets(
    targets: ScanTarget[],
    now: number,
  ): Promise<{ added: number; removed: number }> {
    const existing = new Map<string, StoredTarget>();
    for (const row of await this.knex<EntityRow>(ENTITIES).select(
      'entity_ref',
      'source',
      'manifests',
      ...SYNCED_COLUMNS,
    )) {
      existing.set(row.entity_ref, row);
    }
    const seen = new Set<string>();
    const fresh: ScanTarget[] = [];
    const moved: ScanTarget[] = [];
    const kept: ScanTarget[] = [];
    for (const target of targets) {
      if (seen.has(target.entityRef)) continue;
      seen.add(target.entityRef);
      const row = existing.get(target.entityRef);
      if (!row) fresh.push(target);
      else if (
        (row.source ?? undefined) !== target.source ||
        (row.manifests ?? undefined) !== target.manifests
      )
        moved.push(target);
      // Most syncs find an entity as they left it: no write then.
      else if (!syncedAsStored(row, targetRow(target, now))) kept.push(target);
    }
    const removedRefs = [...existing.keys()].filter(ref => !seen.has(ref));

    await this.knex.transaction(async tx => {
      for (const chunk of chunks(fresh)) {
        await tx<EntityRow>(ENTITIES)
          .insert(chunk.map(t => targetRow(t, now)))
          .onConflict('entity_ref')
          .ignore();
      }
      for (const target of moved) {
        await tx<EntityRow>(ENTITIES)
          .where({ entity_ref: target.entityRef })
          .update({ ...targetRow(target, now), etag: null, attempts: 0 });
      }
      for (const chunk of chunks(kept)) {
        // One upsert per chunk refreshes title, owner, system, impact... of the entities
        // whose catalog copy changed, without a round trip per row.
        await tx<EntityRow>(ENTITIES)
          .insert(chunk.map(t => targetRow(t, now)))
          .onConflict('entity_ref')
          .merge([...CATALOG_COLUMNS, 'impact']);
      }
      for (const chunk of chunks(removedRefs)) {
        await tx<CheckResultRow>(RESULTS).whereIn('entity_ref', chunk).delete();
        await tx<EntityRow>(ENTITIES).whereIn('entity_ref', chunk).delete();
      }
    });
    return { added: fresh.length, removed: removedRefs.length };
  }

  async upsertTarget(target: ScanTarget, now: number): Promise<void> {
    await this.knex<EntityRow>(ENTITIES)
      .insert(targetRow(target, now))
      .onConflict('entity_ref')
      .merge([...TARGET_COLUMNS]);
  }

  async locationsUnder(urlPrefixes: string[]): Promise<TargetLocations[]> {
    const patterns = [...new Set(urlPrefixes.map(p => p.toLowerCase()))].map(
      p => `url:${p.replace(/[\\%_]/g, c => `\\${c}`)}%`,
    );
    if (!patterns.length) return [];
    const rows = await this.knex<EntityRow>(ENTITIES)
      .select('entity_ref', 'source', 'manifests')
      .where(b => {
        for (const pattern of patterns) {
          b.orWhereRaw("lower(source) like ? escape '\\'", [pattern]);
          b.orWhereRaw("lower(manifests) like ? escape '\\'", [pattern]);
        }
      })
      .orderBy('entity_ref');
    return rows.map(r => ({
      entityRef: r.entity_ref,
      source: r.source ?? undefined,
      manifests: r.manifests ?? undefined,
    }));
  }
}
