import {
  reportSortFields,
  reportStatusFilters,
} from '@internal/plugin-go-scorecard-common';
import { reportFilterParams } from '../../api/reportFilterParams';
import {
  ReportFilters,
  ReportSortField,
  ReportStatusFilter,
} from '../../api/types';

/** The report's state as kept in the URL: filters, sorting and the page. */
export interface ReportView extends ReportFilters {
  page: number;
  pageSize: number;
}

/** Rows per page unless the URL says otherwise. */
export const DEFAULT_PAGE_SIZE = 25;

const sortFields: readonly string[] = reportSortFields;
const statuses: readonly string[] = reportStatusFilters;

/** Reads the report's view from the query string; unknown values are dropped. */
export function parseReportView(params: URLSearchParams): ReportView {
  const list = (key: string) =>
    params
      .getAll(key)
      .flatMap(v => v.split(','))
      .filter(Boolean);
  const orderBy = params.get('orderBy') as ReportSortField | null;
  const order = params.get('order');
  const page = Number(params.get('page') ?? 0);
  const pageSize = Number(params.get('pageSize') ?? DEFAULT_PAGE_SIZE);
  const view: ReportView = {
    page: Number.isInteger(page) && page >= 0 ? page : 0,
    pageSize:
      Number.isInteger(pageSize) && pageSize > 0 && pageSize <= 500
        ? pageSize
        : DEFAULT_PAGE_SIZE,
  };
  const owners = list('owner');
  if (owners.length) view.owners = owners;
  const systems = list('system');
  if (systems.length) view.systems = systems;
  const chosen = list('status').filter((s): s is ReportStatusFilter =>
    statuses.includes(s as ReportStatusFilter),
  );
  if (chosen.length) view.statuses = chosen;
  for (const key of ['lesson', 'check', 'text'] as const) {
    const value = params.get(key);
    if (value) view[key] = value;
  }
  if (orderBy && sortFields.includes(orderBy)) view.orderBy = orderBy;
  if (order === 'asc' || order === 'desc') view.order = order;
  return view;
}

/** Writes the view to a query string, leaving out defaults, so links stay short. */
export function toSearchParams(view: ReportView): URLSearchParams {
  const params = reportFilterParams(view);
  if (view.page) params.set('page', String(view.page));
  if (view.pageSize !== DEFAULT_PAGE_SIZE)
    params.set('pageSize', String(view.pageSize));
  return params;
}

/** The filters and sorting of a view, without the page: what the CSV export sends. */
export function filtersOf(view: ReportView): ReportFilters {
  const { page: _page, pageSize: _pageSize, ...filters } = view;
  return filters;
}
