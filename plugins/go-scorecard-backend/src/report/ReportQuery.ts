import { InputError } from '@backstage/errors';
import {
  getCheck,
  getLesson,
  LessonId,
  ReportSortField,
  reportSortFields,
  ReportStatusFilter,
  reportStatusFilters,
} from '@internal/plugin-go-scorecard-common';

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

/** The largest page. */
export const MAX_REPORT_LIMIT = 500;

/** Validates the report's query string; throws InputError with a message naming the bad parameter. */
export function parseReportQuery(
  query: Record<string, unknown>,
  options: { paginate?: boolean } = {},
): ReportQuery {
  const known = new Set([
    'owner',
    'system',
    'lesson',
    'check',
    'status',
    'text',
    'orderBy',
    'order',
    'offset',
    'limit',
  ]);
  for (const key of Object.keys(query)) {
    if (!known.has(key))
      throw new InputError(`Unknown query parameter '${key}'`);
  }
  const result: ReportQuery = {
    orderBy: 'entity',
    order: 'asc',
    offset: 0,
    limit: options.paginate === false ? Number.MAX_SAFE_INTEGER : 50,
  };
  const owners = list(query.owner, 'owner');
  if (owners) result.owners = owners.map(o => refWithKind(o, 'group'));
  const systems = list(query.system, 'system');
  if (systems) result.systems = systems.map(s => refWithKind(s, 'system'));
  const lesson = single(query.lesson, 'lesson');
  if (lesson !== undefined) {
    const found = getLesson(/^\d+$/.test(lesson) ? Number(lesson) : lesson);
    if (!found) throw new InputError(`Unknown lesson '${lesson}'`);
    result.lesson = found.id;
  }
  const check = single(query.check, 'check');
  if (check !== undefined) {
    if (!getCheck(check)) throw new InputError(`Unknown check '${check}'`);
    result.check = check;
  }
  const statuses = list(query.status, 'status');
  if (statuses) {
    for (const s of statuses) {
      if (!(reportStatusFilters as readonly string[]).includes(s)) {
        throw new InputError(
          `Invalid status '${s}'; expected one of ${reportStatusFilters.join(
            ', ',
          )}`,
        );
      }
    }
    result.statuses = statuses as ReportStatusFilter[];
  }
  const text = single(query.text, 'text');
  if (text) result.text = text.toLocaleLowerCase('en-US');
  const orderBy = single(query.orderBy, 'orderBy');
  if (orderBy !== undefined) {
    if (!(reportSortFields as readonly string[]).includes(orderBy)) {
      throw new InputError(
        `Invalid orderBy '${orderBy}'; expected one of ${reportSortFields.join(
          ', ',
        )}`,
      );
    }
    result.orderBy = orderBy as ReportSortField;
  }
  const order = single(query.order, 'order');
  if (order !== undefined) {
    if (order !== 'asc' && order !== 'desc')
      throw new InputError(`Invalid order '${order}'; expected asc or desc`);
    result.order = order;
  }
  const offset = single(query.offset, 'offset');
  if (offset !== undefined)
    result.offset = integer(offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const limit = single(query.limit, 'limit');
  if (limit !== undefined)
    result.limit = integer(limit, 'limit', 1, MAX_REPORT_LIMIT);
  return result;
}

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new InputError(`Parameter '${name}' must be given once`);
  return value;
}

function list(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).flatMap(v => {
    if (typeof v !== 'string')
      throw new InputError(`Invalid parameter '${name}'`);
    return v.split(',');
  });
  const trimmed = values.map(v => v.trim()).filter(Boolean);
  return trimmed.length ? trimmed : undefined;
}

function integer(
  value: string,
  name: string,
  min: number,
  max: number,
): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new InputError(
      `Invalid ${name} '${value}'; expected an integer from ${min} to ${max}`,
    );
  }
  return n;
}

/** `team-a` → `group:default/team-a`; full refs are kept. Lowercased. */
function refWithKind(value: string, kind: string): string {
  let ref = value;
  if (!ref.includes(':')) ref = `${kind}:${ref}`;
  if (!ref.includes('/')) ref = ref.replace(':', ':default/');
  return ref.toLocaleLowerCase('en-US');
}
