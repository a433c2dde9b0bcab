import {
  CheckSeverity,
  Finding,
  FindingWaiver,
} from '@internal/plugin-go-scorecard-common';
import {
  OrgPolicy,
  POLICY_FILE,
  RepositoryPolicy,
  RepositoryWaiver,
} from './policyTypes';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the policy does to one check: turned off, a severity in place of the catalog's, waivers. */
export interface CheckPolicy {
  /** Turned off in `.go-scorecard.yaml` at this line, and the org policy allows it. */
  offAtLine?: number;
  severity?: CheckSeverity;
  /** The waivers that apply today (not expired, not longer than the org policy allows). */
  waivers: RepositoryWaiver[];
  /** The waivers that expired: their findings count again, marked with the waiver. */
  expired?: RepositoryWaiver[];
}

/** A check without policy. */
export const NO_CHECK_POLICY: CheckPolicy = Object.freeze({
  waivers: Object.freeze([]) as unknown as RepositoryWaiver[],
});

/**
 * The repository's policy file bounded by the org policy, on the scan's day: per check, whether
 * it is off, its severity and the waivers that apply; and the notes for what does not apply
 * (problems of the file, expired waivers, waivers longer than allowed, checks the org policy
 * does not let a repository turn off). Every note names its line of `.go-scorecard.yaml`.
 *
 * @param today - the scan's day, `YYYY-MM-DD` (UTC)
 */
export function resolvePolicy(
  repository: RepositoryPolicy | undefined,
  org: OrgPolicy,
  today: string,
): { forCheck: (id: string) => CheckPolicy; notes: string[] } {
  const byCheck = new Map<string, CheckPolicy>();
  const entry = (id: string) => {
    let policy = byCheck.get(id);
    if (!policy) {
      policy = { waivers: [] };
      byCheck.set(id, policy);
    }
    return policy;
  };
  for (const [id, severity] of Object.entries(org.severityOverrides)) {
    entry(id).severity = severity;
  }
  const notes = [...(repository?.problems ?? [])];
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  for (const waiver of repository?.waivers ?? []) {
    const days = (Date.parse(`${waiver.expires}T00:00:00Z`) - todayMs) / DAY_MS;
    if (days < 0) {
      notes.push(
        `line ${waiver.line}: waiver for ${waiver.check} expired on ${waiver.expires}; its findings count again`,
      );
      (entry(waiver.check).expired ??= []).push(waiver);
    } else if (days > org.maxWaiverDays) {
      notes.push(
        `line ${waiver.line}: waiver for ${waiver.check} expires ${waiver.expires}, ${days} days ahead; the org policy allows at most ${org.maxWaiverDays} (goScorecard.policy.maxWaiverDays); not applied`,
      );
    } else {
      entry(waiver.check).waivers.push(waiver);
    }
  }
  for (const setting of repository?.checks ?? []) {
    if (!setting.enabled) {
      const allowed =
        org.allowTurningOff === 'all' ||
        org.allowTurningOff.includes(setting.check);
      if (allowed) entry(setting.check).offAtLine = setting.line;
      else
        notes.push(
          `line ${setting.line}: the org policy does not let a repository turn off ${setting.check} (goScorecard.policy.allowTurningOff); the check runs`,
        );
    }
  }
  return {
    forCheck: id => byCheck.get(id) ?? NO_CHECK_POLICY,
    notes,
  };
}

/**
 * Marks each finding with the first waiver whose scope holds it (the whole repository, the
 * file itself or a folder above it), and tells which waivers covered at least one finding.
 * A finding no waiver holds but an expired one would have is marked `expiredWaiver`: it
 * counts, and the mark says since when and why it had been waived.
 */
export function waiveFindings(
  findings: readonly Finding[],
  waivers: readonly RepositoryWaiver[],
  expired: readonly RepositoryWaiver[] = [],
): { findings: Finding[]; used: Set<RepositoryWaiver> } {
  const used = new Set<RepositoryWaiver>();
  if (!waivers.length && !expired.length)
    return { findings: [...findings], used };
  const marked = findings.map(finding => {
    const waiver = waivers.find(w => inScope(finding.path, w.path));
    if (waiver) {
      used.add(waiver);
      return { ...finding, waiver: markerOf(waiver) };
    }
    const lapsed = expired.find(w => inScope(finding.path, w.path));
    return lapsed ? { ...finding, expiredWaiver: markerOf(lapsed) } : finding;
  });
  return { findings: marked, used };
}

function markerOf(waiver: RepositoryWaiver): FindingWaiver {
  return {
    reason: waiver.reason,
    expires: waiver.expires,
    source: `${POLICY_FILE}:${waiver.line}`,
  };
}

function inScope(path: string, scope: string | undefined): boolean {
  return scope === undefined || path === scope || path.startsWith(`${scope}/`);
}

/** The note for a waiver that covered no finding of its check. */
export function staleWaiverNote(waiver: RepositoryWaiver): string {
  const where = waiver.path ? ` under ${waiver.path}` : '';
  return `line ${waiver.line}: stale waiver: ${waiver.check} has no finding${where} to waive; remove the waiver`;
}
