import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { goScorecardApiRef } from '../../api/GoScorecardApi';

/**
 * The choices of the owner and system filters: every scanned owner, every system of the
 * catalog. When either cannot be loaded its list is empty and `problem` says why (the
 * filters still work by typing, the page says the choices are missing).
 */
export function useReportOptions(): {
  owners: string[];
  systems: string[];
  problem?: string;
} {
  const api = useApi(goScorecardApiRef);
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    const problems: string[] = [];
    const [report, systems] = await Promise.all([
      api.getReport({ limit: 1 }).catch((e: Error) => {
        problems.push(`owners: ${e.message}`);
        return undefined;
      }),
      catalogApi
        .getEntities({
          filter: { kind: 'system' },
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        })
        .then(r => r.items.map(e => stringifyEntityRef(e)))
        .catch((e: Error) => {
          problems.push(`systems: ${e.message}`);
          return [] as string[];
        }),
    ]);
    return {
      owners: (report?.aggregates.byOwner ?? []).map(o => o.owner).sort(),
      systems: systems.sort(),
      problem: problems.length ? problems.join('; ') : undefined,
    };
  }, [api, catalogApi]);
  return value ?? { owners: [], systems: [] };
}
