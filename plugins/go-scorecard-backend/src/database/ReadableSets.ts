import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import {
  READABLE_REFS,
  READABLE_SETS,
  ReadableRefRow,
  ReadableSetRow,
} from './tables';
import { CHUNK, chunks, isPostgres } from './util';

/** A set is re-marked as used at most this often (ms). */
const TOUCH_MS = 60_000;
/** Sets unused this long are deleted (ms): far longer than any cache keeps a set. */
const UNUSED_MS = 60 * 60_000;
/** Refs per insert statement on PostgreSQL (two columns each); SQLite: {@link CHUNK}, its compound-SELECT limit being 500. */
const PG_REFS_CHUNK = 1000;

/**
 * The refs a caller may read, stored once per distinct set so the report joins them in
 * SQL: a set is identified by the hash of its content, shared by every caller with the
 * same permissions and by every replica, written the first time it is seen (one
 * transaction), marked as used, and deleted after an hour unused. Sets come from
 * `ReadableEntities`' cache, which hands out one object per set and caller for its TTL;
 * the id of each object is kept as long as the object.
 */
export class ReadableSets {
  private readonly ids = new WeakMap<
    ReadonlySet<string>,
    { id: string; touchedAt: number }
  >();

  constructor(private readonly knex: Knex) {}

  /** The id of the stored set of `refs`, storing it first if needed. */
  async idOf(refs: ReadonlySet<string>, now = Date.now()): Promise<string> {
    const known = this.ids.get(refs);
    if (known && now - known.touchedAt < TOUCH_MS) return known.id;
    const id =
      known?.id ??
      createHash('sha256')
        .update([...refs].sort().join('\n'))
        .digest('hex');
    const touched = await this.knex<ReadableSetRow>(READABLE_SETS)
      .where({ set_id: id })
      .update({ used_at: now });
    if (!touched) await this.store(id, refs, now);
    this.ids.set(refs, { id, touchedAt: now });
    return id;
  }

  /** Writes a new set (nothing when another replica just did), then deletes long-unused ones. */
  private async store(id: string, refs: ReadonlySet<string>, now: number) {
    await this.knex.transaction(async tx => {
      const size = isPostgres(this.knex) ? PG_REFS_CHUNK : CHUNK;
      for (const chunk of chunks([...refs], size)) {
        await tx<ReadableRefRow>(READABLE_REFS)
          .insert(chunk.map(entity_ref => ({ set_id: id, entity_ref })))
          .onConflict(['set_id', 'entity_ref'])
          .ignore();
      }
      await tx<ReadableSetRow>(READABLE_SETS)
        .insert({ set_id: id, used_at: now })
        .onConflict('set_id')
        .merge(['used_at']);
    });
    await this.knex.transaction(async tx => {
      // Locked (PostgreSQL): a replica marking one of them as used waits, then finds it gone.
      let unused = tx<ReadableSetRow>(READABLE_SETS)
        .select('set_id')
        .where('used_at', '<', now - UNUSED_MS);
      if (isPostgres(this.knex)) unused = unused.forUpdate();
      const ids = (await unused).map(row => row.set_id);
      for (const chunk of chunks(ids)) {
        await tx<ReadableRefRow>(READABLE_REFS)
          .whereIn('set_id', chunk)
          .delete();
        await tx<ReadableSetRow>(READABLE_SETS)
          .whereIn('set_id', chunk)
          .delete();
      }
    });
    // Fresh statistics, so the planner joins the new set as the size it is.
    if (isPostgres(this.knex)) await this.knex.raw(`ANALYZE ${READABLE_REFS}`);
  }
}
