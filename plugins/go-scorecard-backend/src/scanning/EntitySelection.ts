import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { EntityFilterQuery } from '@backstage/catalog-client';
import { normalizeEntityRef } from '@internal/plugin-go-scorecard-common';
import { LocationOrigins, ScanTarget } from '../database/types';
import {
  ANNOTATION_MANIFESTS_LOCATION,
  resolveManifestsLocation,
  resolveSourceLocation,
  SourceLocation,
  stringifySourceLocation,
} from '../source/resolveSourceLocation';

/** Set to `"false"` on an entity to leave it out of scanning. */
export const ANNOTATION_ENABLED = 'go-scorecard/enabled';

/** The entity fields the plugin reads from the catalog. */
export const selectionFields = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'spec.type',
  'spec.owner',
  'spec.system',
  'relations',
];

/** Which catalog entities are scanned: kinds and optional spec.type values, minus opted-out ones. */
export class EntitySelection {
  constructor(
    private readonly options: { kinds: string[]; types?: string[] },
  ) {}

  /** The catalog filter matching the selection before the opt-out annotation. */
  catalogFilter(): EntityFilterQuery {
    const filter: Record<string, string[]> = { kind: this.options.kinds };
    if (this.options.types?.length) filter['spec.type'] = this.options.types;
    return [filter];
  }

  /** True when the entity is selected and not opted out. */
  includes(entity: Entity): boolean {
    const kinds = this.options.kinds.map(k => k.toLocaleLowerCase('en-US'));
    if (!kinds.includes(entity.kind.toLocaleLowerCase('en-US'))) return false;
    const types = this.options.types?.map(t => t.toLocaleLowerCase('en-US'));
    const type =
      typeof entity.spec?.type === 'string' ? entity.spec.type : undefined;
    if (
      types?.length &&
      !(type && types.includes(type.toLocaleLowerCase('en-US')))
    )
      return false;
    return (
      entity.metadata.annotations?.[
        ANNOTATION_ENABLED
      ]?.trim().toLowerCase() !== 'false'
    );
  }

  /** The row the store keeps for a selected entity, with its source resolved (or why not). */
  toTarget(entity: Entity): ScanTarget {
    const target: ScanTarget = {
      entityRef: normalizeEntityRef(entity),
      kind: entity.kind,
      namespace: entity.metadata.namespace ?? 'default',
      name: entity.metadata.name,
      title: entity.metadata.title,
      type:
        typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
      owner:
        relationTarget(entity, RELATION_OWNED_BY) ??
        specRef(entity, 'owner', 'group'),
      system:
        relationTarget(entity, RELATION_PART_OF, 'system') ??
        specRef(entity, 'system', 'system'),
    };
    try {
      const source = resolveSourceLocation(entity);
      target.source = stringifySourceLocation(source);
      const manifests = resolveManifestsLocation(entity);
      if (manifests) target.manifests = stringifySourceLocation(manifests);
      const origins = localOrigins(entity, source, manifests);
      if (origins) target.origins = origins;
    } catch (e) {
      target.sourceError = (e as Error).message;
    }
    return target;
  }
}

function relationTarget(
  entity: Entity,
  type: string,
  kind?: string,
): string | undefined {
  const target = entity.relations?.find(
    r => r.type === type && (!kind || r.targetRef.startsWith(`${kind}:`)),
  )?.targetRef;
  return target === undefined ? undefined : normalizeEntityRef(target);
}

/** A spec field naming another entity (`team-a`, `group:team-a`), as a full ref. */
function specRef(
  entity: Entity,
  key: string,
  defaultKind: string,
): string | undefined {
  const value = entity.spec?.[key];
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return normalizeEntityRef(value, {
      defaultKind,
      defaultNamespace: entity.metadata.namespace ?? 'default',
    });
  } catch {
    return value;
  }
}

/**
 * For the local ones of an entity's locations, the annotation each comes from and its
 * value as written: what a refused read may name (never the resolved server path). A
 * source taken from the folder of `backstage.io/managed-by-location` is `dir:.` there.
 */
function localOrigins(
  entity: Entity,
  source: SourceLocation,
  manifests: SourceLocation | undefined,
): LocationOrigins | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const origins: LocationOrigins = {};
  if (source.type === 'local') {
    const written = annotations[ANNOTATION_SOURCE_LOCATION];
    origins.source = written
      ? { annotation: ANNOTATION_SOURCE_LOCATION, value: written }
      : { annotation: ANNOTATION_LOCATION, value: 'dir:.' };
  }
  if (manifests?.type === 'local') {
    origins.manifests = {
      annotation: ANNOTATION_MANIFESTS_LOCATION,
      value: annotations[ANNOTATION_MANIFESTS_LOCATION] ?? '',
    };
  }
  return origins.source || origins.manifests ? origins : undefined;
}
