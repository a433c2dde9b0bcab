import { createServiceFactory } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import request from 'supertest';
import {
  component,
  FixtureUrlReader,
  fixedGoServiceFiles,
  goServiceFiles,
} from './__testUtils__/fixtures';
import { startScorecardBackend } from './__testUtils__/testBackend';
import { testDatabaseOptions } from './__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const URL = 'https://git.example.com/acme/svc-b/tree/main/';

describe.each(databases.eachSupportedId())(
  'go-scorecard backend notifications on %p',
  databaseId => {
    async function start(goScorecard: object = {}) {
      const sent: NotificationSendOptions[] = [];
      const reader = new FixtureUrlReader({
        [URL]: { etag: 'fixed', files: fixedGoServiceFiles },
      });
      const { server, tasks } = await startScorecardBackend({
        databases,
        databaseId,
        entities: [
          component('svc-b', { 'backstage.io/source-location': `url:${URL}` }),
        ],
        reader,
        config: {
          goScorecard: {
            schedule: { scanNowCooldown: { milliseconds: 0 } },
            ...goScorecard,
          },
        },
        features: [
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({
              send: async (options: NotificationSendOptions) => {
                sent.push(options);
              },
            }),
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
