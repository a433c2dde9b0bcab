import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { EntityFilterQuery } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GroupHierarchy } from '@internal/plugin-go-scorecard-common';
import { GroupHierarchyStore } from '../database/GroupHierarchyStore';
import { TargetStore } from '../database/TargetStore';
import { ScanTarget } from '../database/types';
import { EntitySelection, selectionFields } from './EntitySelection';
import { apiConsumers, apiFields, impactOf } from './impactOf';

/** The fields the group hierarchy reads of a Group entity. */
const groupFields = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'relations',
];

/**
 * Copies the catalog's selected entities into the store: new ones become due at once,
 * removed ones are deleted with their results, and the denormalized columns (title,
 * owner, system, type, impact) are refreshed. Also replaces the stored group hierarchy
 * (the report's owner filter rolls departments up to their teams).
 */
export class CatalogSync {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: Pick<TargetStore, 'syncTargets'>;
      groups: GroupHierarchyStore;
      selection: EntitySelection;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  /** Runs one sync. Returns how many entities were added and removed. */
  async run(): Promise<{ total: number; added: number; removed: number }> {
    const { store, groups, selection, logger } = this.options;
    const selected = (
      await this.entities(selection.catalogFilter(), selectionFields)
    ).filter(entity => selection.includes(entity));
    const consumers = apiConsumers(
      await this.entities({ kind: 'api' }, apiFields),
    );
    const hierarchy = GroupHierarchy.fromEntities(
      await this.entities({ kind: 'group' }, groupFields),
    );
    const targets: ScanTarget[] = selected.map(entity => ({
      ...selection.toTarget(entity),
      impact: impactOf(entity, consumers),
    }));
    const now = (this.options.now ?? Date.now)();
    const { added, removed } = await store.syncTargets(targets, now);
    await groups.replaceGroupDescendants(hierarchy.pairs());
    if (added || removed) {
      logger.info(
        `Catalog sync: ${targets.length} entities, ${added} new, ${removed} removed`,
      );
    }
    return { total: targets.length, added, removed };
  }

  /** Every catalog entity matching `filter`, with these fields, read as the plugin. */
  private async entities(
    filter: EntityFilterQuery,
    fields: string[],
  ): Promise<Entity[]> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    for await (const page of catalog.streamEntities(
      { filter, fields },
      { credentials },
    )) {
      entities.push(...page);
    }
    return entities;
  }
}
