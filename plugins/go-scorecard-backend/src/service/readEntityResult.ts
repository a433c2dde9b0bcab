import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { EntityResult } from '@internal/plugin-go-scorecard-common';
import { ResultStore } from '../database/ResultStore';
import { EntitySelection } from '../scanning/EntitySelection';
import { LocalRoots } from '../source/LocalRoots';
import { entityResponse, unsyncedResponse } from './entityResponse';
import { ReadableEntities } from './ReadableEntities';

/** What {@link readEntityResult} reads with. */
export interface EntityResultReader {
  store: Pick<ResultStore, 'getEntityResult'>;
  readable: Pick<ReadableEntities, 'get'>;
  selection: Pick<EntitySelection, 'includes' | 'toTarget'>;
  localRoots: LocalRoots;
  maxFindingsPerCheck: number;
  catalogSyncIntervalMs: number;
}

/**
 * An entity's latest result as the caller may see it (`GET /entities/...` and the
 * `get-entity-scorecard` action): the catalog is asked with the caller's credentials, so
 * an entity they may not read is not found. A selected entity not stored yet is
 * `unsynced`. Throws NotFoundError for an unknown or unreadable entity, and for one the
 * scorecard does not scan.
 */
export async function readEntityResult(
  reader: EntityResultReader,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<EntityResult> {
  const entity = await reader.readable.get(entityRef, credentials);
  if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
  const result = await reader.store.getEntityResult(entityRef);
  if (result) {
    return entityResponse(
      result,
      reader.localRoots,
      reader.maxFindingsPerCheck,
    );
  }
  // Not stored: either not selected, or selected but not copied from the catalog yet
  // (the first catalog sync after a start, or a new entity before the next one).
  if (!reader.selection.includes(entity))
    throw new NotFoundError(
      `Entity ${entityRef} is not scanned by the Go scorecard`,
    );
  return unsyncedResponse(
    reader.selection.toTarget(entity),
    reader.catalogSyncIntervalMs,
  );
}
