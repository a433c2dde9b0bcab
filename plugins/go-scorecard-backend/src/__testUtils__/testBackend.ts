import {
  BackendFeature,
  BackstageCredentials,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import plugin from '../index';
import { FixtureUrlReader } from './fixtures';

/** A user who may read no entity named in `hidden`, and is denied every permission. */
export const RESTRICTED = 'user:default/restricted';

/**
 * Starts the plugin in a test backend on `databaseId`: a catalog of `entities` (the
 * {@link RESTRICTED} user cannot read those named in `hidden`, and is denied the
 * scorecard's permissions), sources read from `reader`, and the scheduler's tasks kept
 * in `tasks` (run one with `await tasks['go-scorecard-scan']()`).
 */
export async function startScorecardBackend(options: {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  entities: Entity[];
  reader: FixtureUrlReader;
  hidden?: string[];
  config?: Record<string, unknown>;
  features?: BackendFeature[];
}) {
  const { entities, reader } = options;
  const hidden = new Set(options.hidden ?? []);
  const knex = await options.databases.init(options.databaseId);
  const visible = (credentials: BackstageCredentials) => (e: Entity) => {
    const principal = credentials.principal as { userEntityRef?: string };
    return !(
      principal.userEntityRef === RESTRICTED && hidden.has(e.metadata.name)
    );
  };
  const credentialsOf = (opts: unknown) =>
    (opts as { credentials: BackstageCredentials }).credentials;
  const catalog = catalogServiceMock.mock({
    streamEntities: (req, opts) =>
      catalogServiceMock({ entities }).streamEntities(req, opts),
    getEntities: async (req, opts) => {
      const res = await catalogServiceMock({ entities }).getEntities(req, opts);
      const allowed = new Set(
        entities.filter(visible(credentialsOf(opts))).map(stringifyEntityRef),
      );
      return {
        items: res.items.filter(e => allowed.has(stringifyEntityRef(e))),
      };
    },
    getEntityByRef: async (ref, opts) => {
      const entity = await catalogServiceMock({ entities }).getEntityByRef(
        ref,
        opts,
      );
      return entity && visible(credentialsOf(opts))(entity)
        ? entity
        : undefined;
    },
  });
  const tasks: Record<string, () => Promise<void>> = {};
  const backend = await startTestBackend({
    features: [
      plugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://portal.example.com' },
          goScorecard: { schedule: { maxRetries: 0 } },
          ...options.config,
        },
      }),
      mockServices.urlReader.mock({ readTree: reader.readTree as any }).factory,
      mockServices.scheduler.mock({
        scheduleTask: async (
          task: SchedulerServiceTaskInvocationDefinition,
        ) => {
          tasks[task.id] = async () => {
            await (task.fn as (s: AbortSignal) => Promise<void>)(
              new AbortController().signal,
            );
          };
        },
      }).factory,
      mockServices.permissions.mock({
        authorize: async (requests, opts) => {
          const principal = opts.credentials.principal as {
            userEntityRef?: string;
          };
          const result =
            principal.userEntityRef === RESTRICTED
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW;
          return requests.map(() => ({ result }));
        },
      }).factory,
      catalog.factory,
      ...(options.features ?? []),
    ],
  });
  return { backend, server: backend.server, tasks };
}
