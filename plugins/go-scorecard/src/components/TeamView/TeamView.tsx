import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Content,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { countOf, getCheck } from '@internal/plugin-go-scorecard-common';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import { OwnerAggregate } from '../../api/types';
import { rootRouteRef } from '../../routes';
import { useCheckFixLink } from '../EntityGoScorecardCard/useLessonLink';
import { filtersOf, toSearchParams } from '../ReportPage/reportSearchParams';
import { useReportView } from '../ReportPage/useReportView';
import { useReportOptions } from '../ReportPage/useReportOptions';
import { shortRef } from '../ReportPage/shortRef';
import { ExpiringWaiversCard } from './ExpiringWaiversCard';
import { FixFirstCard } from './FixFirstCard';
import { loadTeamRows, TeamRow } from './teamRows';

/**
 * A team's score as the report words it, or why it has none: no scanned services yet,
 * only non-Go services; with how many of its services failed to scan (left out).
 */
function TeamScore(props: { team: OwnerAggregate }) {
  const { team } = props;
  let text: string;
  if (team.entities === 0 && team.notGoEntities > 0) {
    text = 'only non-Go services, not scored';
  } else if (team.entities > 0 && team.pendingEntities === team.entities) {
    text = 'no scanned services yet';
  } else {
    text = team.score === undefined ? '—' : `${team.score}%`;
  }
  return (
    <>
      {text}
      {team.failedEntities > 0 && (
        <Typography variant="caption" component="div" color="error">
          {countOf(team.failedEntities, 'service')} failed to scan, not in the
          score
        </Typography>
      )}
    </>
  );
}

/** "3 services fail, 1 service warns": the non-zero parts only. */
function failingAndWarning(counts: { fail: number; warn: number }): string {
  return [
    counts.fail > 0 && countOf(counts.fail, 'service fails', 'services fail'),
    counts.warn > 0 && countOf(counts.warn, 'service warns', 'services warn'),
  ]
    .filter(Boolean)
    .join(', ');
}

/** The team cell: the owner, marked as a department (with its teams) or as one of a department's teams. */
function TeamName(props: { team: TeamRow; nameOf: (ref: string) => string }) {
  const { team, nameOf } = props;
  return (
    <>
      {team.department && <span aria-hidden>&nbsp;&nbsp;↳&nbsp;</span>}
      <EntityRefLink entityRef={team.owner} defaultKind="group" />
      {team.subTeams !== undefined && (
        <Typography variant="caption" component="div">
          Department: counts every service of its{' '}
          {countOf(team.subTeams, 'group')}
          {team.unlistedTeams
            ? ` (${countOf(
                team.unlistedTeams,
                'group',
              )} without a scanned Go service not listed)`
            : ''}
        </Typography>
      )}
      {team.department && (
        <Typography variant="caption" component="div">
          {team.isDepartment ? 'Department in' : 'Team of'}{' '}
          {nameOf(team.department)}
        </Typography>
      )}
    </>
  );
}

/**
 * `/go-scorecard/teams`: one row per owning team with its services, score (the report's
 * word and measure; how many of its services failed to scan, which the score leaves out;
 * "no scanned services yet" for a team none of whose services is scanned) and worst
 * checks, with the report's filters and a link back to the report. A team or department
 * can be picked: a department's row counts every service below it (its own and its
 * teams'), followed by one row per team directly below it. Then the failing services
 * ordered by impact (fix first) and the waivers of those teams (the chosen owners, else
 * every team) expiring within 30 days.
 */
