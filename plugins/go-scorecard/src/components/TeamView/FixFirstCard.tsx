import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { countOf } from '@internal/plugin-go-scorecard-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import { ReportFilters } from '../../api/types';
import { rootRouteRef } from '../../routes';
import { toSearchParams } from '../ReportPage/reportSearchParams';

/** How many failing services the card lists. */
const LIMIT = 10;

/**
 * Fix first: the failing services of the report's filters (the chosen team or
 * department with its teams, else every team), the most depended on first (impact: the
 * catalog entities that depend on the service or consume an API it provides), at most
 * ten, with a link to all of them in the report sorted the same way.
 */
export function FixFirstCard(props: { filters: ReportFilters }) {
  const api = useApi(goScorecardApiRef);
  const reportLink = useRouteRef(rootRouteRef);
  const filters: ReportFilters = {
    ...props.filters,
    statuses: ['fail'],
    orderBy: 'impact',
    order: 'desc',
  };
  const key = toSearchParams({ ...filters, page: 0, pageSize: 25 }).toString();
  const failing = useAsyncRetry(
    () => api.getReport({ ...filters, limit: LIMIT }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );

  return (
    <InfoCard
      title="Fix first"
      subheader="Failing services, the most depended on first: impact counts the catalog entities that depend on a service (dependsOn) or consume an API it provides (consumesApi)."
      titleTypographyProps={{ component: 'h2' }}
    >
      {failing.loading && <Progress />}
      {failing.error && (
        <>
          <ResponseErrorPanel error={failing.error} />
          <Box mt={1}>
            <Button variant="outlined" color="primary" onClick={failing.retry}>
              Retry
            </Button>
          </Box>
        </>
      )}
      {failing.value && (
        <>
          <Table size="small" aria-label="Failing services by impact">
            <TableHead>
              <TableRow>
                <TableCell>Service</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell align="right">Impact</TableCell>
                <TableCell align="right">Failed checks</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {failing.value.items.map(row => (
                <TableRow key={row.entityRef} data-entity-ref={row.entityRef}>
                  <TableCell component="th" scope="row">
                    <EntityRefLink
                      entityRef={row.entityRef}
                      defaultKind="component"
                      title={row.title ?? row.name}
                    />
                  </TableCell>
                  <TableCell>
                    {row.owner ? (
                      <EntityRefLink
                        entityRef={row.owner}
                        defaultKind="group"
                      />
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell align="right">{row.impact}</TableCell>
                  <TableCell align="right">{row.counts.fail}</TableCell>
                </TableRow>
              ))}
              {!failing.value.items.length && (
                <TableRow>
                  <TableCell colSpan={4}>
                    No service of these teams fails a check.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
          {reportLink && failing.value.totalItems > 0 && (
            <Box mt={1}>
              <Link to={`${reportLink()}?${key}`}>
                All {countOf(failing.value.totalItems, 'failing service')} in
                the report, by impact
              </Link>
            </Box>
          )}
        </>
      )}
    </InfoCard>
  );
}
