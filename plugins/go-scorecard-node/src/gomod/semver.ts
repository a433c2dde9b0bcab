/**
 * Semantic versions as Go modules use them (golang.org/x/mod/semver): a leading `v`,
 * `vMAJOR[.MINOR[.PATCH]]`, an optional `-prerelease` (pseudo-versions are
 * prereleases: `v0.0.0-20200101120000-abcdef123456`, `v1.3.6-0.20200101120000-abcdef123456`)
 * and an optional `+build` (`+incompatible`), which comparison ignores.
 */

interface Parsed {
  major: string;
  minor: string;
  patch: string;
  prerelease: string[];
}

const NUM = '0|[1-9][0-9]*';
const IDENT = '[0-9A-Za-z-]+';
const SEMVER = new RegExp(
  `^v(${NUM})(?:\\.(${NUM})(?:\\.(${NUM})(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+${IDENT}(?:\\.${IDENT})*)?)?)?$`,
);

function parse(v: string): Parsed | undefined {
  const m = SEMVER.exec(v);
  if (!m) return undefined;
  const prerelease = m[4] ? m[4].split('.') : [];
  if (prerelease.some(id => /^0\d+$/.test(id))) return undefined;
  return { major: m[1], minor: m[2] ?? '0', patch: m[3] ?? '0', prerelease };
}

/**
 * Whether `v` is a full semantic version, `vMAJOR.MINOR.PATCH` with any pre-release or build
 * (pseudo-versions included), not a prefix such as `v1` or `v1.2`.
 */
export function isFullSemver(v: string): boolean {
  return parse(v) !== undefined && SEMVER.exec(v)![3] !== undefined;
}

function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compareIdentifier(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return compareNumeric(a, b);
  if (an !== bn) return an ? -1 : 1;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function comparePrerelease(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) {
    if (a.length === b.length) return 0;
    return a.length === 0 ? 1 : -1;
  }
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareIdentifier(a[i], b[i]);
    if (c !== 0) return c;
  }
  return Math.sign(a.length - b.length);
}

/**
 * Compares two versions: -1, 0 or 1. Build metadata (`+incompatible`) is ignored; an
 * invalid version is smaller than every valid one and equal to other invalid ones,
 * as in golang.org/x/mod/semver.
 */
export function compareSemver(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) {
    if (pa === pb) return 0;
    return pa ? 1 : -1;
  }
  return (
    compareNumeric(pa.major, pb.major) ||
    compareNumeric(pa.minor, pb.minor) ||
    compareNumeric(pa.patch, pb.patch) ||
    comparePrerelease(pa.prerelease, pb.prerelease)
  );
}

/** The highest of `versions` by {@link compareSemver}, or undefined for none. */
export function maxSemver(versions: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const v of versions) {
    if (best === undefined || compareSemver(v, best) > 0) best = v;
  }
  return best;
}
