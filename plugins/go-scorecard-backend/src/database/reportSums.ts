/*
 * The report's per-check and per-lesson sums as few groups: instead of one count per
 * check, status and entity, the matching entities are grouped by slices of their status
 * masks (9 checks a slice: at most 512 groups) and by their lessons' worst statuses (one
 * key, a base-6 digit per lesson: at most 7,776 groups), in one
 * pass (PostgreSQL: GROUPING SETS; SQLite: one GROUP BY per set over the materialized
 * keys). The groups, a few hundred rows, are decoded here into counts.
 */
import {
  CheckDefinition,
  CheckStatus,
  statusesWorstFirst,
} from '@internal/plugin-go-scorecard-common';
import { Dialect, maskOf, MASKS } from './reportSql';
import { DbNumber } from './tables';

/** Checks a mask slice groups by. */
const SLICE = 9;
/** The worst-status rank of an entity without any status in the lesson. */
const NONE = statusesWorstFirst.length;
/** The base of the lessons' key: a rank or NONE per digit. */
const BASE = NONE + 1;

interface SliceSet {
  alias: string;
  sql: string;
  status: CheckStatus;
  members: { checkId: string; bit: number }[];
}

interface LessonSet {
  alias: string;
  sql: string;
  /** The lessons whose worst ranks the key holds, digit by digit. */
  lessons: number[];
}

/** Matching entities per check in scope and status, and per lesson in scope and worst status. */
export interface StatusSums {
  checks: Map<string, Map<CheckStatus, number>>;
  lessons: Map<number, Map<CheckStatus, number>>;
}

/** The group sets of a scope: mask slices per status, worst status per lesson. */
function groupSets(
  scope: readonly CheckDefinition[],
  bits: ReadonlyMap<string, number>,
): { slices: SliceSet[]; lessons: LessonSet[] } {
  const members = scope
    .filter(c => bits.has(c.id))
    .map(c => ({ checkId: c.id, bit: bits.get(c.id)! }))
    .sort((a, b) => a.bit - b.bit);
  const slices: SliceSet[] = [];
  for (const status of Object.keys(MASKS) as CheckStatus[]) {
    for (let i = 0; i < members.length; i += SLICE) {
      const slice = members.slice(i, i + SLICE);
      slices.push({
        alias: `s_${MASKS[status]}_${i / SLICE}`,
        sql: `(r.${MASKS[status]} & ${maskOf(slice.map(m => m.bit))})`,
        status,
        members: slice,
      });
    }
  }
  // Every lesson's worst status in one key: lesson i's rank (0-5) is digit i in base 6.
  const ranked: { lesson: number; sql: string }[] = [];
  for (const lesson of new Set(scope.map(c => c.lesson))) {
    const mask = maskOf(
      members
        .filter(m => scope.find(c => c.id === m.checkId)!.lesson === lesson)
        .map(m => m.bit),
    );
    if (mask === '0') continue;
    const worst = statusesWorstFirst
      .map((s, rank) => `WHEN (r.${MASKS[s]} & ${mask}) <> 0 THEN ${rank}`)
      .join(' ');
    ranked.push({ lesson, sql: `CASE ${worst} ELSE ${NONE} END` });
  }
  const lessons: LessonSet[] = ranked.length
    ? [
        {
          alias: 'l_worst',
          sql: ranked.map((l, i) => `(${l.sql}) * ${BASE ** i}`).join(' + '),
          lessons: ranked.map(l => l.lesson),
        },
      ]
    : [];
  return { slices, lessons };
}

/** The status groups of a report statement: the group sets, their SQL and the decoder. */
export interface StatusGroups {
  /** The key column of each set, in order: the last columns of every branch. */
  aliases: string[];
  /** A common table expression over `r` to add to the statement (SQLite), or ''. */
  cte: string;
  /**
   * The SELECTs giving the groups, each with `lead` (the statement's leading columns,
   * count last: `…, COUNT(*)`) and the key columns (null outside the row's set).
   */
  selects(lead: (count: string) => string): string[];
  decode(rows: Record<string, DbNumber | null>[]): StatusSums;
}

/**
 * The per-check and per-lesson groups of `r` (from {@link matchedEntities}, materialized),
 * or undefined when no check in scope has a status stored anywhere.
 */
export function statusGroups(
  dialect: Dialect,
  scope: readonly CheckDefinition[],
  bits: ReadonlyMap<string, number>,
): StatusGroups | undefined {
  const { slices, lessons } = groupSets(scope, bits);
  const sets = [...slices, ...lessons];
  if (!sets.length) return undefined;
  const keys = sets.map(s => `${s.sql} AS ${s.alias}`).join(', ');
  return {
    aliases: sets.map(s => s.alias),
    // Non-Go services are in no aggregate.
    cte: dialect.postgres
      ? ''
      : `g AS MATERIALIZED (SELECT ${keys} FROM r WHERE r.notgo = 0)`,
    selects(lead) {
      if (dialect.postgres) {
        return [
          `SELECT ${lead('COUNT(*)')}, ${sets.map(s => s.alias).join(', ')}
          FROM (SELECT ${keys} FROM r WHERE r.notgo = 0) g
          GROUP BY GROUPING SETS (${sets.map(s => `(${s.alias})`).join(', ')})`,
        ];
      }
      return sets.map(
        set =>
          `SELECT ${lead('COUNT(*)')}, ${sets
            .map(s => (s === set ? s.alias : 'NULL'))
            .join(', ')} FROM g GROUP BY ${set.alias}`,
      );
    },
    decode(rows) {
      const sums: StatusSums = { checks: new Map(), lessons: new Map() };
      const add = <K>(
        map: Map<K, Map<CheckStatus, number>>,
        key: K,
        status: CheckStatus,
        n: number,
      ) => {
        const counts = map.get(key) ?? new Map<CheckStatus, number>();
        counts.set(status, (counts.get(status) ?? 0) + n);
        map.set(key, counts);
      };
      for (const row of rows) {
        const n = Number(row.n);
        // Each row is one set's group: the only set whose key is not null.
        const slice = slices.find(s => row[s.alias] !== null);
        if (slice) {
          const value = BigInt(row[slice.alias]!);
          for (const m of slice.members) {
            if (value & (1n << BigInt(m.bit)))
              add(sums.checks, m.checkId, slice.status, n);
          }
          continue;
        }
        const set = lessons.find(l => row[l.alias] !== null);
        if (!set) continue;
        let key = Number(row[set.alias]);
        for (const lesson of set.lessons) {
          const rank = key % BASE;
          key = Math.floor(key / BASE);
          if (rank < NONE)
            add(sums.lessons, lesson, statusesWorstFirst[rank], n);
        }
      }
      return sums;
    },
  };
}
