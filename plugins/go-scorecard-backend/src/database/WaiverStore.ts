import {
  ExpiringWaiver,
  ExpiringWaivers,
  Finding,
} from '@internal/plugin-go-scorecard-common';
import { Knex } from 'knex';
import { ownerRollUp } from './ownerRollUp';
import { CheckResultRow, ENTITIES, EntityRow, RESULTS } from './tables';

/** Which expiring waivers to list. */
export interface ExpiringWaiversQuery {
  /** Owner entity refs (lowercased); any of them. All owners when undefined. */
  owners?: string[];
  /** The last day of the window, `YYYY-MM-DD`: waivers expiring on or before it are listed. */
  until: string;
  /** The most items returned; `totalItems` counts them all. */
  limit: number;
}

/**
 * The waiver side of the store: the waived findings of the latest results whose waiver
 * expires soon, found by the results' earliest expiry (`waiver_expires`, indexed).
 */
export interface WaiverStore {
  /**
   * The waived findings of the entities in `readable` (and the query's owners) whose
   * waiver expires on or before `query.until`, soonest first, then by entity, check,
   * path and line. Only stored findings are listed (a capped list may hold fewer).
   */
  expiringWaivers(
    readable: ReadonlySet<string>,
    query: ExpiringWaiversQuery,
  ): Promise<Pick<ExpiringWaivers, 'items' | 'totalItems'>>;
}

/** {@link WaiverStore} on the plugin's database. */
export class DatabaseWaiverStore implements WaiverStore {
  /** Wraps a migrated connection. */
  static create(options: { knex: Knex }): DatabaseWaiverStore {
    return new DatabaseWaiverStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async expiringWaivers(
    readable: ReadonlySet<string>,
    query: ExpiringWaiversQuery,
  ): Promise<Pick<ExpiringWaivers, 'items' | 'totalItems'>> {
    let rows = this.knex<CheckResultRow>(`${RESULTS} as r`)
      .join<EntityRow>(`${ENTITIES} as e`, 'e.entity_ref', 'r.entity_ref')
      .whereNotNull('r.waiver_expires')
      .andWhere('r.waiver_expires', '<=', query.until)
      .select('r.entity_ref', 'r.check_id', 'r.findings', 'e.title', 'e.owner');
    if (query.owners) {
      // A department stands for its teams too, as in the report.
      const owners = ownerRollUp('e.owner_key', query.owners);
      rows = rows.whereRaw(owners.text, owners.bindings as string[]);
    }
    const items: ExpiringWaiver[] = [];
    for (const row of (await rows) as (Pick<
      CheckResultRow,
      'entity_ref' | 'check_id' | 'findings'
    > &
      Pick<EntityRow, 'title' | 'owner'>)[]) {
      // The caller's readable set, as the report's: few rows get this far.
      if (!readable.has(row.entity_ref)) continue;
      for (const f of JSON.parse(row.findings) as Finding[]) {
        if (!f.waiver || f.waiver.expires > query.until) continue;
        items.push({
          entityRef: row.entity_ref,
          ...(row.title ? { title: row.title } : {}),
          ...(row.owner ? { owner: row.owner } : {}),
          checkId: row.check_id,
          path: f.path,
          line: f.line,
          reason: f.waiver.reason,
          expires: f.waiver.expires,
          source: f.waiver.source,
        });
      }
    }
    items.sort(
      (a, b) =>
        compare(a.expires, b.expires) ||
        compare(a.entityRef, b.entityRef) ||
        compare(a.checkId, b.checkId) ||
        compare(a.path, b.path) ||
        a.line - b.line,
    );
    return { items: items.slice(0, query.limit), totalItems: items.length };
  }
}

/** Code-unit order, the same on every database and locale. */
function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
