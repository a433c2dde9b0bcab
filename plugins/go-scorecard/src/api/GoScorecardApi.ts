import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CheckCatalog,
  EntityResult,
  ExpiringWaivers,
  ExpiringWaiversRequest,
  History,
  HistoryRequest,
  Report,
  ReportFilters,
  ReportPageRequest,
  ScanNowResult,
} from './types';

/** The Go scorecard backend, as the frontend uses it. */
export interface GoScorecardApi {
  /** The check catalog with the fix page of every check. */
  getChecks(): Promise<CheckCatalog>;
  /** The entity's latest result, or undefined when the scorecard does not scan it. */
  getEntityResult(entity: CompoundEntityRef): Promise<EntityResult | undefined>;
  /** Scans the entity now; resolves with the new result, or the previous one while the scan runs. */
  scanEntity(entity: CompoundEntityRef): Promise<ScanNowResult>;
  /** One page of the org-wide report. */
  getReport(request: ReportPageRequest): Promise<Report>;
  /** The URL of the report's CSV for these filters (fetch it with the fetch API). */
  getReportCsvUrl(filters: ReportFilters): Promise<string>;
  /** Every row matching the filters, as CSV text. */
  getReportCsv(filters: ReportFilters): Promise<string>;
  /** Trend points of an entity, or of the services the report lists for some filters. */
  getHistory(request: HistoryRequest): Promise<History>;
  /** The waived findings whose waiver expires within some days, soonest first. */
  getExpiringWaivers(request: ExpiringWaiversRequest): Promise<ExpiringWaivers>;
}

/** The utility API reference of {@link GoScorecardApi}. */
export const goScorecardApiRef = createApiRef<GoScorecardApi>().with({
  id: 'plugin.go-scorecard.api',
  pluginId: 'go-scorecard',
});
