import {
  emptyCounts,
  lessons,
  Report,
  scoreOf,
  StatusCounts,
  CheckStatus,
} from '@internal/plugin-go-scorecard-common';
import { ReportStore, ReportSums } from '../database/ReportStore';
import { ReportQuery } from './ReportQuery';
import { reportRowOf, reportScope } from './reportRow';

/** Adds `n` entities of `status` to `counts` (in place). */
function addEntities(counts: StatusCounts, status: CheckStatus, n: number) {
  if (status === 'not_applicable') counts.notApplicable += n;
  else counts[status] += n;
}

/**
 * The report for `query` over the entities in `readable`: the database filters, sorts,
 * pages and sums (see {@link ReportStore}); the page's rows are built here from their
 * summaries. `redact` rewrites a stored scan error for display (server paths). Without
 * `aggregates` (the CSV), the aggregates are empty and `totalItems` is the page's size.
 */
export async function queryReport(
  store: ReportStore,
  readable: ReadonlySet<string>,
  query: ReportQuery,
  options: { aggregates?: boolean; redact?: (error: string) => string } = {},
): Promise<Report> {
  const aggregates = options.aggregates ?? true;
  const scope = reportScope(query);
  const { summaries, sums } = await store.queryReport(readable, query, {
    aggregates,
  });
  const items = summaries.map(s =>
    reportRowOf(
      s.error && options.redact ? { ...s, error: options.redact(s.error) } : s,
      scope,
    ),
  );
  const report = aggregatesOf(
    sums ?? { owners: [], checks: [], lessons: [] },
    scope,
  );
  return {
    items,
    // Non-Go services are listed (with `not_go`) but in no aggregate.
    totalItems: sums ? report.entities + report.notGoEntities : items.length,
    offset: query.offset,
    limit: query.limit,
    aggregates: report,
  };
}

/**
 * The report's `aggregates` from the database's sums; failed entities count every check in
 * scope as `error`; non-Go services are only counted, in `notGoEntities`.
 */
function aggregatesOf(
  sums: ReportSums,
  scope: ReturnType<typeof reportScope>,
): Report['aggregates'] {
  const total = emptyCounts();
  let entities = 0;
  let notGoEntities = 0;
  let failedEntities = 0;
  for (const o of sums.owners) {
    entities += o.entities;
    notGoEntities += o.notGoEntities;
    failedEntities += o.failedEntities;
    total.pass += o.counts.pass;
    total.warn += o.counts.warn;
    total.fail += o.counts.fail;
    total.notApplicable += o.counts.notApplicable;
    total.error += o.counts.error;
  }
  const scopeLessons = new Set(scope.map(c => c.lesson));
  const byLesson = lessons
    .filter(l => scopeLessons.has(l.id))
    .map(l => {
      const counts = emptyCounts();
      counts.error += failedEntities;
      for (const s of sums.lessons) {
        if (s.lesson === l.id) addEntities(counts, s.status, s.entities);
      }
      return { lesson: l.id, slug: l.slug, title: l.title, entities: counts };
    });
  const byCheck = scope.map(c => {
    const counts = emptyCounts();
    counts.error += failedEntities;
    for (const s of sums.checks) {
      if (s.checkId === c.id) addEntities(counts, s.status, s.entities);
    }
    return { id: c.id, counts };
  });
  const byOwner = sums.owners
    .map(o => ({
      owner: o.owner,
      entities: o.entities,
      failingEntities: o.failingEntities,
      failedEntities: o.failedEntities,
      pendingEntities: o.pendingEntities,
      notGoEntities: o.notGoEntities,
      counts: o.counts,
      score: scoreOf(o.counts),
    }))
    .sort((a, b) => a.owner.localeCompare(b.owner));
  // The score is pass / (pass + warn + fail): a failed entity's `error` checks are not in
  // it, so `failedEntities` says how many entities it leaves out.
  return {
    entities,
    notGoEntities,
    failedEntities,
    counts: total,
    score: scoreOf(total),
    byLesson,
    byOwner,
    byCheck,
  };
}
