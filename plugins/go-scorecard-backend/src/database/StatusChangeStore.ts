import { CheckStatus } from '@internal/plugin-go-scorecard-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { StatusChange } from './statusChanges';
import { ENTITIES, EntityRow, STATUS_CHANGES, StatusChangeRow } from './tables';
import { chunks, isPostgres } from './util';

/** Pending status changes of one owner, claimed to be sent as one notification. */
export interface ClaimedDigest {
  /** Stable across retries of the same changes: the notification's scope. */
  digestId: string;
  /** The owner ref; undefined for entities without an owner (nobody to notify). */
  owner?: string;
  /** Oldest first. */
  changes: StatusChange[];
}

/**
 * The notification side of the store: check status changes that scans recorded
 * (`ScanQueueStore.completeScans` writes them with the results, see
 * {@link insertStatusChanges}), claimed into one digest per owner and marked once sent.
 * A claim is a lease (`claimed_until`), so replicas sharing the database never send the
 * same change twice; a send that fails gives the claim back and keeps the digest id, so
 * the retry carries the same scope.
 */
export interface StatusChangeStore {
  /**
   * Claims up to `limit` pending changes (not sent, no live claim) for `claimMs`, grouped
   * by owner: one digest each. Changes another replica holds are left alone, and so are
   * the changes of an owner some of whose entities are being scanned (a live lease): its
   * digest waits until the cycle's scans are stored, so replicas that scan one owner's
   * services in parallel send it one digest.
   */
  claimPending(options: {
    now: number;
    claimMs: number;
    limit?: number;
  }): Promise<ClaimedDigest[]>;

  /** Marks a claimed digest's changes as sent at `now`. */
  markNotified(digestId: string, now: number): Promise<void>;

  /** Gives a digest's claim back (its send failed): the next flush retries it. */
  release(digestId: string): Promise<void>;

  /** Deletes changes sent before `before`. Returns how many. */
  pruneNotified(before: number): Promise<number>;

  /** Every recorded change, oldest first, with whether it was sent (for tests and diagnostics). */
  listChanges(): Promise<(StatusChange & { notified: boolean })[]>;
}

/** Default number of changes one flush claims. */
const CLAIM_LIMIT = 1000;

/**
 * Writes status changes in the caller's transaction (the one that stores the scan). A
 * change already recorded for the entity, check and scan time is left as it is.
 */
export async function insertStatusChanges(
  tx: Knex | Knex.Transaction,
  changes: StatusChange[],
): Promise<void> {
  for (const chunk of chunks(changes)) {
    await tx<StatusChangeRow>(STATUS_CHANGES)
      .insert(
        chunk.map(c => ({
          entity_ref: c.entityRef,
          check_id: c.checkId,
          owner: c.owner ?? null,
          kind: c.kind,
          from_status: c.from,
          to_status: c.to,
          waiver_expired: c.waiverExpired,
          detected_at: c.detectedAt,
          finding: c.finding ?? null,
          digest_id: null,
          claimed_until: null,
          notified_at: null,
        })),
      )
      .onConflict(['entity_ref', 'check_id', 'detected_at'])
      .ignore();
  }
}

type DbId = NonNullable<StatusChangeRow['id']>;

/** The columns of a change as a digest reads it. */
const CHANGE_COLUMNS = [
  'id',
  'entity_ref',
  'check_id',
  'owner',
  'kind',
  'from_status',
  'to_status',
  'waiver_expired',
  'detected_at',
  'finding',
] as const satisfies readonly (keyof StatusChangeRow)[];

type ChangeRow = Pick<StatusChangeRow, (typeof CHANGE_COLUMNS)[number]>;

/** {@link StatusChangeStore} on the plugin's database. */
export class DatabaseStatusChangeStore implements StatusChangeStore {
  private readonly isPostgres: boolean;

