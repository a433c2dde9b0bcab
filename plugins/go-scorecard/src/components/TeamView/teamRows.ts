import { GroupHierarchy } from '@internal/plugin-go-scorecard-common';
import { GoScorecardApi } from '../../api/GoScorecardApi';
import {
  CheckAggregate,
  OwnerAggregate,
  Report,
  ReportFilters,
} from '../../api/types';
import { worstChecks } from './worstChecks';

/** One row of the team view: an owner's figures and its worst checks. */
export interface TeamRow extends OwnerAggregate {
  worst: CheckAggregate[];
  /** A department: how many teams it has directly (its row counts every team below it). */
  subTeams?: number;
  /** A department: how many of those teams own no scanned Go service, so have no row. */
  unlistedTeams?: number;
  /** A team listed under a department: that department. */
  department?: string;
  /** A group listed under a department that has teams of its own. */
  isDepartment?: boolean;
}

/**
 * The team view's rows for the report's filters. Without chosen owners, one row per
 * owning team (`byOwner`). With chosen owners, one row per owner rolled up (the backend's
 * owner filter counts the groups below it), and under a department (a group with
 * sub-groups in `hierarchy`) one row per team directly below it that owns a scanned Go
 * service, each rolled up too (a team without one has no row, as in the unfiltered view).
 */
export async function loadTeamRows(
  api: Pick<GoScorecardApi, 'getReport'>,
  filters: Omit<ReportFilters, 'owners'>,
  owners: string[] | undefined,
  hierarchy: GroupHierarchy,
): Promise<TeamRow[]> {
  const worstOf = async (owner: string) => {
    const own = await api.getReport({ ...filters, owners: [owner], limit: 1 });
    return { own, worst: worstChecks(own.aggregates.byCheck) };
  };
  if (!owners?.length) {
    const report = await api.getReport({ ...filters, limit: 1 });
    return Promise.all(
      report.aggregates.byOwner.map(async owner => ({
        ...owner,
        worst: (await worstOf(owner.owner)).worst,
      })),
    );
  }
  const rolledUp = async (
    owner: string,
    extra: Pick<TeamRow, 'department' | 'isDepartment'>,
  ): Promise<TeamRow> => {
    const { own, worst } = await worstOf(owner);
    return { ...rollUp(owner, own.aggregates), worst, ...extra };
  };
  const groups = await Promise.all(
    owners.map(async owner => {
      const teams = hierarchy.children(owner);
      const [head, ...below] = await Promise.all([
        rolledUp(owner, {}),
        ...teams.map(team =>
          rolledUp(team, {
            department: owner,
            ...(hierarchy.children(team).length ? { isDepartment: true } : {}),
          }),
        ),
      ]);
      const listed = below.filter(row => row.entities > 0);
      const department = teams.length
        ? {
            subTeams: teams.length,
            unlistedTeams: teams.length - listed.length,
          }
        : {};
      return [{ ...head, ...department }, ...listed];
    }),
  );
  return groups.flat();
}

/** An owner's figures from the report filtered to it: its own and its sub-teams' services. */
export function rollUp(
  owner: string,
  aggregates: Report['aggregates'],
): OwnerAggregate {
  const sum = (key: 'failingEntities' | 'pendingEntities') =>
    aggregates.byOwner.reduce((n, o) => n + o[key], 0);
  return {
    owner,
    entities: aggregates.entities,
    failingEntities: sum('failingEntities'),
    failedEntities: aggregates.failedEntities,
    pendingEntities: sum('pendingEntities'),
    notGoEntities: aggregates.notGoEntities,
    counts: aggregates.counts,
    score: aggregates.score,
  };
}
