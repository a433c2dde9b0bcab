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
  /** A team listed under a department: that department. */
  department?: string;
}

/**
 * The team view's rows for the report's filters. Without chosen owners, one row per
 * owning team (`byOwner`). With chosen owners, one row per owner rolled up (the backend's
 * owner filter counts the groups below it), and under a department (a group with
 * sub-groups in `hierarchy`) one row per team directly below it, each rolled up too.
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
    extra: Pick<TeamRow, 'subTeams' | 'department'>,
  ): Promise<TeamRow> => {
    const { own, worst } = await worstOf(owner);
    return { ...rollUp(owner, own.aggregates), worst, ...extra };
  };
  const groups = await Promise.all(
    owners.map(async owner => {
      const teams = hierarchy.children(owner);
      return Promise.all([
        rolledUp(owner, teams.length ? { subTeams: teams.length } : {}),
        ...teams.map(team => rolledUp(team, { department: owner })),
      ]);
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
