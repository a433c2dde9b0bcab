import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  parseReportView,
  ReportView,
  toSearchParams,
} from './reportSearchParams';

/**
 * The report's view from the URL, and a setter that writes it back (replacing the history
 * entry), so a filtered report can be shared as a link. Changing a filter goes back to page 0.
 */
export function useReportView(): [
  ReportView,
  (change: Partial<ReportView>) => void,
] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseReportView(params), [params]);
  const update = useCallback(
    (change: Partial<ReportView>) => {
      const pageOnly = Object.keys(change).every(
        k => k === 'page' || k === 'pageSize',
      );
      const next = { ...view, ...(pageOnly ? {} : { page: 0 }), ...change };
      setParams(toSearchParams(next), { replace: true });
    },
    [view, setParams],
  );
  return [view, update];
}
