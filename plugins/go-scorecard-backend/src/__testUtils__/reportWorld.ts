import {
  CheckResult,
  CheckStatus,
  checks,
  GroupHierarchy,
  ScanReport,
} from '@internal/plugin-go-scorecard-common';
import { ScorecardStore } from '../database/ScorecardStore';
import { ScanTarget } from '../database/types';

/** How an entity of a test world was scanned. */
export type WorldScan =
  | { state: 'pending' }
  /** The scan failed and there is no earlier result. */
  | { state: 'failed'; error: string }
  /** Scanned at `at` with these statuses; `staleError` when a later read failed. */
  | {
      state: 'scanned';
      at: number;
      statuses: Record<string, CheckStatus>;
      staleError?: string;
      /** No Go in the tree: the Go code checks (lessons 2 and 4) say "no go.mod". */
      notGo?: boolean;
      /** Per check id, the expiry days of its waived findings (one finding each; see {@link waivedFinding}). */
      waived?: Record<string, string[]>;
    };

/** An entity of a test world: the target and how its scans went. */
export interface WorldEntity {
  target: ScanTarget;
  scan: WorldScan;
}

/**
 * A report with exactly these check statuses (ids outside the catalog get lesson 1); with
 * `notGo`, of a tree without Go: every Go code check (lessons 2 and 4) not applicable for
 * want of a go.mod, whatever `statuses` says.
 */
export function reportWith(
  statuses: Record<string, CheckStatus>,
  notGo = false,
  waived: Record<string, string[]> = {},
): ScanReport {
  const goCode = (id: string) =>
    [2, 4].includes(checks.find(c => c.id === id)?.lesson ?? 0);
  const all = notGo
    ? {
        ...statuses,
        ...Object.fromEntries(
          checks
            .filter(c => goCode(c.id))
            .map(c => [c.id, 'not_applicable' as CheckStatus]),
        ),
      }
    : statuses;
  return {
    schemaVersion: 1,
    root: 'fixture',
    checks: Object.entries(all).map(([id, status]): CheckResult => {
      const check = checks.find(c => c.id === id);
      return {
        id,
        lesson: check?.lesson ?? 1,
        severity: check?.severity ?? 'warning',
        status,
        findings: (waived[id] ?? []).map((expires, i) =>
          waivedFinding(expires, i),
        ),
        ...(notGo && goCode(id) ? { message: 'no go.mod' } : {}),
      } as CheckResult;
    }),
  };
}

/**
 * The `i`th waived finding of a check: at `deploy/app.yaml`, line 10 + i, waived until
 * `expires` by the waiver at `.go-scorecard.yaml:3`.
 */
export function waivedFinding(expires: string, i = 0) {
  return {
    path: 'deploy/app.yaml',
    line: 10 + i,
    message: 'found',
    snippet: 'terminationGracePeriodSeconds: 5',
    waiver: {
      reason: 'batch worker, serves no traffic',
      expires,
      source: '.go-scorecard.yaml:3',
    },
  };
}

/** Writes a world through the store as scans would: sync, claim, complete or fail. */
export async function storeWorld(
  store: ScorecardStore,
  world: WorldEntity[],
): Promise<void> {
  await store.syncTargets(
    world.map(e => e.target),
    1,
  );
  const owner = 'world';
  const lease = async (refs: string[], now: number) => {
    for (const ref of refs) {
      await store.claimDue({
        owner,
        now,
        limit: 1,
        leaseMs: 1,
        entityRef: ref,
      });
    }
  };
  const scanned = world.filter(e => e.scan.state === 'scanned');
  const byTime = new Map<number, WorldEntity[]>();
  for (const e of scanned) {
    const at = (e.scan as { at: number }).at;
    byTime.set(at, [...(byTime.get(at) ?? []), e]);
  }
  for (const [at, entities] of byTime) {
    await lease(
      entities.map(e => e.target.entityRef),
      at,
    );
    await store.completeScans(
      entities.map(e => ({
        entityRef: e.target.entityRef,
        unchanged: false,
        report: reportWith(
          (e.scan as { statuses: Record<string, CheckStatus> }).statuses,
          (e.scan as { notGo?: boolean }).notGo,
          (e.scan as { waived?: Record<string, string[]> }).waived,
        ),
        etag: 'e',
      })),
      owner,
      { now: at, nextScanAt: at + 1 },
    );
  }
  for (const e of world) {
    let error: string | undefined;
    if (e.scan.state === 'failed') error = e.scan.error;
    if (e.scan.state === 'scanned') error = e.scan.staleError;
    if (error === undefined) continue;
    await lease([e.target.entityRef], 10 ** 12);
    await store.failScan(e.target.entityRef, owner, {
      error,
      now: 10 ** 12,
      nextScanAt: 10 ** 12,
      attempts: 1,
    });
  }
}

