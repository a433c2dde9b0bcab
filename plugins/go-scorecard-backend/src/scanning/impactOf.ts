import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import { normalizeEntityRef } from '@internal/plugin-go-scorecard-common';

/** The entity fields {@link apiConsumers} reads of an API entity. */
export const apiFields = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'relations',
];

/** The consumers of each API (its `apiConsumedBy` relations), by lowercased API ref. */
export function apiConsumers(apis: Iterable<Entity>): Map<string, string[]> {
  const consumers = new Map<string, string[]>();
  for (const api of apis) {
    consumers.set(
      normalizeEntityRef(api),
      targetsOf(api, RELATION_API_CONSUMED_BY),
    );
  }
  return consumers;
}

/**
 * How many catalog entities depend on `entity`: those that `dependsOn` it (its
 * `dependencyOf` relations) and those that `consumesApi` an API it `providesApi`
 * (`consumers`, from {@link apiConsumers}), each counted once, never the entity itself.
 * Issue 16's "fix first": a failing service many others call comes before a leaf.
 */
export function impactOf(
  entity: Entity,
  consumers: ReadonlyMap<string, readonly string[]>,
): number {
  const self = normalizeEntityRef(entity);
  const dependents = new Set(targetsOf(entity, RELATION_DEPENDENCY_OF));
  for (const api of targetsOf(entity, RELATION_PROVIDES_API)) {
    for (const consumer of consumers.get(api) ?? []) dependents.add(consumer);
  }
  dependents.delete(self);
  return dependents.size;
}

/** The lowercased target refs of an entity's relations of one type (unparsable ones left out). */
function targetsOf(entity: Entity, type: string): string[] {
  return (entity.relations ?? []).flatMap(r => {
    if (r.type !== type) return [];
    try {
      return [normalizeEntityRef(r.targetRef)];
    } catch {
      return [];
    }
  });
}
