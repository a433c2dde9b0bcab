import type { Sql } from './reportSql';
import { GROUP_DESCENDANTS } from './tables';

/**
 * The report's owner filter with the group hierarchy rolled up: `column` (a lowercased
 * owner key) is one of `owners`, or a group below one of them (catalog `parentOf` /
 * `childOf`, as the last catalog sync stored it in {@link GROUP_DESCENDANTS}; an index
 * lookup by ancestor). No owners match nothing.
 */
export function ownerRollUp(column: string, owners: readonly string[]): Sql {
  if (!owners.length) return { text: '1 = 0', bindings: [] };
  const list = owners.map(() => '?').join(', ');
  return {
    text: `(${column} IN (${list}) OR ${column} IN (SELECT gd.descendant_ref FROM ${GROUP_DESCENDANTS} gd WHERE gd.ancestor_ref IN (${list})))`,
    bindings: [...owners, ...owners],
  };
}
