import {
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import plugin from './index';
import {
  component,
  FixtureUrlReader,
  goServiceFiles,
} from './__testUtils__/fixtures';
import { testDatabaseOptions } from './__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const URL = 'https://git.example.com/acme/svc-b/tree/main/';

/** `goServiceFiles` with the discarded cancel func called: the context checks pass. */
const fixedFiles = {
  ...goServiceFiles,
  'main.go': goServiceFiles['main.go'].replace(
    'ctx, _ := context.WithTimeout(context.Background(), time.Second)',
    'ctx, cancel := context.WithTimeout(context.Background(), time.Second)\n\tdefer cancel()',
  ),
};

describe.each(databases.eachSupportedId())(
  'go-scorecard backend notifications on %p',
  databaseId => {
    async function start(goScorecard: object = {}) {
      const knex = await databases.init(databaseId);
      const sent: NotificationSendOptions[] = [];
      const tasks: Record<string, () => Promise<void>> = {};
      const reader = new FixtureUrlReader({
        [URL]: { etag: 'fixed', files: fixedFiles },
      });
      const { server } = await startTestBackend({
        features: [
          plugin,
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({
              send: async (options: NotificationSendOptions) => {
                sent.push(options);
              },
            }),
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              goScorecard: {
                schedule: { scanNowCooldown: { milliseconds: 0 } },
                ...goScorecard,
              },
            },
          }),
          mockServices.urlReader.mock({ readTree: reader.readTree as any })
            .factory,
          mockServices.scheduler.mock({
            scheduleTask: async (
              task: SchedulerServiceTaskInvocationDefinition,
            ) => {
              tasks[task.id] = () =>
                (task.fn as (s: AbortSignal) => Promise<void>)(
                  new AbortController().signal,
                );
            },
          }).factory,
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          catalogServiceMock.factory({
            entities: [
              component('svc-b', {
                'backstage.io/source-location': `url:${URL}`,
              }),
            ],
          }),
        ],
      });
      const cycle = async () => {
        await tasks['go-scorecard-catalog-sync']();
        await tasks['go-scorecard-scan']();
      };
      return { server, sent, reader, cycle };
    }

    it('starts with the notifications service and notifies the owner after a scan-now regression', async () => {
      const { server, sent, reader, cycle } = await start();
      await cycle();
      const card = await request(server)
        .get('/api/go-scorecard/entities/component/default/svc-b')
        .expect(200);
      expect(
        card.body.checks.find(
          (c: { id: string }) => c.id === 'context-cancel-discarded',
        ).status,
      ).toBe('pass');
      expect(sent).toEqual([]);

      // The source changes: the cancel func is discarded again.
      reader.repos[URL] = { etag: 'broken', files: goServiceFiles };
      const scan = await request(server)
        .post('/api/go-scorecard/entities/component/default/svc-b/scan')
        .expect(200);
      expect(scan.body.scan.state).toBe('completed');
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: 'group:default/team-a',
      });
      expect(sent[0].payload).toMatchObject({
        topic: 'Go Scorecard',
        link: '/catalog/default/component/svc-b/go-scorecard',
      });
      expect(sent[0].payload.description).toContain('Regressed: svc-b: ');
    });

    it('sends nothing with goScorecard.notifications.enabled false', async () => {
      const { server, sent, reader, cycle } = await start({
        notifications: { enabled: false },
      });
      await cycle();
      reader.repos[URL] = { etag: 'broken', files: goServiceFiles };
      await request(server)
        .post('/api/go-scorecard/entities/component/default/svc-b/scan')
        .expect(200);
      expect(sent).toEqual([]);
    });
  },
);
