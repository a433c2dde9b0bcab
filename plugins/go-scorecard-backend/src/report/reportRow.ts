import {
  CheckDefinition,
  CheckStatus,
  checks,
  countStatuses,
  ReportRow,
  scoreOf,
  worseStatus,
} from '@internal/plugin-go-scorecard-common';
import { EntitySummary } from '../database/types';
import { ReportQuery } from './ReportQuery';

/** The checks a report query is scoped to (its lesson and check filters), in catalog order. */
export function reportScope(
  query: Pick<ReportQuery, 'lesson' | 'check'>,
): readonly CheckDefinition[] {
  return checks.filter(
    c =>
      (!query.check || c.id === query.check) &&
      (!query.lesson || c.lesson === query.lesson),
  );
}

/**
 * The status of every check of an entity: as stored, or for an entity whose scan failed
 * with no earlier result, `error` for every check (as `GET /entities/…` reports it), so
 * the row shows the failure, `status=error` finds it and its checks count as errors.
 */
export function checkStatusesOf(
  s: Pick<EntitySummary, 'state' | 'checkStatuses'>,
): Record<string, CheckStatus> {
  if (s.state !== 'failed') return s.checkStatuses;
  return Object.fromEntries(checks.map(c => [c.id, 'error' as CheckStatus]));
}

/**
 * One entity's report row: its checks in `scope` with their counts and score (the stored
 * ones when the scope is every check; none for a non-Go service), every lesson's
 * worst status, and its waived findings (over every check, whatever the scope).
 */
export function reportRowOf(
  s: EntitySummary,
  scope: readonly CheckDefinition[],
): ReportRow {
  const scoped: Record<string, CheckStatus> = {};
  const lessonStatus: Record<string, CheckStatus> = {};
  const checkStatuses = checkStatusesOf(s);
  for (const c of checks) {
    const status = checkStatuses[c.id];
    if (!status) continue;
    lessonStatus[c.lesson] = lessonStatus[c.lesson]
      ? worseStatus(lessonStatus[c.lesson], status)
      : status;
  }
  for (const c of scope) {
    const status = checkStatuses[c.id];
    if (status) scoped[c.id] = status;
  }
  // A failed entity's stored counts are zero: count its checks, all `error`.
  const all = scope.length === checks.length && s.state !== 'failed';
  const counts = all
    ? s.counts
    : countStatuses(Object.values(scoped).map(status => ({ status })));
  const score = all ? s.score : scoreOf(counts);
  const goService = s.goService !== false;
  return {
    entityRef: s.entityRef,
    kind: s.kind,
    namespace: s.namespace,
    name: s.name,
    title: s.title,
    type: s.type,
    owner: s.owner,
    system: s.system,
    state: s.state,
    scannedAt:
      s.scannedAt !== undefined
        ? new Date(s.scannedAt).toISOString()
        : undefined,
    stale: s.stale,
    error: s.error,
    counts,
    score: goService ? score : undefined,
    goService,
    waived: s.waived,
    impact: s.impact,
    checks: scoped,
    lessons: lessonStatus,
  };
}
