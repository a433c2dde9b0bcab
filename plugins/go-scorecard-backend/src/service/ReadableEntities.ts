import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { normalizeEntityRef } from '@internal/plugin-go-scorecard-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntitySelection } from '../scanning/EntitySelection';

/**
 * What a caller may see of the catalog, asked with the caller's own credentials so the
 * catalog applies its read permission (`catalog.entity.read`).
 */
export class ReadableEntities {
  constructor(
    private readonly catalog: CatalogService,
    private readonly selection: EntitySelection,
  ) {}

  /** Lowercased refs of every selected entity the caller may read: one catalog call, three fields per entity. */
  async refs(credentials: BackstageCredentials): Promise<Set<string>> {
    const { items } = await this.catalog.getEntities(
      {
        filter: this.selection.catalogFilter(),
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return new Set(items.map(e => normalizeEntityRef(e)));
  }

  /** The entity if it exists and the caller may read it. */
  async get(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    return this.catalog.getEntityByRef(entityRef, { credentials });
  }
}
