/**
 * A count with its noun in the right number, in English: `countOf(1, 'warning')` is
 * "1 warning", `countOf(0, 'warning')` is "0 warnings", `countOf(2, 'service fails',
 * 'services fail')` is "2 services fail". Counts of 1,000 and more get thousands separators.
 *
 * @param count - a whole number
 * @param singular - the noun (or phrase) for exactly one
 * @param plural - the form for any other count; default `singular` + "s"
 */
export function countOf(
  count: number,
  singular: string,
  plural: string = `${singular}s`,
): string {
  return `${count.toLocaleString('en-US')} ${nounFor(count, singular, plural)}`;
}

/** The noun alone, in the number `count` asks for: `nounFor(1, 'point')` is "point". */
export function nounFor(
  count: number,
  singular: string,
  plural: string = `${singular}s`,
): string {
  return count === 1 ? singular : plural;
}
