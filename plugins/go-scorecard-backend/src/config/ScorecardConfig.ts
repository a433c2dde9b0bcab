import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  defaultOrgPolicy,
  OrgPolicy,
  orgPolicyFrom,
} from '@internal/plugin-go-scorecard-node';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { availableParallelism } from 'node:os';
import { resolve as resolvePath } from 'node:path';

/** The plugin's settings, read from the `goScorecard` config key with defaults applied. Durations are in milliseconds. */
export interface ScorecardConfig {
  /** Entity kinds scanned. */
  kinds: string[];
  /** spec.type values scanned; undefined means any. */
  types?: string[];
  /** Absolute folders below which local sources may be read. */
  localRoots: string[];
  maxFileBytes: number;
  scanIntervalMs: number;
  pollIntervalMs: number;
  catalogSyncIntervalMs: number;
  batchSize: number;
  concurrency: number;
  timeoutMs: number;
  /**
   * How long a claim on an entity lasts without renewal. A replica renews the leases it
   * holds every quarter of this (see {@link leaseHeartbeatMs}), so a replica that dies
   * leaves its entities to the others within this bound.
   */
  leaseMs: number;
  maxRetries: number;
  retryBackoffMs: number;
  shutdownTimeoutMs: number;
  scanNowTimeoutMs: number;
  /** Least time between two accepted scan-now requests of one entity. */
  scanNowCooldownMs: number;
  historyRetentionMs: number;
  /**
   * The most findings stored and returned for one check of one entity
   * (`goScorecard.limits.maxFindingsPerCheck`); the check's `totalFindings` keeps the
   * true count and its status is decided on all of them. A positive integer.
   */
  maxFindingsPerCheck: number;
  /** Worker threads that parse Go files (`goScorecard.analyzer.workers`); 0 = the main thread. */
  analyzerWorkers: number;
  /**
   * Whether Go files' facts are kept in Backstage's cache service, and for how long
   * (`goScorecard.analyzer.factsCache`). On by default only with a shared cache store
   * (`backend.cache.store` other than `memory`): the default in-memory store never evicts,
   * so it would hold every scanned file's facts in the backend's heap.
   */
  factsCache: { enabled: boolean; ttlMs: number };
  /**
   * The org policy (`goScorecard.policy`) that bounds each repository's
   * `.go-scorecard.yaml`: the longest waiver, the checks a repository may turn off, and
   * severity overrides. Validated when read.
   */
  policy: OrgPolicy;
  /** Regression notifications to the owning team (`goScorecard.notifications`). */
  notifications: NotificationSettings;
  /**
   * Scan on push (`goScorecard.scanOnPush.enabled`): a GitHub push to a repository's
   * default branch makes the entities reading it due at once.
   */
  scanOnPush: { enabled: boolean };
}

/** The new statuses a regression can have; each may notify or not. */
export const REGRESSION_STATUSES = ['fail', 'warn'] as const;

/** A new status that can notify: `fail` or `warn`. */
export type RegressionStatus = (typeof REGRESSION_STATUSES)[number];

/** `goScorecard.notifications`, with defaults applied. */
export interface NotificationSettings {
  /** Record status changes and send digests. Default true; false records and sends nothing. */
  enabled: boolean;
  /** The new statuses of a regression that notify. Default `['fail', 'warn']`. */
  severities: RegressionStatus[];
  /** List improvements (fail/warn to pass) in the digest too. Default true. */
  includeImprovements: boolean;
}

const MiB = 1024 * 1024;

/** The settings used when config says nothing. */
export const defaultScorecardConfig: ScorecardConfig = {
  kinds: ['Component'],
  localRoots: [],
  maxFileBytes: 2 * MiB,
  scanIntervalMs: 60 * 60_000,
  pollIntervalMs: 10_000,
  catalogSyncIntervalMs: 30_000,
  batchSize: 20,
  concurrency: 4,
  timeoutMs: 2 * 60_000,
  leaseMs: 60_000,
  maxRetries: 3,
  retryBackoffMs: 30_000,
  shutdownTimeoutMs: 10_000,
  scanNowTimeoutMs: 30_000,
  scanNowCooldownMs: 60_000,
  historyRetentionMs: 90 * 24 * 60 * 60_000,
  maxFindingsPerCheck: 100,
  // One per core, at most 4: each holds a parser and its memory (tens of MiB).
  analyzerWorkers: Math.min(availableParallelism(), 4),
  factsCache: { enabled: false, ttlMs: 7 * 24 * 60 * 60_000 },
  policy: defaultOrgPolicy,
  notifications: {
    enabled: true,
    severities: [...REGRESSION_STATUSES],
    includeImprovements: true,
  },
  scanOnPush: { enabled: true },
};

/**
 * Reads the `goScorecard` config section. Relative `localRoots` resolve against
 * `baseDir` (the backend's working directory by default).
 */
