import { checks as checkCatalog } from '@internal/plugin-go-scorecard-common';
import { Knex } from 'knex';
import { checkResultOf, notesOf, summaryOf } from './conversion';
import {
  CheckResultRow,
  ENTITIES,
  EntityRow,
  RESULTS,
  SUMMARY_COLUMNS,
} from './tables';
import { EntitySummary, StoredEntityResult } from './types';

/** The read side of the store: the latest result of each entity. */
export interface ResultStore {
  /** The summary of one entity, or undefined when it is not selected for scanning. */
  getSummary(
    entityRef: string,
    now?: number,
  ): Promise<EntitySummary | undefined>;

  /** The summary and every stored check result of one entity, checks in catalog order. */
  getEntityResult(
    entityRef: string,
    now?: number,
  ): Promise<StoredEntityResult | undefined>;

  /** Every entity's summary (the report itself is queried in SQL: see ReportStore). */
  listSummaries(now?: number): Promise<EntitySummary[]>;
}

/** {@link ResultStore} on the plugin's database. */
export class DatabaseResultStore implements ResultStore {
  /** Wraps a migrated connection. */
  static create(options: { knex: Knex }): DatabaseResultStore {
    return new DatabaseResultStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async getSummary(
    entityRef: string,
    now = Date.now(),
  ): Promise<EntitySummary | undefined> {
    const row = await this.knex<EntityRow>(ENTITIES)
      .select(...SUMMARY_COLUMNS)
      .where({ entity_ref: entityRef })
      .first();
    return row ? summaryOf(row, now) : undefined;
  }

  async getEntityResult(
    entityRef: string,
    now = Date.now(),
  ): Promise<StoredEntityResult | undefined> {
    const row = await this.knex<EntityRow>(ENTITIES)
      .select(...SUMMARY_COLUMNS, 'notes')
      .where({ entity_ref: entityRef })
      .first();
    if (!row) return undefined;
    const resultRows = await this.knex<CheckResultRow>(RESULTS).where({
      entity_ref: entityRef,
    });
    const order = new Map(checkCatalog.map((c, i) => [c.id, i]));
    const checkResults = resultRows
      .map(checkResultOf)
      .sort(
        (a, b) =>
          (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999) ||
          a.id.localeCompare(b.id),
      );
    return {
      summary: summaryOf(row, now),
      checks: checkResults,
      notes: notesOf(row),
    };
  }

  async listSummaries(now = Date.now()): Promise<EntitySummary[]> {
    const rows = await this.knex<EntityRow>(ENTITIES).select(
      ...SUMMARY_COLUMNS,
    );
    return rows.map(row => summaryOf(row, now));
  }
}
