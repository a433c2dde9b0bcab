import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  CheckStatus,
  ScanReport,
  getCheck,
} from '@internal/plugin-go-scorecard-common';
import { Knex } from 'knex';
import {
  defaultScorecardConfig,
  NotificationSettings,
} from '../config/ScorecardConfig';
import { ScorecardStore } from '../database/ScorecardStore';
import { EntityScanner } from '../scanning/EntityScanner';
import { ScanWorker } from '../scanning/ScanWorker';
import { fakeReport } from '../__testUtils__/reports';
import { workerTestConfig } from '../__testUtils__/scanning';
import { testTarget } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { RegressionNotifier } from './RegressionNotifier';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const logger = mockServices.logger.mock();

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const DAY = 24 * 3600_000;

/** A NotificationService that keeps what it is sent; `failNext` makes the next send throw. */
class CapturingNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  failNext = 0;
  async send(options: NotificationSendOptions): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('notifications backend unavailable');
    }
    this.sent.push(options);
  }
  /** The owner refs sent to, in order. */
  owners() {
    return this.sent.map(s =>
      s.recipients.type === 'entity' ? s.recipients.entityRef : 'broadcast',
    );
  }
}

/**
 * One replica: a store on the shared database, a worker whose scanner answers what
 * `reports` holds (or fails when it holds an Error), and the notifier it flushes after
 * each run and scan-now, on a clock the test moves.
 */
function replica(
  knex: Knex,
  world: {
    reports: Map<string, ScanReport | Error>;
    clock: { now: number };
    notifications: CapturingNotifications;
    settings?: Partial<NotificationSettings>;
  },
) {
  const settings = {
    ...defaultScorecardConfig.notifications,
    ...world.settings,
  };
  const store = ScorecardStore.fromKnex(knex, {
    recordStatusChanges: settings.enabled,
  });
  const now = () => world.clock.now;
  const notifier = new RegressionNotifier({
    store: store.statusChanges,
    notifications: world.notifications,
    settings,
    logger,
    retentionMs: 90 * DAY,
    now,
  });
  let etag = 0;
  const scanner: EntityScanner = {
    async scan(entity) {
      const report = world.reports.get(entity.entityRef);
      if (!report) throw new Error(`no report for ${entity.entityRef}`);
      if (report instanceof Error) throw report;
      etag++;
      return {
        unchanged: false,
        report: structuredClone(report),
        etag: `e${etag}`,
      };
    },
  };
  const worker = new ScanWorker({
    store,
    scanner,
    logger,
    config: { ...workerTestConfig, maxRetries: 0, scanNowCooldownMs: 0 },
    now,
    afterScans: () => notifier.flush(),
  });
  return { store, worker, notifier };
}

const ref = (name: string) => `component:default/${name}`;

