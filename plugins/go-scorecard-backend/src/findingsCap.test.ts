import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CheckResult } from '@internal/plugin-go-scorecard-common';
import request from 'supertest';
import plugin from './index';
import { component, FixtureUrlReader } from './__testUtils__/fixtures';
import { specViolations } from './__testUtils__/openApiSpec';
import { testDatabaseOptions } from './__testUtils__/testDatabaseIds';

jest.setTimeout(120_000);

const databases = TestDatabases.create(testDatabaseOptions);
const URL = 'https://git.example.com/acme/tools/tree/main/';
const ENTITY = '/api/go-scorecard/entities/component/default/tools';

/** A Makefile whose one target runs `go get` 10,000 times: 10,000 go-get-install findings. */
const makefile = [
  'tools:',
  ...Array.from(
    { length: 10_000 },
    (_, i) => `\tgo get github.com/x/cmd/tool${i + 1}`,
  ),
  '',
].join('\n');

describe.each(databases.eachSupportedId())(
  'findings per check are capped on %p',
  databaseId => {
    async function start(limits?: { maxFindingsPerCheck: number }) {
      const knex = await databases.init(databaseId);
      const entities: Entity[] = [
        component('tools', { 'backstage.io/source-location': `url:${URL}` }),
      ];
      const reader = new FixtureUrlReader({
        [URL]: {
          etag: 'c'.repeat(40),
          files: {
            'go.mod': 'module example.com/tools\n\ngo 1.22\n',
            Makefile: makefile,
          },
        },
      });
      const tasks: Record<string, () => Promise<void>> = {};
      const { server } = await startTestBackend({
        features: [
          plugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              goScorecard: {
                schedule: { maxRetries: 0 },
                ...(limits ? { limits } : {}),
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
          catalogServiceMock.factory({ entities }),
        ],
      });
      await tasks['go-scorecard-catalog-sync']();
      await tasks['go-scorecard-scan']();
      return { server, knex };
    }

    const goGet = (checks: CheckResult[]) =>
      checks.find(c => c.id === 'go-get-install')!;

    it('stores and returns the first 100 findings, the true total, and a small response', async () => {
      const { server, knex } = await start();

      const stored = await knex('go_scorecard_check_results')
        .where({ check_id: 'go-get-install' })
        .first();
      expect(JSON.parse(stored.findings)).toHaveLength(100);
      expect(Number(stored.finding_count)).toBe(10_000);

      const res = await request(server).get(ENTITY).expect(200);
      expect(
        specViolations(
          'get',
          '/entities/{kind}/{namespace}/{name}',
          200,
          res.body,
        ),
      ).toEqual([]);
      const check = goGet(res.body.checks);
      expect(check.status).toBe('fail');
      expect(check.totalFindings).toBe(10_000);
      expect(check.findings).toHaveLength(100);
      expect(check.findings[0]).toMatchObject({ path: 'Makefile', line: 2 });
      expect(check.findings[99]).toMatchObject({ path: 'Makefile', line: 101 });
      // Every other check carries its total too.
      for (const c of res.body.checks as CheckResult[]) {
        expect(c.totalFindings).toBeGreaterThanOrEqual(c.findings.length);
      }
      // Uncapped this was 3.2 MB.
      const bytes = Buffer.byteLength(res.text);
      expect(bytes).toBeLessThan(100 * 1024);
      // eslint-disable-next-line no-console
      console.log(
        `${databaseId}: entity response with a 10,000-line Makefile: ${bytes} bytes`,
      );

      const scan = await request(server).post(`${ENTITY}/scan`).expect(200);
      expect(
        specViolations(
          'post',
          '/entities/{kind}/{namespace}/{name}/scan',
          200,
          scan.body,
        ),
      ).toEqual([]);
      expect(goGet(scan.body.checks)).toMatchObject({ totalFindings: 10_000 });
      expect(goGet(scan.body.checks).findings).toHaveLength(100);
    });

    it('caps a result stored before the cap when it is read', async () => {
      const { server, knex } = await start();
      // What the plugin stored before findings were capped: all of them.
      const all = Array.from({ length: 150 }, (_, i) => ({
        path: 'Makefile',
        line: i + 2,
        message: 'm',
        snippet: 's',
      }));
      await knex('go_scorecard_check_results')
        .where({ check_id: 'go-get-install' })
        .update({ findings: JSON.stringify(all), finding_count: 150 });
      const res = await request(server).get(ENTITY).expect(200);
      const check = goGet(res.body.checks);
      expect(check.findings).toHaveLength(100);
      expect(check.totalFindings).toBe(150);
    });

    it('follows goScorecard.limits.maxFindingsPerCheck', async () => {
      const { server } = await start({ maxFindingsPerCheck: 7 });
      const res = await request(server).get(ENTITY).expect(200);
      const check = goGet(res.body.checks);
      expect(check.findings).toHaveLength(7);
      expect(check.totalFindings).toBe(10_000);
      expect(check.status).toBe('fail');
    });
  },
);
