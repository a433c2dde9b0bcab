import { ReportFilters } from './types';

/**
 * The report's filters and sorting as query parameters, as `GET /report` reads them (and as
 * the report page keeps them in its URL): repeated `owner`, `system` and `status`, single
 * `lesson`, `check`, `text`, `orderBy` and `order`.
 */
export function reportFilterParams(filters: ReportFilters): URLSearchParams {
  const params = new URLSearchParams();
  filters.owners?.forEach(o => params.append('owner', o));
  filters.systems?.forEach(s => params.append('system', s));
  if (filters.lesson) params.set('lesson', filters.lesson);
  if (filters.check) params.set('check', filters.check);
  filters.statuses?.forEach(s => params.append('status', s));
  if (filters.text) params.set('text', filters.text);
  if (filters.orderBy) params.set('orderBy', filters.orderBy);
  if (filters.order) params.set('order', filters.order);
  return params;
}
