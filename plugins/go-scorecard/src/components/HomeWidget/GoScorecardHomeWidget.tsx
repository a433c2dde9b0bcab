import useAsync from 'react-use/esm/useAsync';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useRouteRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { countOf, nounFor } from '@internal/plugin-go-scorecard-common';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import { rootRouteRef } from '../../routes';
import { compliance } from '../ReportPage/ComplianceSummary';
import { useGroupHierarchy } from '../common/useGroupHierarchy';

const LIMIT = 10;

/** A percentage, or a dash when there is none (no applicable check). */
const percent = (value: number | undefined) =>
  value === undefined || value === null ? '—' : `${value}%`;

/**
 * Whose services the widget lists: "Your teams", or with sub-teams (groups below the
 * user's teams in the catalog, which the owner filter rolls up) "Your 2 teams and their
 * 3 sub-teams".
 */
function whose(teams: number, subTeams: number): string {
  if (!subTeams) return 'Your teams';
  return `Your ${countOf(teams, 'team')} and ${nounFor(
    teams,
    'its',
    'their',
  )} ${countOf(subTeams, 'sub-team')}`;
}

/**
 * The home page widget: the services of the signed-in user's teams and their sub-teams
 * that fail checks, or, when the user has no team or none of them fails, the org-wide
 * summary. Either way it says how many of the teams' services could not be scanned: their
 * checks are unknown, not passing.
 */
export function GoScorecardHomeWidget() {
  const api = useApi(goScorecardApiRef);
  const identityApi = useApi(identityApiRef);
  const reportLink = useRouteRef(rootRouteRef);
  const { hierarchy, loading: hierarchyLoading } = useGroupHierarchy();
  const { value, loading, error } = useAsync(async () => {
    if (hierarchyLoading) return undefined;
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const teams = ownershipEntityRefs
      .filter(ref => ref.startsWith('group:'))
      .map(ref => ref.toLocaleLowerCase('en-US'));
    const own = new Set(teams);
    const subTeams = new Set(
      teams.flatMap(t => hierarchy.descendants(t)).filter(t => !own.has(t)),
    ).size;
    const [failing, mine] = teams.length
      ? await Promise.all([
          api.getReport({
            owners: teams,
            statuses: ['fail'],
            orderBy: 'fail',
            order: 'desc',
            limit: LIMIT,
          }),
          // The teams' aggregates: how many of their services failed to scan.
          api.getReport({ owners: teams, limit: 1 }),
        ])
      : [undefined, undefined];
    const failedToScan = mine?.aggregates.failedEntities ?? 0;
    if (failing?.totalItems) return { teams, subTeams, failing, failedToScan };
    return { teams, failedToScan, org: await api.getReport({ limit: 1 }) };
  }, [api, identityApi, hierarchy, hierarchyLoading]);

  if (loading || hierarchyLoading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return <Progress />;

  const teamsQuery = value.teams
    .map(t => `owner=${encodeURIComponent(t)}`)
    .join('&');
  const unscanned = value.failedToScan > 0 && (
    <Typography variant="body2" paragraph>
      {countOf(
        value.failedToScan,
        "of your teams' services",
        "of your teams' services",
      )}{' '}
      {nounFor(value.failedToScan, 'has', 'have')} not been scanned: the scan
      failed, so {nounFor(value.failedToScan, 'its', 'their')} checks are
      unknown.{' '}
      {reportLink && (
        <Link to={`${reportLink()}?${teamsQuery}&status=error`}>See why</Link>
      )}
    </Typography>
  );

  if (value.failing) {
    const { failing, teams, subTeams } = value;
    const more = `${reportLink?.() ?? ''}?${teamsQuery}&status=fail`;
    return (
      <>
        <Typography variant="body2">
          {whose(teams.length, subTeams ?? 0)} have{' '}
          {countOf(failing.totalItems, 'service')} failing checks.
        </Typography>
        <List dense aria-label="Your teams' services with failing checks">
          {failing.items.map(row => (
            <ListItem key={row.entityRef} disableGutters>
              <ListItemText
                primary={
                  <EntityRefLink
                    entityRef={row.entityRef}
                    defaultKind="component"
                  />
                }
                secondary={`${countOf(
                  row.counts.fail,
                  'failed check',
                )}, ${countOf(row.counts.warn, 'warning')} · score ${percent(
                  row.score,
                )}`}
              />
            </ListItem>
          ))}
        </List>
        {unscanned}
        {reportLink && <Link to={more}>All of them in the report</Link>}
      </>
    );
  }

  const { aggregates } = value.org!;
  // Entities whose scan failed are not in the score: say how many.
  const failedToScan = aggregates.failedEntities ?? 0;
  const scored = aggregates.entities - failedToScan;
  return (
    <>
      <Typography variant="body2" paragraph>
        {value.teams.length
          ? `None of your teams' ${
              value.failedToScan ? 'scanned ' : ''
            }services fails a check. `
          : ''}
        {scored > 0
          ? `Across the organization, ${percent(
              aggregates.score,
            )} of applicable checks pass over ${countOf(scored, 'service')}`
          : 'No service has been scanned yet'}
        {failedToScan > 0
          ? ` (${countOf(
              failedToScan,
              'more service',
            )} failed to scan and ${nounFor(
              failedToScan,
              'is',
              'are',
            )} not counted)`
          : ''}
        .
      </Typography>
      {unscanned}
      <List dense aria-label="Compliance per lesson">
        {aggregates.byLesson.map(l => (
          <ListItem key={l.lesson} disableGutters>
            <ListItemText
              primary={`Lesson ${l.lesson}: ${l.title}`}
              secondary={`${percent(
                compliance(l.entities),
              )} of services pass, ${countOf(
                l.entities.fail,
                'service',
              )} ${nounFor(l.entities.fail, 'fails', 'fail')}`}
            />
          </ListItem>
        ))}
      </List>
      {reportLink && <Link to={reportLink()}>Open the report</Link>}
    </>
  );
}