export function TeamView() {
  const api = useApi(goScorecardApiRef);
  const [view, setView] = useReportView();
  const reportLink = useRouteRef(rootRouteRef);
  const fixLink = useCheckFixLink();
  const options = useReportOptions();
  const { hierarchy, displayNames, loading: hierarchyLoading } = options.groups;
  // A group by the name its row's link shows, with its ref where they differ.
  const nameOf = (ref: string) => displayNames.get(ref) ?? shortRef(ref);
  const labelOf = (ref: string) => {
    const name = displayNames.get(ref);
    return name && name !== shortRef(ref)
      ? `${name} (${shortRef(ref)})`
      : shortRef(ref);
  };
  const { owners, ...filters } = filtersOf(view);
  const key = toSearchParams({ ...filters, page: 0, pageSize: 25 }).toString();
  const ownersKey = (owners ?? []).join(',');

  const teams = useAsyncRetry(async () => {
    if (hierarchyLoading) return undefined;
    return loadTeamRows(api, filters, owners, hierarchy);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, ownersKey, hierarchy, hierarchyLoading]);

  const servicesLink = (owner: string) =>
    `${reportLink?.() ?? ''}?${toSearchParams({
      ...filters,
      owners: [owner],
      page: 0,
      pageSize: 25,
    })}`;
  const backQuery = toSearchParams({
    ...filtersOf(view),
    page: 0,
    pageSize: 25,
  });
  const backLink = `${reportLink?.() ?? ''}${
    backQuery.toString() ? `?${backQuery}` : ''
  }`;

  return (
    <Content>
      <Box mb={2}>
        <Link to={backLink}>
          <Box component="span" display="inline-flex" alignItems="center">
            <ArrowBackIcon fontSize="small" aria-hidden />
            &nbsp;Back to the report
          </Box>
        </Link>
      </Box>
      <InfoCard
        title="Teams"
        subheader="Score: the share of applicable checks that pass over a team's services, as in the report. Non-Go services are not scored, so a team that owns only non-Go services is not listed: the report's status filter “Not a Go service” shows them. A department counts the services of every team below it."
        titleTypographyProps={{ component: 'h2' }}
      >
        <Box mb={2} maxWidth={480}>
          <Autocomplete
            id="go-scorecard-team-picker"
            size="small"
            options={options.owners}
            getOptionLabel={labelOf}
            renderOption={ref =>
              options.departments.includes(ref)
                ? `${labelOf(ref)}, department with its teams`
                : labelOf(ref)
            }
            value={owners?.[0] ?? null}
            onChange={(_e, ref) => setView({ owners: ref ? [ref] : undefined })}
            renderInput={params => (
              <TextField
                {...params}
                variant="outlined"
                label="Team or department"
                placeholder="Every team"
              />
            )}
          />
        </Box>
        {(teams.loading || (!teams.value && !teams.error)) && <Progress />}
        {teams.error && (
          <>
            <ResponseErrorPanel error={teams.error} />
            <Box mt={1}>
              <Button variant="outlined" color="primary" onClick={teams.retry}>
                Retry
              </Button>
            </Box>
          </>
        )}
        {teams.value && (
          <Table size="small" aria-label="Teams">
            {/* Headers break between words only: the worst checks' long titles squeezed
                "Services" and "Score" into "Servic|es" at 1280 px. */}
            <TableHead
              style={{
                wordBreak: 'normal',
                overflowWrap: 'normal',
                whiteSpace: 'nowrap',
              }}
            >
              <TableRow>
                <TableCell>Team</TableCell>
                <TableCell align="right">Services</TableCell>
                <TableCell align="right">Failing services</TableCell>
                <TableCell align="right">Score</TableCell>
                <TableCell>Worst checks</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {teams.value.map(team => (
                <TableRow
                  key={`${team.department ?? ''}>${team.owner}`}
                  data-owner={team.owner}
                >
                  <TableCell component="th" scope="row">
                    <TeamName team={team} nameOf={nameOf} />
                  </TableCell>
                  <TableCell align="right">
                    <Link
                      to={servicesLink(team.owner)}
                      aria-label={`${countOf(team.entities, 'service')} of ${
                        team.owner
                      }`}
                    >
                      {team.entities}
                    </Link>
                  </TableCell>
                  <TableCell align="right">{team.failingEntities}</TableCell>
                  <TableCell align="right">
                    <TeamScore team={team} />
                  </TableCell>
                  <TableCell>
                    {team.worst.length === 0
                      ? 'None'
                      : team.worst.map((c, i) => {
                          const href = fixLink(c.id);
                          const label = `${
                            getCheck(c.id)?.title ?? c.id
                          } (${failingAndWarning(c.counts)})`;
                          return (
                            <div key={c.id}>
                              {i + 1}.{' '}
                              {href ? <Link to={href}>{label}</Link> : label}
                            </div>
                          );
                        })}
                  </TableCell>
                </TableRow>
              ))}
              {!teams.value.length && (
                <TableRow>
                  <TableCell colSpan={5}>
                    No team owns a service matching these filters.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        )}
      </InfoCard>
      <Box mt={2}>
        <FixFirstCard filters={filtersOf(view)} />
      </Box>
      <Box mt={2}>
        <ExpiringWaiversCard owners={owners} />
      </Box>
    </Content>
  );
}