  /** Wraps a migrated connection. */
  static create(options: { knex: Knex }): DatabaseStatusChangeStore {
    return new DatabaseStatusChangeStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {
    this.isPostgres = isPostgres(knex);
  }

  /**
   * In one transaction: reads pending rows (on PostgreSQL locked, skipping rows another
   * claimer holds), then claims them with a conditional update that returns only the
   * rows still pending, so two claimers never get the same row (SQLite serializes the
   * updates). An owner's rows take the digest id one of them already carries, if any.
   */
  async claimPending(options: {
    now: number;
    claimMs: number;
    limit?: number;
  }): Promise<ClaimedDigest[]> {
    const { now, claimMs, limit = CLAIM_LIMIT } = options;
    return this.knex.transaction(async tx => {
      const pending = (b: Knex.QueryBuilder) =>
        b
          .whereNull('notified_at')
          .andWhere(c =>
            c.whereNull('claimed_until').orWhere('claimed_until', '<', now),
          );
      const scanning = tx<EntityRow>(ENTITIES)
        .distinct('owner')
        .whereNotNull('owner')
        .andWhere('lease_expires_at', '>=', now);
      let query = tx<StatusChangeRow>(STATUS_CHANGES)
        .select('id', 'owner', 'digest_id')
        .where(pending)
        .andWhere(b => b.whereNull('owner').orWhereNotIn('owner', scanning))
        .orderBy('id')
        .limit(limit);
      if (this.isPostgres) query = query.forUpdate().skipLocked();
      const rows = await query;
      const digestOf = new Map<string, string>();
      for (const row of rows) {
        const key = row.owner ?? '';
        if (row.digest_id && !digestOf.has(key))
          digestOf.set(key, row.digest_id);
      }
      const idsByDigest = new Map<string, DbId[]>();
      for (const row of rows) {
        const key = row.owner ?? '';
        let digestId = digestOf.get(key);
        if (!digestId) {
          digestId = randomUUID();
          digestOf.set(key, digestId);
        }
        const ids = idsByDigest.get(digestId) ?? [];
        ids.push(row.id!);
        idsByDigest.set(digestId, ids);
      }
      const digests: ClaimedDigest[] = [];
      for (const [digestId, ids] of idsByDigest) {
        const claimed: ChangeRow[] = [];
        for (const chunk of chunks(ids)) {
          claimed.push(
            ...(await tx<StatusChangeRow>(STATUS_CHANGES)
              .whereIn('id', chunk)
              .where(pending)
              .update({ digest_id: digestId, claimed_until: now + claimMs }, [
                ...CHANGE_COLUMNS,
              ])),
          );
        }
        if (!claimed.length) continue;
        claimed.sort((a, b) => Number(a.id) - Number(b.id));
        digests.push({
          digestId,
          owner: claimed[0].owner ?? undefined,
          changes: claimed.map(statusChangeOf),
        });
      }
      return digests;
    });
  }

  async markNotified(digestId: string, now: number): Promise<void> {
    await this.knex<StatusChangeRow>(STATUS_CHANGES)
      .where({ digest_id: digestId })
      .whereNull('notified_at')
      .update({ notified_at: now, claimed_until: null });
  }

  async release(digestId: string): Promise<void> {
    await this.knex<StatusChangeRow>(STATUS_CHANGES)
      .where({ digest_id: digestId })
      .whereNull('notified_at')
      .update({ claimed_until: null });
  }

  async pruneNotified(before: number): Promise<number> {
    return this.knex<StatusChangeRow>(STATUS_CHANGES)
      .where('notified_at', '<', before)
      .delete();
  }

  async listChanges(): Promise<(StatusChange & { notified: boolean })[]> {
    const rows = await this.knex<StatusChangeRow>(STATUS_CHANGES).orderBy('id');
    return rows.map(row => ({
      ...statusChangeOf(row),
      notified: row.notified_at !== null,
    }));
  }
}

function statusChangeOf(row: ChangeRow): StatusChange {
  return {
    entityRef: row.entity_ref,
    checkId: row.check_id,
    ...(row.owner ? { owner: row.owner } : {}),
    kind: row.kind,
    from: row.from_status as CheckStatus,
    to: row.to_status as CheckStatus,
    waiverExpired: Boolean(row.waiver_expired),
    detectedAt: Number(row.detected_at),
    ...(row.finding ? { finding: row.finding } : {}),
  };
}
