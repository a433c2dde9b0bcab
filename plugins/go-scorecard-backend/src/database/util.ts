import { Knex } from 'knex';

/** Rows per statement: keeps SQLite under its bound-variable limit (32766) with room to spare. */
export const CHUNK = 100;

/** Check result rows per insert statement (one JSON parameter, see `insertResults`). */
export const RESULT_CHUNK = 2000;

/** `items` in consecutive slices of at most `size`: one statement each. */
export function* chunks<T>(items: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** True on PostgreSQL (row locks: `FOR UPDATE`, `SKIP LOCKED`); false on SQLite. */
export function isPostgres(knex: Knex): boolean {
  const client = String(knex.client.config.client ?? '');
  return client === 'pg' || client.includes('postgres');
}
