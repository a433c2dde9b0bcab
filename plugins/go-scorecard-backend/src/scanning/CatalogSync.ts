import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TargetStore } from '../database/TargetStore';
import { ScanTarget } from '../database/types';
import { EntitySelection, selectionFields } from './EntitySelection';

/**
 * Copies the catalog's selected entities into the store: new ones become due at once,
 * removed ones are deleted with their results, and the denormalized columns (title,
 * owner, system, type) are refreshed.
 */
export class CatalogSync {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: Pick<TargetStore, 'syncTargets'>;
      selection: EntitySelection;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  /** Runs one sync. Returns how many entities were added and removed. */
  async run(): Promise<{ total: number; added: number; removed: number }> {
    const { catalog, auth, store, selection, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const targets: ScanTarget[] = [];
    for await (const page of catalog.streamEntities(
      { filter: selection.catalogFilter(), fields: selectionFields },
      { credentials },
    )) {
      for (const entity of page) {
        if (selection.includes(entity))
          targets.push(selection.toTarget(entity));
      }
    }
    const now = (this.options.now ?? Date.now)();
    const { added, removed } = await store.syncTargets(targets, now);
    if (added || removed) {
      logger.info(
        `Catalog sync: ${targets.length} entities, ${added} new, ${removed} removed`,
      );
    }
    return { total: targets.length, added, removed };
  }
}
