import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { goScorecardApiRef } from '../../api/GoScorecardApi';

/** The choices of the owner and system filters: every scanned owner, every system of the catalog. */
export function useReportOptions(): { owners: string[]; systems: string[] } {
  const api = useApi(goScorecardApiRef);
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    const [report, systems] = await Promise.all([
      api.getReport({ limit: 1 }).catch(() => undefined),
      catalogApi
        .getEntities({
          filter: { kind: 'system' },
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        })
        .then(r => r.items.map(e => stringifyEntityRef(e)))
        .catch(() => [] as string[]),
    ]);
    return {
      owners: (report?.aggregates.byOwner ?? []).map(o => o.owner).sort(),
      systems: systems.sort(),
    };
  }, [api, catalogApi]);
  return value ?? { owners: [], systems: [] };
}
