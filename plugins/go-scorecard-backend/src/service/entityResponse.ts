import {
  CappedCheckResult,
  capFindings,
  checks,
  countStatuses,
  EntityResult,
  ScorecardEntity,
} from '@internal/plugin-go-scorecard-common';
import { StoredEntityResult } from '../database/types';
import { LocalRoots } from '../source/LocalRoots';
import { parseSourceLocation } from '../source/resolveSourceLocation';

/** A stored source as callers see it: a URL as is, a local folder relative to its allowed root. */
export function publicSource(
  source: string | undefined,
  localRoots: LocalRoots,
): string | undefined {
  if (!source) return undefined;
  const location = parseSourceLocation(source);
  if (location.type === 'url') return source;
  const shown = localRoots.displayPath(location.target);
  return shown === undefined ? undefined : `local:${shown}`;
}

/** The entity's latest result in the CLI's shape, with the scan's state. */
export function entityResponse(
  { summary, checks: stored, notes }: StoredEntityResult,
  localRoots: LocalRoots,
  maxFindingsPerCheck: number,
): EntityResult {
  // A stored error or note may name a server path (a failed read): shown relative to the roots.
  const error =
    summary.error === undefined
      ? undefined
      : localRoots.redactPaths(summary.error);
  let results: CappedCheckResult[] = capFindings(
    { checks: stored },
    maxFindingsPerCheck,
  ).checks;
  let counts = summary.counts;
  if (!results.length && summary.state === 'failed') {
    // Never analyzed: every check reports why.
    results = checks.map(c => ({
      id: c.id,
      lesson: c.lesson,
      severity: c.severity,
      status: 'error',
      findings: [],
      totalFindings: 0,
      message: `could not read the source: ${error}`,
    }));
    counts = countStatuses(results);
  }
  const iso = (ms?: number) =>
    ms === undefined ? undefined : new Date(ms).toISOString();
  return {
    schemaVersion: 1 as const,
    root: publicSource(summary.source, localRoots),
    entityRef: summary.entityRef,
    kind: summary.kind,
    namespace: summary.namespace,
    name: summary.name,
    title: summary.title,
    type: summary.type,
    owner: summary.owner,
    system: summary.system,
    state: summary.state,
    scanning: summary.scanning,
    scannedAt: iso(summary.scannedAt),
    checkedAt: iso(summary.checkedAt),
    nextScanAt: iso(summary.nextScanAt),
    etag: summary.etag,
    commit:
      summary.etag && /^[0-9a-f]{40}$/i.test(summary.etag)
        ? summary.etag
        : undefined,
    stale: summary.stale,
    error,
    counts,
    score: summary.score,
    checks: results,
    notes: notes.map(n => ({
      ...n,
      message: localRoots.redactPaths(n.message),
    })),
  };
}

/**
 * A selected entity the store does not hold yet: state `unsynced`, no checks, and when
 * the catalog sync picks it up.
 */
export function unsyncedResponse(
  target: ScorecardEntity,
  catalogSyncIntervalMs: number,
): EntityResult {
  return {
    schemaVersion: 1 as const,
    entityRef: target.entityRef,
    kind: target.kind,
    namespace: target.namespace,
    name: target.name,
    title: target.title,
    type: target.type,
    owner: target.owner,
    system: target.system,
    state: 'unsynced',
    syncIntervalSeconds: Math.ceil(catalogSyncIntervalMs / 1000),
    scanning: false,
    stale: false,
    counts: countStatuses([]),
    checks: [],
    notes: [],
  };
}
