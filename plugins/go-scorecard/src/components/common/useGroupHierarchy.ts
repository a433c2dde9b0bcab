import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { GroupHierarchy } from '@internal/plugin-go-scorecard-common';

/** The catalog's groups as the hierarchy reads them. */
const groupFields = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'relations',
];

/** No group nests another: every owner a leaf team. */
const EMPTY = new GroupHierarchy([]);

/**
 * The catalog's group hierarchy (departments above teams: `parentOf` / `childOf`), read
 * with the signed-in user's permissions; the same nesting the backend's owner filter
 * rolls up. While loading, or when the catalog cannot be read, an empty hierarchy and
 * `problem` saying why (owners then act as leaf teams).
 */
export function useGroupHierarchy(): {
  hierarchy: GroupHierarchy;
  loading: boolean;
  problem?: string;
} {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'group' },
      fields: groupFields,
    });
    return GroupHierarchy.fromEntities(items);
  }, [catalogApi]);
  return {
    hierarchy: value ?? EMPTY,
    loading,
    problem: error ? `teams: ${error.message}` : undefined,
  };
}