describe.each(databases.eachSupportedId())(
  'RegressionNotifier on %p',
  databaseId => {
    async function setup(settings?: Partial<NotificationSettings>) {
      const knex = await databases.init(databaseId);
      await ScorecardStore.migrateUp(knex);
      const world = {
        reports: new Map<string, ScanReport | Error>(),
        clock: { now: Date.UTC(2026, 10, 30, 9) },
        notifications: new CapturingNotifications(),
        settings,
      };
      const first = replica(knex, world);
      await first.store.targets.syncTargets(
        [
          testTarget('orders'),
          testTarget('payments'),
          testTarget('search', { owner: TEAM_B }),
        ],
        world.clock.now,
      );
      const report = (name: string, statuses: Record<string, CheckStatus>) =>
        world.reports.set(ref(name), fakeReport(statuses));
      /** Moves past the scan interval (everything due) and runs a scheduled scan. */
      const nextCycle = async (r = first) => {
        world.clock.now += workerTestConfig.scanIntervalMs + 1;
        return r.worker.runOnce();
      };
      return { knex, world, first, report, nextCycle };
    }

    it('sends nothing for a first scan, then one digest per owner listing every regression', async () => {
      const { world, first, report, nextCycle } = await setup();
      report('orders', { 'k8s-ndots': 'not_applicable' });
      report('payments', {});
      report('search', {});
      expect(await first.worker.runOnce()).toBe(3);
      expect(world.notifications.sent).toEqual([]);

      // orders: na -> warn and pass -> fail; payments: pass -> fail; search: another owner.
      report('orders', {
        'k8s-ndots': 'warn',
        'shutdown-no-sigterm': 'fail',
      });
      report('payments', { 'context-cancel-discarded': 'fail' });
      report('search', { 'shutdown-no-sigterm': 'fail' });
      expect(await nextCycle()).toBe(3);

      expect(world.notifications.owners().sort()).toEqual([TEAM_A, TEAM_B]);
      const teamA = world.notifications.sent.find(
        s =>
          s.recipients.type === 'entity' && s.recipients.entityRef === TEAM_A,
      )!.payload;
      expect(teamA.title).toBe('Go Scorecard: 3 regressions in 2 services');
      expect(teamA.topic).toBe('Go Scorecard');
      expect(teamA.scope).toMatch(/^go-scorecard:digest:/);
      expect(teamA.severity).toBe('high');
      expect(teamA.link).toBe(
        `/go-scorecard?owner=${encodeURIComponent(TEAM_A)}`,
      );
      // Services in ref order, checks in catalog order, each with its first finding and
      // its tab's path.
      expect(teamA.description!.split('\n')).toEqual([
        `Regressed: orders: ${
          getCheck('k8s-ndots')!.title
        }: now warn (was not_applicable), at main.go:3 /catalog/default/component/orders/go-scorecard`,
        `Regressed: orders: ${
          getCheck('shutdown-no-sigterm')!.title
        }: now fail (was pass), at main.go:3 /catalog/default/component/orders/go-scorecard`,
        `Regressed: payments: ${
          getCheck('context-cancel-discarded')!.title
        }: now fail (was pass), at main.go:3 /catalog/default/component/payments/go-scorecard`,
      ]);
      expect(teamA.metadata?.regressions).toContainEqual(
        expect.objectContaining({
          entityRef: ref('payments'),
          finding: 'main.go:3',
        }),
      );
      expect(teamA.metadata?.regressions).toHaveLength(3);

      const teamB = world.notifications.sent.find(
        s =>
          s.recipients.type === 'entity' && s.recipients.entityRef === TEAM_B,
      )!.payload;
      expect(teamB.title).toBe('Go Scorecard: 1 regression in 1 service');
      expect(teamB.link).toBe('/catalog/default/component/search/go-scorecard');

      // Still failing: fail -> fail is no regression; nothing is sent twice.
      expect(await nextCycle()).toBe(3);
      expect(await first.notifier.flush()).toBe(0);
      expect(world.notifications.sent).toHaveLength(2);
    });

    it('reports an improvement, alone or beside regressions', async () => {
      const { world, first, report, nextCycle } = await setup();
      report('orders', { 'shutdown-no-sigterm': 'fail' });
      report('payments', {});
      report('search', {});
      await first.worker.runOnce();

      report('orders', {});
      report('payments', { 'k8s-ndots': 'warn' });
      await nextCycle();
      expect(world.notifications.sent).toHaveLength(1);
      const { payload } = world.notifications.sent[0];
      expect(payload.title).toBe(
        'Go Scorecard: 1 regression, 1 improvement in 2 services',
      );
      expect(payload.severity).toBe('normal');
      expect(payload.description).toContain(
        `Improved: orders: ${
          getCheck('shutdown-no-sigterm')!.title
        }: now pass (was fail)`,
      );
    });

    it('sends nothing on a failed read, and compares the next good read with the last good one', async () => {
      const { world, first, report, nextCycle } = await setup();
      report('orders', {});
      report('payments', {});
      report('search', {});
      await first.worker.runOnce();

      world.reports.set(ref('orders'), new Error('repository not found'));
      await nextCycle();
      const orders = await first.store.results.getSummary(ref('orders'));
      expect(orders?.stale).toBe(true);
      expect(world.notifications.sent).toEqual([]);
      expect(await first.store.statusChanges.listChanges()).toEqual([]);

      // Readable again and now failing: a regression against the last good read.
      report('orders', { 'shutdown-no-sigterm': 'fail' });
      await nextCycle();
      expect(world.notifications.owners()).toEqual([TEAM_A]);
    });

    it('notifies only the configured severities', async () => {
      const { world, first, report, nextCycle } = await setup({
        severities: ['fail'],
        includeImprovements: false,
      });
      report('orders', { 'shutdown-no-sigterm': 'fail' });
      report('payments', {});
      report('search', {});
      await first.worker.runOnce();

      report('orders', {}); // improvement: not included
      report('payments', { 'k8s-ndots': 'warn' }); // warn: not notified
      report('search', { 'k8s-ndots': 'fail' });
      await nextCycle();
      expect(world.notifications.owners()).toEqual([TEAM_B]);
      // The filtered changes are settled, not sent later.
      expect(
        (await first.store.statusChanges.listChanges()).every(c => c.notified),
      ).toBe(true);
    });

    it('records and sends nothing when disabled', async () => {
      const { world, first, report, nextCycle } = await setup({
        enabled: false,
      });
      report('orders', {});
      report('payments', {});
      report('search', {});
      await first.worker.runOnce();
      report('orders', { 'shutdown-no-sigterm': 'fail' });
      await nextCycle();
      expect(world.notifications.sent).toEqual([]);
      expect(await first.store.statusChanges.listChanges()).toEqual([]);
    });

    it('flushes after a scan-now scan', async () => {
      const { world, first, report } = await setup();
      report('orders', {});
      report('payments', {});
      report('search', {});
      await first.worker.runOnce();

      report('orders', { 'grpc-short-target': 'fail' });
      expect(await first.worker.scanNow(ref('orders'))).toBe('completed');
      expect(world.notifications.owners()).toEqual([TEAM_A]);
      expect(world.notifications.sent[0].payload.link).toBe(
        '/catalog/default/component/orders/go-scorecard',
      );
    });

    it('reports a waiver that ran out while the check keeps failing', async () => {
      const { world, first, report, nextCycle } = await setup();
      const waived = fakeReport({ 'shutdown-no-sigterm': 'fail' });
      const check = waived.checks.find(c => c.id === 'shutdown-no-sigterm')!;
      check.findings.push({
        path: 'cmd/main.go',
        line: 9,
        message: 'no SIGTERM',
        snippet: 'http.ListenAndServe()',
        waiver: {
          reason: 'migrating',
          expires: '2026-11-29',
          source: '.go-scorecard.yaml:4',
        },
      });
      check.waivedFindings = 1;
      world.reports.set(ref('orders'), waived);
      report('payments', {});
      report('search', {});
      await first.worker.runOnce();

      const expired = structuredClone(waived);
      const again = expired.checks.find(c => c.id === 'shutdown-no-sigterm')!;
      delete again.findings[1].waiver;
      delete again.waivedFindings;
      world.reports.set(ref('orders'), expired);
      await nextCycle();
      expect(world.notifications.sent).toHaveLength(1);
      expect(world.notifications.sent[0].payload.description).toContain(
        'now fail (a waiver expired)',
      );
    });

    it('retries a failed send with the same scope, and sends it once', async () => {
      const { world, first, report, nextCycle } = await setup();
      report('orders', {});
      report('payments', {});
      report('search', {});
      await first.worker.runOnce();

      world.notifications.failNext = 1;
      report('orders', { 'shutdown-no-sigterm': 'fail' });
      await nextCycle();
      expect(world.notifications.sent).toEqual([]);
      const [pending] = await first.store.statusChanges.listChanges();
      expect(pending.notified).toBe(false);

      expect(await first.notifier.flush()).toBe(1);
      expect(await first.notifier.flush()).toBe(0);
      expect(world.notifications.owners()).toEqual([TEAM_A]);
    });

    it('sends each digest once when two replicas flush the same database', async () => {
      const { knex, world, first, report, nextCycle } = await setup();
      const second = replica(knex, world);
      report('orders', {});
      report('payments', {});
      report('search', {});
      await first.worker.runOnce();

      report('orders', { 'shutdown-no-sigterm': 'fail' });
      report('payments', { 'shutdown-no-sigterm': 'fail' });
      report('search', { 'shutdown-no-sigterm': 'fail' });
      // Both replicas scan (sharing the due entities through leases) and flush.
      world.clock.now += workerTestConfig.scanIntervalMs + 1;
      const [a, b] = await Promise.all([
        first.worker.runOnce(),
        second.worker.runOnce(),
      ]);
      expect(a + b).toBe(3);
      await Promise.all([first.notifier.flush(), second.notifier.flush()]);
      expect(world.notifications.owners().sort()).toEqual([TEAM_A, TEAM_B]);
      const teamA = world.notifications.sent.find(
        s =>
          s.recipients.type === 'entity' && s.recipients.entityRef === TEAM_A,
      )!;
      // One digest for the owner, though two replicas may have scanned its services.
      expect(teamA.payload.metadata?.regressions).toHaveLength(2);

      await nextCycle(second);
      await Promise.all([first.notifier.flush(), second.notifier.flush()]);
      expect(world.notifications.sent).toHaveLength(2);
    });
  },
);
