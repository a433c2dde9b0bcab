import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import request from 'supertest';
import {
  component,
  FixtureUrlReader,
  fixedGoServiceFiles,
  goServiceFiles,
} from './__testUtils__/fixtures';
import { pushPayload } from './__testUtils__/pushEvents';
import { startScorecardBackend } from './__testUtils__/testBackend';
import { testDatabaseOptions } from './__testUtils__/testDatabaseIds';
import { GITHUB_PUSH_TOPIC } from './events/githubPushEvent';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const SHOP = 'https://github.com/acme/shop/tree/main/';
const ENTITY = '/api/go-scorecard/entities/component/default/shop';

describe.each(databases.eachSupportedId())(
  'go-scorecard scan on push on %p',
  databaseId => {
    async function start(config: Record<string, unknown> = {}) {
      const reader = new FixtureUrlReader({
        [SHOP]: { etag: 'a'.repeat(40), files: goServiceFiles },
      });
      // One in-process events bus, as the events backend gives every plugin.
      const bus = DefaultEventsService.create({
        logger: mockServices.logger.mock(),
      });
      const started = await startScorecardBackend({
        databases,
        databaseId,
        reader,
        entities: [
          component('shop', { 'backstage.io/source-location': `url:${SHOP}` }),
        ],
        config,
        features: [
          createServiceFactory({
            service: eventsServiceRef,
            deps: { pluginMetadata: coreServices.pluginMetadata },
            factory: ({ pluginMetadata }) =>
              bus.forPlugin(pluginMetadata.getId()),
          }),
        ],
      });
      await started.tasks['go-scorecard-catalog-sync']();
      await started.tasks['go-scorecard-scan']();
      return { ...started, bus, reader };
    }

    async function discarded(server: any) {
      const res = await request(server).get(ENTITY).expect(200);
      return {
        etag: res.body.etag,
        status: res.body.checks.find(
          (c: any) => c.id === 'context-cancel-discarded',
        ).status,
      };
    }

    it('rescans the entity of the pushed repository at once', async () => {
      const { backend, server, bus, reader } = await start();
      expect(await discarded(server)).toEqual({
        etag: 'a'.repeat(40),
        status: 'fail',
      });

      // The fix is merged; GitHub sends the push.
      reader.repos[SHOP] = { etag: 'b'.repeat(40), files: fixedGoServiceFiles };
      await bus.publish({
        topic: GITHUB_PUSH_TOPIC,
        eventPayload: pushPayload(),
        metadata: { 'x-github-event': 'push' },
      });

      // No scheduled task runs here: the push starts the scan itself.
      const deadline = Date.now() + 20_000;
      while (
        (await discarded(server)).etag !== 'b'.repeat(40) &&
        Date.now() < deadline
      ) {
        await new Promise(r => setTimeout(r, 100));
      }
      expect(await discarded(server)).toEqual({
        etag: 'b'.repeat(40),
        status: 'pass',
      });
      await backend.stop();
    });

    it('does not rescan on a push to another branch or repository', async () => {
      const { backend, server, bus, reader, tasks } = await start();
      reader.repos[SHOP] = { etag: 'b'.repeat(40), files: fixedGoServiceFiles };
      for (const payload of [
        pushPayload({ ref: 'refs/heads/feature' }),
        pushPayload({
          repository: {
            full_name: 'acme/shop-api',
            html_url: 'https://github.com/acme/shop-api',
            clone_url: 'https://github.com/acme/shop-api.git',
          },
        }),
      ]) {
        await bus.publish({ topic: GITHUB_PUSH_TOPIC, eventPayload: payload });
      }
      // A scan run now finds nothing due: the entity waits for its hourly scan.
      await tasks['go-scorecard-scan']();
      expect(reader.calls).toHaveLength(1);
      expect((await discarded(server)).etag).toBe('a'.repeat(40));
      await backend.stop();
    });

    it('does not subscribe with goScorecard.scanOnPush.enabled false', async () => {
      const { backend, server, bus, reader } = await start({
        goScorecard: {
          schedule: { maxRetries: 0 },
          scanOnPush: { enabled: false },
        },
      });
      reader.repos[SHOP] = { etag: 'b'.repeat(40), files: fixedGoServiceFiles };
      await bus.publish({
        topic: GITHUB_PUSH_TOPIC,
        eventPayload: pushPayload(),
      });
      await new Promise(r => setTimeout(r, 300));
      expect(reader.calls).toHaveLength(1);
      expect((await discarded(server)).etag).toBe('a'.repeat(40));
      await backend.stop();
    });
  },
);