export function readScorecardConfig(
  config: Config,
  options: { baseDir?: string } = {},
): ScorecardConfig {
  const root = config.getOptionalConfig('goScorecard');
  const sharedCacheStore =
    (config.getOptionalString('backend.cache.store') ?? 'memory') !== 'memory';
  const d = {
    ...defaultScorecardConfig,
    factsCache: {
      ...defaultScorecardConfig.factsCache,
      enabled: sharedCacheStore,
    },
  };
  if (!root) return d;
  const baseDir = options.baseDir ?? process.cwd();
  const duration = (key: string, fallback: number) =>
    root.has(key)
      ? durationToMilliseconds(
          readDurationFromConfig(root, { key }) as HumanDuration,
        )
      : fallback;
  const wholeNumber = (key: string) => {
    const value = root.getNumber(key);
    if (!Number.isInteger(value) || value < 0 || value > 256) {
      throw new InputError(
        `goScorecard.${key} must be a whole number from 0 to 256, got ${value}`,
      );
    }
    return value;
  };
  const positive = (key: string, fallback: number) => {
    const value = root.getOptionalNumber(key) ?? fallback;
    if (!Number.isInteger(value) || value < 1) {
      throw new InputError(
        `goScorecard.${key} must be a positive integer, got ${value}`,
      );
    }
    return value;
  };
  const result: ScorecardConfig = {
    kinds: root.getOptionalStringArray('selection.kinds') ?? d.kinds,
    types: root.getOptionalStringArray('selection.types'),
    localRoots: (root.getOptionalStringArray('localRoots') ?? []).map(r =>
      resolvePath(baseDir, r),
    ),
    maxFileBytes: positive('maxFileBytes', d.maxFileBytes),
    scanIntervalMs: duration('schedule.scanInterval', d.scanIntervalMs),
    pollIntervalMs: duration('schedule.pollInterval', d.pollIntervalMs),
    catalogSyncIntervalMs: duration(
      'schedule.catalogSyncInterval',
      d.catalogSyncIntervalMs,
    ),
    batchSize: positive('schedule.batchSize', d.batchSize),
    concurrency: positive('schedule.concurrency', d.concurrency),
    timeoutMs: duration('schedule.timeout', d.timeoutMs),
    leaseMs: duration('schedule.leaseDuration', d.leaseMs),
    maxRetries: root.getOptionalNumber('schedule.maxRetries') ?? d.maxRetries,
    retryBackoffMs: duration('schedule.retryBackoff', d.retryBackoffMs),
    shutdownTimeoutMs: duration(
      'schedule.shutdownTimeout',
      d.shutdownTimeoutMs,
    ),
    scanNowTimeoutMs: duration('schedule.scanNowTimeout', d.scanNowTimeoutMs),
    scanNowCooldownMs: duration(
      'schedule.scanNowCooldown',
      d.scanNowCooldownMs,
    ),
    historyRetentionMs: duration('history.retention', d.historyRetentionMs),
    maxFindingsPerCheck: positive(
      'limits.maxFindingsPerCheck',
      d.maxFindingsPerCheck,
    ),
    analyzerWorkers: root.has('analyzer.workers')
      ? wholeNumber('analyzer.workers')
      : d.analyzerWorkers,
    factsCache: {
      enabled:
        root.getOptionalBoolean('analyzer.factsCache.enabled') ??
        d.factsCache.enabled,
      ttlMs: duration('analyzer.factsCache.ttl', d.factsCache.ttlMs),
    },
    policy: readOrgPolicy(root),
    notifications: readNotifications(root, d.notifications),
    scanOnPush: {
      enabled:
        root.getOptionalBoolean('scanOnPush.enabled') ?? d.scanOnPush.enabled,
    },
  };
  return result;
}

/** `goScorecard.notifications`; an unknown severity is an `InputError` naming the key. */
function readNotifications(
  root: Config,
  d: NotificationSettings,
): NotificationSettings {
  const severities =
    root.getOptionalStringArray('notifications.severities') ?? d.severities;
  for (const severity of severities) {
    if (!(REGRESSION_STATUSES as readonly string[]).includes(severity)) {
      throw new InputError(
        `goScorecard.notifications.severities may hold ${REGRESSION_STATUSES.join(
          ' and ',
        )}, got '${severity}'`,
      );
    }
  }
  return {
    enabled: root.getOptionalBoolean('notifications.enabled') ?? d.enabled,
    severities: [...new Set(severities)] as RegressionStatus[],
    includeImprovements:
      root.getOptionalBoolean('notifications.includeImprovements') ??
      d.includeImprovements,
  };
}

/**
 * `goScorecard.policy`, validated by `orgPolicyFrom`: a bad value throws an `InputError`
 * whose message names the key (e.g. `goScorecard.policy.maxWaiverDays: ...`), so the
 * backend does not start with a policy it cannot apply.
 */
function readOrgPolicy(root: Config): OrgPolicy {
  if (!root.has('policy')) return defaultOrgPolicy;
  try {
    return orgPolicyFrom(root.get('policy'), 'goScorecard.policy');
  } catch (error) {
    throw new InputError(
      `Invalid config: ${(error as Error).message}`,
      error as Error,
    );
  }
}

/**
 * How often a replica renews the leases it holds: a quarter of the lease, so three
 * renewals in a row can fail (or the event loop stall) before a live replica's lease
 * runs out. A scan-now that sees no renewal over one such period knows the holder is gone.
 */
export function leaseHeartbeatMs(
  config: Pick<ScorecardConfig, 'leaseMs'>,
): number {
  return Math.max(1, Math.floor(config.leaseMs / 4));
}
