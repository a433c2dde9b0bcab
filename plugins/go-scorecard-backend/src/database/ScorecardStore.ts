import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  DatabaseGroupHierarchyStore,
  GroupHierarchyStore,
} from './GroupHierarchyStore';
import { DatabaseHistoryStore, HistoryStore } from './HistoryStore';
import { migrateDown, migrateUp } from './migrations';
import { DatabaseReportStore, ReportStore } from './ReportStore';
import { DatabaseResultStore, ResultStore } from './ResultStore';
import { DatabaseScanQueueStore, ScanQueueStore } from './ScanQueueStore';
import {
  DatabaseStatusChangeStore,
  StatusChangeStore,
} from './StatusChangeStore';
import { DatabaseTargetStore, TargetStore } from './TargetStore';
import {
  DatabaseWaiverStore,
  ExpiringWaiversQuery,
  WaiverStore,
} from './WaiverStore';
import { ReportQuery } from '../report/ReportQuery';
import {
  ClaimOptions,
  FailedScan,
  ScanOutcomeRecord,
  ScanTarget,
} from './types';

/** What the store does beyond keeping results. */
export interface StoreOptions {
  /**
   * Record each completed scan's check status changes for regression notifications
   * (`goScorecard.notifications.enabled`). Default false: nothing is recorded.
   */
  recordStatusChanges?: boolean;
}

/**
 * The plugin's database, one store per job: {@link TargetStore} (which catalog entities
 * are selected), {@link ScanQueueStore} (leases on due entities, scan outcomes),
 * {@link ResultStore} (latest results), {@link ReportStore} (the report's filters,
 * sorting and sums in SQL), {@link HistoryStore} (trends) and {@link StatusChangeStore}
 * (check status changes for the owners' regression digests). Per-entity scan
 * state carries leases, so several replicas share the work.
 *
 * Callers depend on the part they use: take `store.targets`, `store.queue`,
 * `store.results`, `store.reports` or `store.history`, or type an option as the narrow interface (the
 * store itself implements all four, by delegation, for a caller that spans two).
 */
export class ScorecardStore
  implements
    TargetStore,
    ScanQueueStore,
    ResultStore,
    ReportStore,
    HistoryStore,
    WaiverStore
{
  readonly targets: TargetStore;
  readonly queue: ScanQueueStore;
  readonly results: ResultStore;
  readonly reports: ReportStore;
  readonly history: HistoryStore;
  /** The waived findings whose waiver expires soon. */
  readonly waivers: WaiverStore;
  /** Check status changes recorded by scans, for the owners' notification digests. */
  readonly statusChanges: StatusChangeStore;
  /** The catalog's group hierarchy, for the owner filter's roll-up. */
  readonly groups: GroupHierarchyStore;

  private constructor(knex: Knex, options: StoreOptions = {}) {
    this.targets = DatabaseTargetStore.create({ knex });
    this.queue = DatabaseScanQueueStore.create({
      knex,
      recordStatusChanges: options.recordStatusChanges,
    });
    this.results = DatabaseResultStore.create({ knex });
    this.reports = DatabaseReportStore.create({ knex });
    this.history = DatabaseHistoryStore.create({ knex });
    this.waivers = DatabaseWaiverStore.create({ knex });
    this.statusChanges = DatabaseStatusChangeStore.create({ knex });
    this.groups = DatabaseGroupHierarchyStore.create({ knex });
  }

  /** Connects through the plugin's database service and runs migrations unless told not to. */
  static async create(
    options: {
      database: DatabaseService;
    } & StoreOptions,
  ): Promise<ScorecardStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await migrateUp(knex);
    }
    return new ScorecardStore(knex, options);
  }

  /** Wraps an already migrated connection. */
  static fromKnex(knex: Knex, options: StoreOptions = {}): ScorecardStore {
    return new ScorecardStore(knex, options);
  }

  /** Applies every migration of this package. */
  static migrateUp(knex: Knex): Promise<void> {
    return migrateUp(knex);
  }

  /** Rolls every migration of this package back. */
  static migrateDown(knex: Knex): Promise<void> {
    return migrateDown(knex);
  }

  // TargetStore
  syncTargets(targets: ScanTarget[], now: number) {
    return this.targets.syncTargets(targets, now);
  }
  upsertTarget(target: ScanTarget, now: number) {
    return this.targets.upsertTarget(target, now);
  }
  locationsUnder(urlPrefixes: string[]) {
    return this.targets.locationsUnder(urlPrefixes);
  }

  // ScanQueueStore
  claimDue(options: ClaimOptions) {
    return this.queue.claimDue(options);
  }
  completeScans(
    outcomes: ScanOutcomeRecord[],
    owner: string,
    scan: { now: number; nextScanAt: number },
  ) {
    return this.queue.completeScans(outcomes, owner, scan);
  }
  failScan(entityRef: string, owner: string, failure: FailedScan) {
    return this.queue.failScan(entityRef, owner, failure);
  }
  releaseLease(entityRef: string, owner: string) {
    return this.queue.releaseLease(entityRef, owner);
  }
  renewLeases(
    entityRefs: string[],
    owner: string,
    lease: { now: number; leaseMs: number },
  ) {
    return this.queue.renewLeases(entityRefs, owner, lease);
  }
  leaseOf(entityRef: string) {
    return this.queue.leaseOf(entityRef);
  }
  requestScan(entityRef: string, now: number, cooldownMs?: number) {
    return this.queue.requestScan(entityRef, now, cooldownMs);
  }
  makeDue(entityRefs: string[], now: number) {
    return this.queue.makeDue(entityRefs, now);
  }

  // ResultStore
  getSummary(entityRef: string, now?: number) {
    return this.results.getSummary(entityRef, now);
  }
  getEntityResult(entityRef: string, now?: number) {
    return this.results.getEntityResult(entityRef, now);
  }
  listSummaries(now?: number) {
    return this.results.listSummaries(now);
  }

  // ReportStore
  queryReport(
    readable: ReadonlySet<string>,
    query: ReportQuery,
    options?: { aggregates?: boolean; now?: number },
  ) {
    return this.reports.queryReport(readable, query, options);
  }
  queryReportCsv(readable: ReadonlySet<string>, query: ReportQuery) {
    return this.reports.queryReportCsv(readable, query);
  }
  queryHistory(
    readable: ReadonlySet<string>,
    query: ReportQuery,
    since: number,
  ) {
    return this.reports.queryHistory(readable, query, since);
  }

  // HistoryStore
  entityHistory(entityRef: string, since: number) {
    return this.history.entityHistory(entityRef, since);
  }
  pruneHistory(before: number) {
    return this.history.pruneHistory(before);
  }

  // WaiverStore
  expiringWaivers(readable: ReadonlySet<string>, query: ExpiringWaiversQuery) {
    return this.waivers.expiringWaivers(readable, query);
  }
}
