import { ReportQuery } from '../report/ReportQuery';

/** A report query of every entity in ref order, unfiltered and on one page. */
export const EVERY_ENTITY: ReportQuery = {
  orderBy: 'entity',
  order: 'asc',
  offset: 0,
  limit: Number.MAX_SAFE_INTEGER,
};
