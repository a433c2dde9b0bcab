import { Knex } from 'knex';
import { CHECK_BITS, CheckBitRow } from './tables';
import { isPostgres } from './util';

/** Bits a status mask (a signed 64-bit integer) has room for. */
const MAX_BITS = 63;

/**
 * The permanent bit of each check id in the entities' status masks ({@link CHECK_BITS}):
 * assigned the first time a scan stores the check, never changed or reused, so masks
 * written by any replica or version mean the same. Known bits are cached (they never
 * change); only committed ones.
 */
export class CheckBits {
  private readonly known = new Map<string, number>();

  constructor(private readonly knex: Knex) {}

  /**
   * The bits of `ids`, assigning the next free bits, in `tx`, to ids never stored
   * (PostgreSQL: under a table lock, so concurrent replicas agree). Throws when more
   * than 63 check ids would have bits.
   */
  async assign(
    tx: Knex.Transaction,
    ids: Iterable<string>,
  ): Promise<ReadonlyMap<string, number>> {
    const wanted = [...new Set(ids)];
    if (wanted.every(id => this.known.has(id))) return this.known;
    this.remember(await tx<CheckBitRow>(CHECK_BITS).select());
    let missing = wanted.filter(id => !this.known.has(id));
    if (!missing.length) return this.known;
    if (isPostgres(this.knex)) {
      await tx.raw(`LOCK TABLE ${CHECK_BITS} IN SHARE ROW EXCLUSIVE MODE`);
      this.remember(await tx<CheckBitRow>(CHECK_BITS).select());
      missing = wanted.filter(id => !this.known.has(id));
    }
    // Bits inserted here are this transaction's until it commits: not cached.
    const bits = new Map(this.known);
    let next = Math.max(-1, ...bits.values()) + 1;
    for (const id of missing.sort()) {
      if (next >= MAX_BITS) {
        throw new Error(
          `More than ${MAX_BITS} check ids would be stored (${id}); the status masks have no room`,
        );
      }
      await tx<CheckBitRow>(CHECK_BITS).insert({ check_id: id, bit: next });
      bits.set(id, next++);
    }
    return bits;
  }

  /** The bits of the ids that have one (an id without one has no status stored). */
  async read(ids: Iterable<string>): Promise<ReadonlyMap<string, number>> {
    if ([...ids].some(id => !this.known.has(id))) {
      this.remember(await this.knex<CheckBitRow>(CHECK_BITS).select());
    }
    return this.known;
  }

  private remember(rows: CheckBitRow[]) {
    for (const row of rows) this.known.set(row.check_id, Number(row.bit));
  }
}
