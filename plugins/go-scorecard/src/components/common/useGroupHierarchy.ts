import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { GroupHierarchy } from '@internal/plugin-go-scorecard-common';

/** The catalog's groups as the hierarchy reads them, with the names people know them by. */
const groupFields = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.displayName',
  'relations',
];

/** No group nests another: every owner a leaf team. */
const EMPTY = new GroupHierarchy([]);
/** No display names known: groups go by their refs. */
const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * The catalog's group hierarchy (departments above teams: `parentOf` / `childOf`), read
 * with the signed-in user's permissions; the same nesting the backend's owner filter
 * rolls up. While loading, or when the catalog cannot be read, an empty hierarchy and
 * `problem` saying why (owners then act as leaf teams). `displayNames`: each group's
 * `spec.profile.displayName` (else its title) by its ref, as the catalog's links show it.
 */
export function useGroupHierarchy(): {
  hierarchy: GroupHierarchy;
  displayNames: ReadonlyMap<string, string>;
  loading: boolean;
  problem?: string;
} {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'group' },
      fields: groupFields,
    });
    const displayNames = new Map<string, string>();
    for (const group of items) {
      const profile = (group.spec?.profile ?? {}) as { displayName?: string };
      const name = profile.displayName ?? group.metadata.title;
      if (name) displayNames.set(stringifyEntityRef(group), name);
    }
    return { hierarchy: GroupHierarchy.fromEntities(items), displayNames };
  }, [catalogApi]);
  return {
    hierarchy: value?.hierarchy ?? EMPTY,
    displayNames: value?.displayNames ?? NO_NAMES,
    loading,
    problem: error ? `teams: ${error.message}` : undefined,
  };
}
