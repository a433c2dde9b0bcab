const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) =>
  String(i).padStart(2, '0'),
);
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) =>
  String(i).padStart(3, '0'),
);
/** `YYYY-MM-DDT` by day since the epoch, for the days seen (bounded). */
const dayPrefixes = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, with the date part kept per day: the report's CSV
 * writes one per entity, and the scans of a fleet fall on few days.
 */
export function isoTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    const iso = new Date(ms).toISOString();
    // Years outside 0000–9999 are written with a sign and six digits.
    if (iso.length !== 24) return iso;
    if (dayPrefixes.size >= 10_000) dayPrefixes.clear();
    prefix = iso.slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[millis]}Z`;
}
