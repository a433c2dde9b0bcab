import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  CheckStatus,
  checks as checkCatalog,
  countOf,
  getCheck,
} from '@internal/plugin-go-scorecard-common';
import { NotificationSettings } from '../config/ScorecardConfig';
import { StatusChange } from '../database/statusChanges';
import { scorecardTabPath } from '../portal/scorecardTabPath';

/** The notifications' topic: every digest of the plugin is grouped under it. */
export const NOTIFICATION_TOPIC = 'Go Scorecard';

/** One line of a digest: a check of a service that got worse or better. */
export interface DigestEntry {
  entityRef: string;
  checkId: string;
  /** The check's title in the common catalog (its id for a check the catalog no longer has). */
  checkTitle: string;
  from: CheckStatus;
  to: CheckStatus;
  waiverExpired: boolean;
  /** For a regression: its new result's first finding no waiver covers, `path:line`. */
  finding?: string;
  /** The portal path of the entity's Go Scorecard tab. */
  link: string;
}

/** What one owner is told after a scan cycle. */
export interface Digest {
  owner: string;
  regressions: DigestEntry[];
  improvements: DigestEntry[];
}

/**
 * The digest of an owner's claimed changes: several changes of one check (pass to fail
 * and back within a cycle) net to one or none; regressions are kept when their new
 * status is one of `settings.severities`, improvements when
 * `settings.includeImprovements`. Services in ref order, checks in catalog order.
 */
export function digestOf(
  owner: string,
  changes: StatusChange[],
  settings: Pick<NotificationSettings, 'severities' | 'includeImprovements'>,
): Digest {
  const byCheck = new Map<string, StatusChange[]>();
  for (const change of [...changes].sort(
    (a, b) => a.detectedAt - b.detectedAt,
  )) {
    const key = `${change.entityRef}\n${change.checkId}`;
    byCheck.set(key, [...(byCheck.get(key) ?? []), change]);
  }
  const regressions: DigestEntry[] = [];
  const improvements: DigestEntry[] = [];
  for (const chain of byCheck.values()) {
    const net = netChange(chain);
    if (!net) continue;
    const entry: DigestEntry = {
      entityRef: net.entityRef,
      checkId: net.checkId,
      checkTitle: getCheck(net.checkId)?.title ?? net.checkId,
      from: net.from,
      to: net.to,
      waiverExpired: net.waiverExpired,
      ...(net.kind === 'regression' && net.finding
        ? { finding: net.finding }
        : {}),
      link: scorecardTabPath(net.entityRef),
    };
    if (
      net.kind === 'regression' &&
      (settings.severities as string[]).includes(net.to)
    ) {
      regressions.push(entry);
    } else if (net.kind === 'improvement' && settings.includeImprovements) {
      improvements.push(entry);
    }
  }
  return {
    owner,
    regressions: regressions.sort(byServiceAndCheck),
    improvements: improvements.sort(byServiceAndCheck),
  };
}

/** True when a digest has nothing to say. */
export function isEmptyDigest(digest: Digest): boolean {
  return !digest.regressions.length && !digest.improvements.length;
}

/**
 * The notification of a digest: a title with the counts, one description line per
 * entry (service, check title, new status, a regression's first finding, the tab's
 * path), and a link to the one
 * service's tab or, for several, the report filtered to the owner. `scope` is the
 * digest's id, so a retried send updates the notification instead of adding one.
 */
export function notificationOf(
  digest: Digest,
  digestId: string,
): NotificationPayload {
  const { owner, regressions, improvements } = digest;
  const entries = [...regressions, ...improvements];
  const services = new Set(entries.map(e => e.entityRef));
  const counts = [
    regressions.length ? countOf(regressions.length, 'regression') : '',
    improvements.length ? countOf(improvements.length, 'improvement') : '',
  ].filter(Boolean);
  const lines = [
    ...regressions.map(
      e =>
        `Regressed: ${nameOf(e.entityRef)}: ${e.checkTitle}: now ${e.to}${
          e.waiverExpired ? ' (a waiver expired)' : ` (was ${e.from})`
        }${e.finding ? `, at ${e.finding}` : ''} ${e.link}`,
    ),
    ...improvements.map(
      e =>
        `Improved: ${nameOf(e.entityRef)}: ${e.checkTitle}: now ${e.to} (was ${
          e.from
        }) ${e.link}`,
    ),
  ];
  const [only] = services;
  return {
    title: `Go Scorecard: ${counts.join(', ')} in ${countOf(
      services.size,
      'service',
    )}`,
    description: lines.join('\n'),
    link:
      services.size === 1
        ? scorecardTabPath(only)
        : `/go-scorecard?owner=${encodeURIComponent(owner)}`,
    severity: severityOf(regressions),
    topic: NOTIFICATION_TOPIC,
    scope: `go-scorecard:digest:${digestId}`,
    metadata: {
      owner,
      regressions: regressions.map(metadataOf),
      improvements: improvements.map(metadataOf),
    },
  };
}

function severityOf(regressions: DigestEntry[]) {
  if (regressions.some(e => e.to === 'fail')) return 'high';
  return regressions.length ? 'normal' : 'low';
}

function metadataOf(e: DigestEntry) {
  return {
    entityRef: e.entityRef,
    checkId: e.checkId,
    from: e.from,
    to: e.to,
    waiverExpired: e.waiverExpired,
    ...(e.finding ? { finding: e.finding } : {}),
    link: e.link,
  };
}

function nameOf(entityRef: string): string {
  return parseEntityRef(entityRef).name;
}

/** The net change of a check's changes in one digest, oldest first; undefined when they cancel out. */
function netChange(chain: StatusChange[]): StatusChange | undefined {
  if (chain.length === 1) return chain[0];
  const first = chain[0];
  const last = chain[chain.length - 1];
  const from = first.from;
  const to = last.to;
  const good = (s: CheckStatus) => s === 'pass' || s === 'not_applicable';
  const bad = (s: CheckStatus) => s === 'fail' || s === 'warn';
  if (good(from) && bad(to)) {
    return {
      ...last,
      from,
      kind: 'regression',
      waiverExpired: chain.some(c => c.waiverExpired),
    };
  }
  if (bad(from) && to === 'pass') {
    return { ...last, from, kind: 'improvement', waiverExpired: false };
  }
  if (bad(from) && bad(to) && last.kind === 'regression') return last;
  return undefined;
}

const checkOrder = new Map(checkCatalog.map((c, i) => [c.id, i]));

function byServiceAndCheck(a: DigestEntry, b: DigestEntry): number {
  return (
    a.entityRef.localeCompare(b.entityRef) ||
    (checkOrder.get(a.checkId) ?? 999) - (checkOrder.get(b.checkId) ?? 999) ||
    a.checkId.localeCompare(b.checkId)
  );
}
