import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import { useGroupHierarchy } from '../common/useGroupHierarchy';

/**
 * The choices of the owner and system filters: every scanned owner and every department
 * above one (a group with sub-groups: choosing it rolls its teams up), every system of
 * the catalog. When either cannot be loaded its list is empty and `problem` says why
 * (the filters still work by typing, the page says the choices are missing). `groups`
 * is the group hierarchy the departments come from, for a page that needs it too (one
 * catalog read, not two).
 */
export function useReportOptions(): {
  owners: string[];
  /** Of `owners`, the departments (groups with sub-groups). */
  departments: string[];
  systems: string[];
  problem?: string;
  groups: ReturnType<typeof useGroupHierarchy>;
} {
  const api = useApi(goScorecardApiRef);
  const catalogApi = useApi(catalogApiRef);
  const groups = useGroupHierarchy();
  const { hierarchy, problem: teamsProblem } = groups;
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
      owners: (report?.aggregates.byOwner ?? []).map(o => o.owner),
      systems: systems.sort(),
      problems,
    };
  }, [api, catalogApi]);
  const scanned = value?.owners ?? [];
  const known = new Set(scanned);
  const departments = hierarchy
    .parents()
    .filter(p => hierarchy.descendants(p).some(d => known.has(d)));
  const problems = [
    ...(value?.problems ?? []),
    ...(teamsProblem ? [teamsProblem] : []),
  ];
  return {
    owners: [...new Set([...scanned, ...departments])].sort(),
    departments,
    systems: value?.systems ?? [],
    problem: problems.length ? problems.join('; ') : undefined,
    groups,
  };
}
