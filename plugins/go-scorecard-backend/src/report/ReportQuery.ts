import { QueryParameters } from '@backstage/backend-openapi-utils';
import { InputError } from '@backstage/errors';
import {
  getCheck,
  getLesson,
  LessonId,
  normalizeEntityRef,
  ReportSortField,
  ReportStatusFilter,
} from '@internal/plugin-go-scorecard-common';
import { spec } from '../schema/openapi.generated';

/** The report's filters, sorting and page, validated. */
export interface ReportQuery {
  /** Owner entity refs (lowercased); any of them. */
  owners?: string[];
  /** System entity refs (lowercased); any of them. */
  systems?: string[];
  /** Scope the counts (and status filter) to this lesson's checks. */
  lesson?: LessonId;
  /** Scope the counts (and status filter) to this check. */
  check?: string;
  /** Entities with at least one check in scope having one of these statuses. */
  statuses?: ReportStatusFilter[];
  /** Case-insensitive substring of the ref, title, owner or system. */
  text?: string;
  orderBy: ReportSortField;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/**
 * The report's filters and sorting in the query string, once the router has checked
 * them against the spec (known parameters, enums, defaults filled in).
 */
export type ReportFilterParameters = QueryParameters<
  typeof spec,
  '/report.csv',
  'get'
>;

/**
 * Checks what the spec cannot (the lesson, by number or slug, and the check exist) and
 * expands owner and system refs; throws InputError naming the bad parameter. Without a
 * page, every matching entity.
 */
export function parseReportQuery(
  query: ReportFilterParameters,
  page: { offset: number; limit: number } = {
    offset: 0,
    limit: Number.MAX_SAFE_INTEGER,
  },
): ReportQuery {
  const result: ReportQuery = {
    orderBy: query.orderBy,
    order: query.order,
    offset: page.offset,
    limit: page.limit,
  };
  const owners = list(query.owner);
  if (owners) result.owners = owners.map(o => refWithKind(o, 'group', 'owner'));
  const systems = list(query.system);
  if (systems)
    result.systems = systems.map(s => refWithKind(s, 'system', 'system'));
  if (query.lesson !== undefined) {
    const lesson = query.lesson;
    const found = getLesson(/^\d+$/.test(lesson) ? Number(lesson) : lesson);
    if (!found) throw new InputError(`Unknown lesson '${lesson}'`);
    result.lesson = found.id;
  }
  if (query.check !== undefined) {
    if (!getCheck(query.check)) {
      throw new InputError(`Unknown check '${query.check}'`);
    }
    result.check = query.check;
  }
  if (query.status?.length) result.statuses = [...query.status];
  if (query.text) result.text = query.text.toLocaleLowerCase('en-US');
  return result;
}

/** Comma-separated and repeated values, trimmed, empty ones dropped. */
function list(values: readonly string[] | undefined): string[] | undefined {
  const trimmed = (values ?? [])
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(Boolean);
  return trimmed.length ? trimmed : undefined;
}

/** `team-a` → `group:default/team-a`; full refs are kept. Lowercased; InputError naming the parameter when malformed. */
function refWithKind(value: string, kind: string, parameter: string): string {
  try {
    return normalizeEntityRef(value, { defaultKind: kind });
  } catch (e) {
    throw new InputError(
      `Invalid ${parameter} '${value}': ${(e as Error).message}`,
    );
  }
}
