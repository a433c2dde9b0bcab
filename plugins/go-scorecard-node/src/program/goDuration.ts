const UNITS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/**
 * Seconds of a duration string as Go's `time.ParseDuration` reads it (`"20s"`, `"1m30s"`,
 * `"1.5h"`, `"300ms"`; a sign, `"0"`), or undefined when it is not one. Config defaults
 * (`conf:"default:20s"`, `envDefault:"20s"`) are written this way.
 */
export function parseGoDuration(text: string): number | undefined {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (!s) return undefined;
  let total = 0;
  const re = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (s) {
    const m = re.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * UNITS[m[2]];
    s = s.slice(m[0].length);
  }
  return sign * total;
}
