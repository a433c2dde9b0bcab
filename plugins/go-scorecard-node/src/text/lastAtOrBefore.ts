/**
 * The index of the last item whose key is at or before `value`, in items sorted by that key
 * (declarations by start offset, lines by start), or -1 when none is. Binary search: O(log n).
 */
export function lastAtOrBefore<T>(
  items: readonly T[],
  key: (item: T) => number,
  value: number,
): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
