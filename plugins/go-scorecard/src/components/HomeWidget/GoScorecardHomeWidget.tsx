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

const LIMIT = 10;

/** A percentage, or a dash when there is none (no applicable check). */
const percent = (value: number | undefined) =>
  value === undefined || value === null ? '—' : `${value}%`;

/**
 * The home page widget: the services of the signed-in user's teams that fail checks, or,
 * when the user has no team or none of them fails, the org-wide summary.
 */
export function GoScorecardHomeWidget() {
  const api = useApi(goScorecardApiRef);
  const identityApi = useApi(identityApiRef);
  const reportLink = useRouteRef(rootRouteRef);
  const { value, loading, error } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const teams = ownershipEntityRefs.filter(ref => ref.startsWith('group:'));
    const failing = teams.length
      ? await api.getReport({
          owners: teams,
          statuses: ['fail'],
          orderBy: 'fail',
          order: 'desc',
          limit: LIMIT,
        })
      : undefined;
    if (failing?.totalItems) return { teams, failing };
    return { teams, org: await api.getReport({ limit: 1 }) };
  }, [api, identityApi]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return <Progress />;

  if (value.failing) {
    const { failing, teams } = value;
    const more = `${reportLink?.() ?? ''}?${teams
      .map(t => `owner=${encodeURIComponent(t)}`)
      .join('&')}&status=fail`;
    return (
      <>
        <Typography variant="body2">
          Your teams have {countOf(failing.totalItems, 'service')} failing
          checks.
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
          ? "None of your teams' services fails a check. "
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
