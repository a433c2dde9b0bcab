import { useEffect, useMemo, useState } from 'react';
import {
  Content,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { checks, countOf, lessons } from '@internal/plugin-go-scorecard-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import { reportFilterParams } from '../../api/reportFilterParams';
import { teamsRouteRef } from '../../routes';
import { StatusLegend } from '../StatusIcon';
import { ComplianceSummary } from './ComplianceSummary';
import { CsvExportButton } from './CsvExportButton';
import { ReportFiltersBar } from './ReportFiltersBar';
import { filtersOf, toSearchParams } from './reportSearchParams';
import { ReportTable } from './ReportTable';
import { TrendChart } from './TrendChart';
import { useReportOptions } from './useReportOptions';
import { useReportView } from './useReportView';
import { useRetainedAsync } from './useRetainedAsync';

/** How many days the trend shows. */
const TREND_DAYS = 30;

/** A load that failed, with a way to try again. */
function LoadError(props: { error: Error; title: string; retry: () => void }) {
  return (
    <Box>
      <ResponseErrorPanel error={props.error} title={props.title} />
      <Box mt={1}>
        <Button variant="outlined" color="primary" onClick={props.retry}>
          Retry
        </Button>
      </Box>
    </Box>
  );
}

/**
 * `/go-scorecard`: what is scored, org-wide compliance (each figure says what it counts)
 * and its trend over the same services as the table, and every scanned Go service with
 * filters, sorting and pages kept in the URL, a status legend, and a CSV export of the
 * filtered rows. What is on screen stays while a new filter loads.
 */
export function ReportPage() {
  const api = useApi(goScorecardApiRef);
  const [view, setView] = useReportView();
  const options = useReportOptions();
  const teamsLink = useRouteRef(teamsRouteRef);
  const [exportError, setExportError] = useState<string>();
  const query = toSearchParams(view).toString();
  const filters = useMemo(() => filtersOf(view), [view]);

  const report = useRetainedAsync(
    () =>
      api.getReport({
        ...filtersOf(view),
        offset: view.page * view.pageSize,
        limit: view.pageSize,
      }),
    [api, query],
  );

  // The trend of the rows the table lists: the same filters, every page, no sorting.
  const { orderBy: _orderBy, order: _order, ...trendFilters } = filters;
  const trendKey = reportFilterParams(trendFilters).toString();
  const history = useRetainedAsync(
    () => api.getHistory({ ...trendFilters, days: TREND_DAYS }),
    [api, trendKey],
  );

  useEffect(() => setExportError(undefined), [query]);
  const shown = report.value;

  return (
    <Content>
      <Box mb={3} maxWidth="70rem">
        <Typography variant="h4" component="h2" gutterBottom>
          Go service report
        </Typography>
        <Typography variant="body1">
          Every Go service the catalog selects is scanned for{' '}
          {countOf(checks.length, 'check')} in{' '}
          {countOf(lessons.length, 'lesson')} learned in production. Each check
          passes, warns or fails, or does not apply to the service. The{' '}
          <strong>score</strong> counts checks: the share of applicable checks
          that pass. The <strong>lesson tiles</strong> count services: the share
          of services passing every check of the lesson. Services without Go are
          not scored; the status filter &ldquo;Not a Go service&rdquo; lists
          them.
        </Typography>
      </Box>
      <Grid container spacing={3}>
        {/* Side by side only on the widest screens: below 1920 px the six tiles need the whole width. */}
        <Grid item xs={12} xl={8}>
          {/* Without any figures yet, the error (and Retry) is shown once, with the table. */}
          {!(report.error && !shown) && (
            <ComplianceSummary aggregates={shown?.aggregates} />
          )}
        </Grid>
        <Grid item xs={12} xl={4}>
          <InfoCard
            title={`Score trend, last ${TREND_DAYS} days`}
            subheader="Of the services the table lists (same filters): the score of each day's last scans"
            titleTypographyProps={{ component: 'h2' }}
            noPadding
          >
            <Box p={2} aria-busy={history.loading}>
              {history.value && <TrendChart points={history.value.points} />}
              {!history.value && history.loading && <Progress />}
              {history.error && (
                <Alert
                  severity="warning"
                  action={
                    <Button
                      color="inherit"
                      size="small"
                      onClick={history.retry}
                    >
                      Retry
                    </Button>
                  }
                >
                  No trend: {history.error.message}
                </Alert>
              )}
            </Box>
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title="Services"
            titleTypographyProps={{ component: 'h2' }}
            action={
              <Box
                display="flex"
                alignItems="center"
                style={{ gap: 16 }}
                mt={1}
                mr={1}
              >
                {teamsLink && (
                  <Link to={`${teamsLink()}${query ? `?${query}` : ''}`}>
                    Team view
                  </Link>
                )}
                <CsvExportButton filters={filters} onError={setExportError} />
              </Box>
            }
          >
            <ReportFiltersBar
              view={view}
              onChange={setView}
              ownerOptions={options.owners}
              departments={options.departments}
              systemOptions={options.systems}
            />
            {options.problem && (
              <Alert severity="warning">
                Could not load the filter choices ({options.problem})
              </Alert>
            )}
            {exportError && <Alert severity="error">{exportError}</Alert>}
            <Box mt={2} minHeight={4}>
              {report.loading && shown && (
                <LinearProgress aria-label="Updating the report" />
              )}
            </Box>
            <Box my={1}>
              <StatusLegend />
            </Box>
            {report.loading && !shown && <Progress />}
            {report.error && (
              <LoadError
                error={report.error}
                title="Could not load the report"
                retry={report.retry}
              />
            )}
            {shown && !report.error && (
              <ReportTable
                rows={shown.items}
                totalItems={shown.totalItems}
                view={view}
                onChange={setView}
              />
            )}
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
