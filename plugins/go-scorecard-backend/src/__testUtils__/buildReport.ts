import {
  addCounts,
  addStatus,
  CheckDefinition,
  CheckStatus,
  emptyCounts,
  GroupHierarchy,
  lessons,
  OwnerAggregate,
  Report,
  ReportRow,
  scoreOf,
  worstStatus,
} from '@internal/plugin-go-scorecard-common';
import { EntitySummary } from '../database/types';
import { ReportQuery } from '../report/ReportQuery';
import { reportRowOf, reportScope } from '../report/reportRow';

/**
 * The report as it was built in JavaScript before it moved to SQL (`ReportStore`): from
 * every stored summary, filtered, aggregated, sorted and paged here. Kept as the test
 * oracle the SQL report is compared with; production code does not use it. The owner
 * filter rolls up `hierarchy`: a group stands for every group below it.
 */
export function buildReport(
  summaries: EntitySummary[],
  readable: ReadonlySet<string>,
  query: ReportQuery,
  hierarchy: GroupHierarchy = new GroupHierarchy([]),
): Report {
  const scope = reportScope(query);
  const rows: ReportRow[] = [];
  const owners = query.owners
    ? new Set(query.owners.flatMap(o => [o, ...hierarchy.descendants(o)]))
    : undefined;
  for (const s of summaries) {
    if (!readable.has(s.entityRef)) continue;
    if (owners && !(s.owner && owners.has(s.owner.toLocaleLowerCase('en-US'))))
      continue;
    if (
      query.systems &&
      !(s.system && query.systems.includes(s.system.toLocaleLowerCase('en-US')))
    )
      continue;
    if (query.text && !matchesText(s, query.text)) continue;
    // Non-Go services only when asked for.
    if (s.goService === false && !query.statuses?.includes('not_go')) continue;
    const row = reportRowOf(s, scope);
    if (query.statuses && !matchesStatus(row, s, query.statuses)) continue;
    rows.push(row);
  }

  const aggregates = aggregate(rows, scope);
  sortRows(rows, query);
  return {
    items: rows.slice(query.offset, query.offset + query.limit),
    totalItems: rows.length,
    offset: query.offset,
    limit: query.limit,
    aggregates,
  };
}

function matchesText(s: EntitySummary, text: string): boolean {
  return [s.entityRef, s.title, s.owner, s.system].some(v =>
    v?.toLocaleLowerCase('en-US').includes(text),
  );
}

/** A failed entity's checks are all `error` (see {@link checkStatusesOf}), so `error` finds it. */
function matchesStatus(
  row: ReportRow,
  s: EntitySummary,
  statuses: string[],
): boolean {
  if (statuses.includes('not_go') && s.goService === false) return true;
  if (statuses.includes('stale') && s.stale) return true;
  if (statuses.includes('pending') && s.state === 'pending') return true;
  if (statuses.includes('error') && s.state === 'failed') return true;
  if (statuses.includes('waived') && s.waived > 0) return true;
  return Object.values(row.checks).some(status => statuses.includes(status));
}

function aggregate(
  rows: ReportRow[],
  scope: readonly CheckDefinition[],
): Report['aggregates'] {
  const total = emptyCounts();
  const scopeLessons = new Set(scope.map(c => c.lesson));
  const byLesson = lessons
    .filter(l => scopeLessons.has(l.id))
    .map(l => ({
      lesson: l.id,
      slug: l.slug,
      title: l.title,
      entities: emptyCounts(),
    }));
  const byCheck = scope.map(c => ({ id: c.id, counts: emptyCounts() }));
  const owners = new Map<string, OwnerAggregate>();
  let failedEntities = 0;
  let notGoEntities = 0;
  for (const row of rows) {
    const ownerKey = row.owner ?? '(none)';
    let owner = owners.get(ownerKey);
    if (!owner) {
      owner = {
        owner: ownerKey,
        entities: 0,
        failingEntities: 0,
        failedEntities: 0,
        pendingEntities: 0,
        notGoEntities: 0,
        counts: emptyCounts(),
      };
      owners.set(ownerKey, owner);
    }
    // A non-Go service is in no aggregate: only counted as such.
    if (!row.goService) {
      notGoEntities++;
      owner.notGoEntities++;
      continue;
    }
    const failed = row.state === 'failed';
    if (failed) failedEntities++;
    addCounts(total, row.counts);
    for (const l of byLesson) {
      // Within the scope only: with a check filter, the lesson status is that check's.
      const statuses = scope
        .filter(c => c.lesson === l.lesson)
        .map(c => row.checks[c.id])
        .filter((s): s is CheckStatus => s !== undefined);
      if (statuses.length) addStatus(l.entities, worstStatus(statuses));
    }
    for (const c of byCheck) {
      const status = row.checks[c.id];
      if (status) addStatus(c.counts, status);
    }
    owner.entities++;
    if (row.state === 'pending') owner.pendingEntities++;
    if (row.counts.fail > 0) owner.failingEntities++;
    if (failed) owner.failedEntities++;
    addCounts(owner.counts, row.counts);
  }
  const byOwner = [...owners.values()]
    .map(o => ({ ...o, score: scoreOf(o.counts) }))
    .sort((a, b) => a.owner.localeCompare(b.owner));
  // The score is pass / (pass + warn + fail): a failed entity's `error` checks are not in
  // it, so `failedEntities` says how many entities it leaves out.
  return {
    entities: rows.length - notGoEntities,
    notGoEntities,
    failedEntities,
    counts: total,
    score: scoreOf(total),
    byLesson,
    byOwner,
    byCheck,
  };
}

function sortRows(rows: ReportRow[], query: ReportQuery) {
  const key = (row: ReportRow): string | number | undefined => {
    switch (query.orderBy) {
      case 'entity':
        return row.entityRef;
      case 'title':
        return (row.title ?? row.name).toLocaleLowerCase('en-US');
      case 'owner':
        return row.owner;
      case 'system':
        return row.system;
      case 'type':
        return row.type;
      case 'score':
        return row.score;
      case 'scannedAt':
        return row.scannedAt;
      case 'impact':
        return row.impact;
      default:
        return row.counts[query.orderBy];
    }
  };
  const direction = query.order === 'desc' ? -1 : 1;
  const keyed = rows.map(row => ({ row, k: key(row) }));
  keyed.sort((a, b) => {
    // Missing values sort last in either direction.
    if (a.k === undefined || b.k === undefined) {
      if (a.k === b.k) return a.row.entityRef < b.row.entityRef ? -1 : 1;
      return a.k === undefined ? 1 : -1;
    }
    if (a.k !== b.k) return (a.k < b.k ? -1 : 1) * direction;
    return a.row.entityRef < b.row.entityRef ? -1 : 1;
  });
  keyed.forEach((k, i) => {
    rows[i] = k.row;
  });
}
