import { Knex } from 'knex';
import { dailyPointOf, dayOf, historyPointOf } from './conversion';
import { COUNT_COLUMNS, HISTORY, HistoryRow } from './tables';
import { HistoryPoint } from './types';

/**
 * The trend side of the store: one history row per entity and UTC day, written by the
 * scan queue when a scan completes, read here for trends and pruned by retention.
 */
export interface HistoryStore {
  /** Every history row of one entity since `since`, oldest first. */
  entityHistory(entityRef: string, since: number): Promise<HistoryPoint[]>;

  /**
   * Org-wide trend: per UTC day since `since`, the sum over entities of each entity's
   * last scan of that day. `entityRefs` restricts the entities counted.
   */
  dailyHistory(since: number, entityRefs?: string[]): Promise<HistoryPoint[]>;

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

  async dailyHistory(
    since: number,
    entityRefs?: string[],
  ): Promise<HistoryPoint[]> {
    if (entityRefs && !entityRefs.length) return [];
    const latest = this.knex<HistoryRow>(HISTORY)
      .select(
        'day',
        'entity_ref',
        ...COUNT_COLUMNS,
        this.knex.raw(
          'ROW_NUMBER() OVER (PARTITION BY entity_ref, day ORDER BY scanned_at DESC, id DESC) AS rn',
        ),
      )
      .where('day', '>=', dayOf(since))
      .modify(q => {
        if (entityRefs) q.whereIn('entity_ref', entityRefs);
      })
      .as('latest');
    const rows = await this.knex
      .from(latest)
      .where('rn', 1)
      .groupBy('day')
      .orderBy('day')
      .select(
        'day',
        this.knex.raw('COUNT(*) AS entities'),
        ...COUNT_COLUMNS.map(c => this.knex.raw('SUM(??) AS ??', [c, c])),
      );
    return rows.map(dailyPointOf);
  }

  async pruneHistory(before: number): Promise<number> {
    return this.knex<HistoryRow>(HISTORY)
      .where('scanned_at', '<', before)
      .delete();
  }
}
