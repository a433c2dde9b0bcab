import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { getCheck } from '@internal/plugin-go-scorecard-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import { rootRouteRef } from '../../routes';
import { useCheckFixLink } from '../EntityGoScorecardCard/useLessonLink';
import { filtersOf, toSearchParams } from '../ReportPage/reportSearchParams';
import { useReportView } from '../ReportPage/useReportView';
import { worstChecks } from './worstChecks';

/**
 * `/go-scorecard/teams`: one row per owning team with its services, pass rate (and how many
 * of its services failed to scan, which the rate leaves out) and worst checks.
 */
export function TeamView() {
  const api = useApi(goScorecardApiRef);
  const [view] = useReportView();
  const reportLink = useRouteRef(rootRouteRef);
  const fixLink = useCheckFixLink();
  const { owners: _owners, ...filters } = filtersOf(view);
  const key = toSearchParams({ ...filters, page: 0, pageSize: 25 }).toString();

  const teams = useAsync(async () => {
    const report = await api.getReport({ ...filters, limit: 1 });
    return Promise.all(
      report.aggregates.byOwner.map(async owner => {
        const own = await api.getReport({
          ...filters,
          owners: [owner.owner],
          limit: 1,
        });
        return { ...owner, worst: worstChecks(own.aggregates.byCheck) };
      }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  const servicesLink = (owner: string) =>
    `${reportLink?.() ?? ''}?${toSearchParams({
      ...filters,
      owners: [owner],
      page: 0,
      pageSize: 25,
    })}`;

  return (
    <Content>
      <InfoCard title="Teams" titleTypographyProps={{ component: 'h2' }}>
        {teams.loading && <Progress />}
        {teams.error && <ResponseErrorPanel error={teams.error} />}
        {teams.value && (
          <Table size="small" aria-label="Teams">
            <TableHead>
              <TableRow>
                <TableCell>Team</TableCell>
                <TableCell align="right">Services</TableCell>
                <TableCell align="right">Failing services</TableCell>
                <TableCell align="right">Pass rate</TableCell>
                <TableCell>Worst checks</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {teams.value.map(team => (
                <TableRow key={team.owner} data-owner={team.owner}>
                  <TableCell component="th" scope="row">
                    <EntityRefLink entityRef={team.owner} defaultKind="group" />
                  </TableCell>
                  <TableCell align="right">
                    <Link
                      to={servicesLink(team.owner)}
                      aria-label={`${team.entities} services of ${team.owner}`}
                    >
                      {team.entities}
                    </Link>
                  </TableCell>
                  <TableCell align="right">{team.failingEntities}</TableCell>
                  <TableCell align="right">
                    {team.score === undefined ? '—' : `${team.score}%`}
                    {team.failedEntities > 0 && (
                      <Typography
                        variant="caption"
                        component="div"
                        color="error"
                      >
                        {team.failedEntities} failed to scan, not in the rate
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {team.worst.length === 0
                      ? 'None'
                      : team.worst.map((c, i) => {
                          const href = fixLink(c.id);
                          const label = `${getCheck(c.id)?.title ?? c.id} (${
                            c.counts.fail
                          } failing, ${c.counts.warn} warning)`;
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
                    No team owns a scanned service matching these filters.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        )}
      </InfoCard>
    </Content>
  );
}
