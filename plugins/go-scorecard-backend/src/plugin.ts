import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { goScorecardPermissions } from '@internal/plugin-go-scorecard-common';
import { Analyzer } from '@internal/plugin-go-scorecard-node';
import { PortalLinks } from './actions/portalLinks';
import { registerScorecardActions } from './actions/registerScorecardActions';
import { readScorecardConfig } from './config/ScorecardConfig';
import { ScorecardStore } from './database/ScorecardStore';
import { RegressionNotifier } from './notifications/RegressionNotifier';
import { ScanOnPush } from './events/ScanOnPush';
import { CatalogSync } from './scanning/CatalogSync';
import { EntitySelection } from './scanning/EntitySelection';
import { SourceScanner } from './scanning/EntityScanner';
import { CacheServiceFactsCache } from './scanning/CacheServiceFactsCache';
import { ScanWorker } from './scanning/ScanWorker';
import { CatalogSyncTask } from './scanning/tasks/CatalogSyncTask';
import { HistoryPruningTask } from './scanning/tasks/HistoryPruningTask';
import { ScanTask } from './scanning/tasks/ScanTask';
import { createRouter } from './service/router';
import { ReadableEntities } from './service/ReadableEntities';
import { LocalRoots } from './source/LocalRoots';
import { SourceFetcher } from './source/SourceFetcher';

/**
 * The Go Service Scorecard backend plugin: scans the selected catalog entities on a
 * schedule (and at once after a push to their repository), stores results and history,
 * serves them at `/api/go-scorecard`, and registers actions for AI assistants.
 *
 * @public
 */
export const goScorecardPlugin = createBackendPlugin({
  pluginId: 'go-scorecard',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
        notifications: notificationService,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler, lifecycle, httpRouter } = deps;
        const settings = readScorecardConfig(config);
        const store = await ScorecardStore.create({
          database: deps.database,
          recordStatusChanges: settings.notifications.enabled,
        });
        const notifier = new RegressionNotifier({
          store: store.statusChanges,
          notifications: deps.notifications,
          settings: settings.notifications,
          logger,
          retentionMs: settings.historyRetentionMs,
        });
        const factsCache = settings.factsCache.enabled
          ? new CacheServiceFactsCache(
              deps.cache,
              settings.factsCache.ttlMs,
              logger,
            )
          : undefined;
        const analyzer = await Analyzer.create({
          maxFileBytes: settings.maxFileBytes,
          workers: settings.analyzerWorkers,
          factsCache,
          onCacheError: factsCache?.onError,
          policy: settings.policy,
        });
        const selection = new EntitySelection(settings);
        const localRoots = new LocalRoots(settings.localRoots);
        const fetcher = new SourceFetcher({
          urlReader: deps.urlReader,
          localRoots,
          maxFileBytes: settings.maxFileBytes,
        });
        const worker = new ScanWorker({
          store,
          scanner: new SourceScanner(fetcher, analyzer, {
            maxFindingsPerCheck: settings.maxFindingsPerCheck,
          }),
          logger,
          config: settings,
          // Each run's and scan-now's regressions go out as one digest per owner.
          afterScans: () => notifier.flush(),
        });
        deps.permissionsRegistry.addPermissions(goScorecardPermissions);

        const scan = new ScanTask({
          worker,
          logger,
          pollIntervalMs: settings.pollIntervalMs,
        });
        const sync = new CatalogSyncTask({
          sync: new CatalogSync({
            catalog: deps.catalog,
            auth: deps.auth,
            store: store.targets,
            groups: store.groups,
            selection,
            logger,
          }),
          catalogSyncIntervalMs: settings.catalogSyncIntervalMs,
          // New entities are due at once: start on them without waiting for the next poll.
          onAdded: () => scan.runSoon(),
        });
        const pruning = new HistoryPruningTask({
          history: store.history,
          historyRetentionMs: settings.historyRetentionMs,
          logger,
        });
        await sync.start(scheduler);
        await scan.start(scheduler);
        await pruning.start(scheduler);
        if (settings.scanOnPush.enabled) {
          // The GitHub events module registers its webhook only with a secret.
          if (!config.getOptionalString('events.modules.github.webhookSecret'))
            logger.info(
              'Scan on push: events.modules.github.webhookSecret is not set, so no GitHub webhook reaches /api/events/http/github; scans follow the schedule (docs/scan-on-push.md)',
            );
          await new ScanOnPush({
            events: deps.events,
            store,
            logger,
            onDue: () => scan.runSoon(),
          }).subscribe();
        }
        // The analyzer's threads stop once no scan needs them.
        lifecycle.addShutdownHook(async () => {
          await worker.stop();
          await analyzer.close();
        });

        const readable = new ReadableEntities(deps.catalog, selection);
        httpRouter.use(
          await createRouter({
            store,
            worker,
            selection,
            readable,
            localRoots,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            logger,
            historyRetentionMs: settings.historyRetentionMs,
            catalogSyncIntervalMs: settings.catalogSyncIntervalMs,
            maxFindingsPerCheck: settings.maxFindingsPerCheck,
            scanNowCooldownMs: settings.scanNowCooldownMs,
          }),
        );
        registerScorecardActions({
          actionsRegistry: deps.actionsRegistry,
          reader: {
            store,
            readable,
            selection,
            localRoots,
            maxFindingsPerCheck: settings.maxFindingsPerCheck,
            catalogSyncIntervalMs: settings.catalogSyncIntervalMs,
          },
          links: PortalLinks.fromConfig(config),
        });
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
