import { Knex } from 'knex';
import { GROUP_DESCENDANTS, GroupDescendantRow } from './tables';
import { chunks } from './util';

/**
 * The catalog's group hierarchy as the report's owner filter reads it: every
 * (ancestor, descendant) pair of groups, lowercased refs (see `GroupHierarchy.pairs`).
 */
export interface GroupHierarchyStore {
  /**
   * Replaces the stored pairs with these (in one transaction: a report reads the old
   * hierarchy or the new one, never a mix; nothing is written when they are the same).
   * Duplicates and self pairs are dropped.
   */
  replaceGroupDescendants(
    pairs: Iterable<readonly [string, string]>,
  ): Promise<void>;
}

/** {@link GroupHierarchyStore} on the plugin's database. */
export class DatabaseGroupHierarchyStore implements GroupHierarchyStore {
  /** Wraps a migrated connection. */
  static create(options: { knex: Knex }): DatabaseGroupHierarchyStore {
    return new DatabaseGroupHierarchyStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async replaceGroupDescendants(
    pairs: Iterable<readonly [string, string]>,
  ): Promise<void> {
    const rows = new Map<string, GroupDescendantRow>();
    for (const [ancestor, descendant] of pairs) {
      if (ancestor === descendant) continue;
      rows.set(`${ancestor}\n${descendant}`, {
        ancestor_ref: ancestor,
        descendant_ref: descendant,
      });
    }
    const stored = await this.knex<GroupDescendantRow>(
      GROUP_DESCENDANTS,
    ).select('ancestor_ref', 'descendant_ref');
    // Most syncs find the hierarchy unchanged: no write then.
    if (
      stored.length === rows.size &&
      stored.every(r => rows.has(`${r.ancestor_ref}\n${r.descendant_ref}`))
    ) {
      return;
    }
    await this.knex.transaction(async tx => {
      await tx<GroupDescendantRow>(GROUP_DESCENDANTS).delete();
      for (const chunk of chunks([...rows.values()])) {
        // Another replica's sync may have written the same pairs meanwhile.
        await tx<GroupDescendantRow>(GROUP_DESCENDANTS)
          .insert(chunk)
          .onConflict(['ancestor_ref', 'descendant_ref'])
          .ignore();
      }
    });
  }
}
