import { useEffect, useMemo, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import { Alert } from '@material-ui/lab';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import { Report } from '../../api/types';
import { teamsRouteRef } from '../../routes';
import { ComplianceSummary } from './ComplianceSummary';
import { CsvExportButton } from './CsvExportButton';
import { ReportFiltersBar } from './ReportFiltersBar';
import { filtersOf, toSearchParams } from './reportSearchParams';
import { ReportTable } from './ReportTable';
import { TrendChart } from './TrendChart';
import { useReportOptions } from './useReportOptions';
import { useReportView } from './useReportView';

/**
 * `/go-scorecard`: org-wide compliance and its trend, and every scanned service with filters,
 * sorting and pages kept in the URL, and a CSV export of the filtered rows.
 */
export function ReportPage() {
  const api = useApi(goScorecardApiRef);
  const [view, setView] = useReportView();
  const options = useReportOptions();
  const teamsLink = useRouteRef(teamsRouteRef);
  const [exportError, setExportError] = useState<string>();
  const query = toSearchParams(view).toString();

  const report = useAsync(
    () =>
      api.getReport({
        ...filtersOf(view),
        offset: view.page * view.pageSize,
        limit: view.pageSize,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, query],
  );
  const lastReport = useRef<Report>();
  if (report.value) lastReport.current = report.value;
  const shown = report.value ?? lastReport.current;

  const owner = view.owners?.length === 1 ? view.owners[0] : undefined;
  const history = useAsync(
    () => api.getHistory({ owner, days: 30 }),
    [api, owner],
  );

  useEffect(() => setExportError(undefined), [query]);
  const filters = useMemo(() => filtersOf(view), [view]);

  return (
    <Content>
      <Grid container spacing={3}>
        {shown && (
          <Grid item xs={12} lg={8}>
            <ComplianceSummary aggregates={shown.aggregates} />
          </Grid>
        )}
        <Grid item xs={12} lg={shown ? 4 : 12}>
          <InfoCard
            title={owner ? 'Trend of this owner, 30 days' : 'Trend, 30 days'}
            noPadding
          >
            <Box p={2}>
              {history.value && <TrendChart points={history.value.points} />}
              {history.error && (
                <Alert severity="warning">
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
            {report.loading && !shown && <Progress />}
            {report.error && (
              <ResponseErrorPanel
                error={report.error}
                title="Could not load the report"
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
