import { Knex } from 'knex';
import { historyPointOf } from './conversion';
import { HISTORY, HistoryRow } from './tables';
import { HistoryPoint } from './types';

/**
 * The trend side of the store: one history row per entity and UTC day, written by the
 * scan queue when a scan completes, read here for one entity's trend and pruned by
 * retention. The org-wide trend is the report's (`ReportStore.queryHistory`): the same
 * filters as the table.
 */
export interface HistoryStore {
  /** Every history row of one entity since `since`, oldest first. */
  entityHistory(entityRef: string, since: number): Promise<HistoryPoint[]>;

  /** Deletes history rows older than `before`. Returns how many. */
  pruneHistory(before: number): Promise<number>;
}

/** {@link HistoryStore} on the plugin's database. */
export class DatabaseHistoryStore implements HistoryStore {
  /** Wraps a migrated connection. */
  static create(options: { knex: Knex }): DatabaseHistoryStore {
    return new DatabaseHistoryStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async entityHistory(
    entityRef: string,
    since: number,
  ): Promise<HistoryPoint[]> {
    const rows = await this.knex<HistoryRow>(HISTORY)
      .where({ entity_ref: entityRef })
      .andWhere('scanned_at', '>=', since)
      .orderBy('scanned_at');
    return rows.map(historyPointOf);
  }

  async pruneHistory(before: number): Promise<number> {
    return this.knex<HistoryRow>(HISTORY)
      .where('scanned_at', '<', before)
      .delete();
  }
}
