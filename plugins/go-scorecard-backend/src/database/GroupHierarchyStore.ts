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
   * hierarchy or the new one, never a mix). Duplicates and self pairs are dropped.
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
