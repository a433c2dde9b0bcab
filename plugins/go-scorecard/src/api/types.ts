import {
  ReportSortField,
  ReportStatusFilter,
} from '@internal/plugin-go-scorecard-common';

export type {
  CheckAggregate,
  CheckCatalog,
  CheckEntry,
  EntityResult,
  EntityScanState,
  ExpiringWaiver,
  ExpiringWaivers,
  History,
  HistoryPoint,
  LessonAggregate,
  LessonEntry,
  OwnerAggregate,
  Report,
  ReportRow,
  ReportSortField,
  ReportStatusFilter,
  ScanNowResult,
  StatusCounts,
} from '@internal/plugin-go-scorecard-common';

/** The report's filters and sorting, as sent to `GET /report` and `GET /report.csv`. */
export interface ReportFilters {
  /** Owner refs; `team-a` means `group:default/team-a`. */
  owners?: string[];
  /** System refs; `shop` means `system:default/shop`. */
  systems?: string[];
  /** Lesson number or slug. */
  lesson?: string;
  /** Check id. */
  check?: string;
  statuses?: ReportStatusFilter[];
  text?: string;
  orderBy?: ReportSortField;
  order?: 'asc' | 'desc';
}

/** One page of the report. */
export interface ReportPageRequest extends ReportFilters {
  offset?: number;
  limit?: number;
}

/**
 * Which trend to fetch: one entity's scans (`entityRef`), or per day the services the
 * report lists for these filters (all when none), as the report counts them.
 */
export interface HistoryRequest
  extends Omit<ReportFilters, 'orderBy' | 'order'> {
  entityRef?: string;
  days?: number;
}

/** Which expiring waivers to fetch: a window of days from today, for some owners (all when none). */
export interface ExpiringWaiversRequest {
  /** Owner refs; `team-a` means `group:default/team-a`. */
  owners?: string[];
  /** The window in days from today (UTC). Default 30. */
  days?: number;
  /** The most items. Default 100. */
  limit?: number;
}