/** A small deterministic pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const statusPool: CheckStatus[] = [
  'pass',
  'pass',
  'pass',
  'warn',
  'fail',
  'not_applicable',
  'error',
];

/** Owners as stored: normalized refs, one written oddly (a ref the catalog could not parse), and none. */
export const worldOwners = [
  'group:default/team-a',
  'group:default/team-b',
  'group:default/team-c',
  'group:ops/platform',
  'Team-Ü',
  undefined,
];
/**
 * The world's groups: a department above team-a and team-b (and owning services of its
 * own), an org above the department and ops/platform, and a cycle (team-c and loop, each
 * the other's parent).
 */
export const worldHierarchy = new GroupHierarchy([
  ['group:default/dept', 'group:default/team-a'],
  ['group:default/dept', 'group:default/team-b'],
  ['group:default/org', 'group:default/dept'],
  ['group:default/org', 'group:ops/platform'],
  ['group:default/team-c', 'group:default/loop'],
  ['group:default/loop', 'group:default/team-c'],
]);
/** Owner filters beyond the owners: groups with sub-groups only, or none at all. */
export const worldDepartments = [
  'group:default/dept',
  'group:default/org',
  'group:default/loop',
];

/** Systems as stored. */
export const worldSystems = [
  'system:default/payments',
  'system:default/search',
  'system:default/ünicode',
  undefined,
];

/**
 * `n` entities with random owners, systems, titles (some unicode, some missing), types,
 * scan states (pending, failed, stale, scanned at different times), statuses (some
 * checks missing, one check outside the catalog) and some non-Go services.
 */
export function randomWorld(n: number, seed = 1): WorldEntity[] {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(rnd() * items.length)];
  const titles = [
    undefined,
    'Payments API',
    'Über Service',
    'search indexer',
    'ÄRGER',
    'Zeta',
    'alpha',
    // CSV cells that need quoting or a formula guard.
    '=SUM(A1)',
    '-negative',
    'a, b',
    'say "hi"',
    'two\nlines',
    '\ttabbed',
  ];
  return Array.from({ length: n }, (_, i) => {
    const name = `svc-${String(Math.floor(rnd() * 100000)).padStart(
      5,
      '0',
    )}-${i}`;
    const target: ScanTarget = {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      namespace: 'default',
      name,
      title: pick(titles),
      type: pick(['service', 'library', '+plus', undefined]),
      owner: i % 17 === 3 ? 'group:default/dept' : pick(worldOwners),
      system: pick(worldSystems),
      source: `url:https://git.example.com/${name}`,
      // Ties on purpose (as the other choices, without a draw of its own).
      impact: (i * 7) % 5,
    };
    const roll = rnd();
    let scan: WorldScan;
    if (roll < 0.12) scan = { state: 'pending' };
    else if (roll < 0.22)
      scan = { state: 'failed', error: `could not read /srv/repos/${name}` };
    else {
      const statuses: Record<string, CheckStatus> = {};
      for (const c of checks) {
        if (rnd() < 0.05) continue;
        statuses[c.id] = pick(statusPool);
      }
      if (rnd() < 0.05) statuses['retired-check'] = pick(statusPool);
      scan = {
        state: 'scanned',
        at: 1_700_000_000_000 + Math.floor(rnd() * 5) * 86_400_000,
        statuses,
        ...(rnd() < 0.15 ? { staleError: 'timeout' } : {}),
        // Some without Go (as the other choices, without a draw of its own).
        ...(i % 13 === 5 ? { notGo: true } : {}),
      };
    }
    return { target, scan };
  });
}
