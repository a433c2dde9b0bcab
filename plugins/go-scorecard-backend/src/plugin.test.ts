import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import plugin from './index';
import {
  component,
  FixtureUrlReader,
  goServiceFiles,
} from './__testUtils__/fixtures';
import { testDatabaseOptions } from './__testUtils__/testDatabaseIds';
import { specViolations } from './__testUtils__/openApiSpec';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const RESTRICTED = 'user:default/restricted';

describe.each(databases.eachSupportedId())(
  'go-scorecard backend on %p',
  databaseId => {
    let base: string;
    let entities: Entity[];
    let reader: FixtureUrlReader;
    let tasks: Record<string, () => Promise<void>>;

    beforeAll(async () => {
      base = await fs.mkdtemp(join(tmpdir(), 'go-scorecard-plugin-'));
      const root = join(base, 'repos');
      for (const [path, content] of Object.entries(goServiceFiles)) {
        await fs.mkdir(join(root, 'svc-a'), { recursive: true });
        await fs.writeFile(join(root, 'svc-a', path), content);
      }
      await fs.mkdir(join(base, 'secret'), { recursive: true });
    });
    afterAll(() => fs.rm(base, { recursive: true, force: true }));

    beforeEach(() => {
      const managedBy = `file:${join(base, 'repos', 'entities.yaml')}`;
      entities = [
        component(
          'svc-a',
          {
            'backstage.io/managed-by-location': managedBy,
            'backstage.io/source-location': 'dir:./svc-a/',
          },
          { system: 'shop' },
        ),
        component(
          'svc-b',
          {
            'backstage.io/source-location':
              'url:https://git.example.com/acme/svc-b/tree/main/',
          },
          { owner: 'team-b' },
        ),
        component(
          'web',
          {
            'backstage.io/source-location':
              'url:https://git.example.com/acme/web/tree/main/',
          },
          { type: 'website' },
        ),
        component('escape', {
          'backstage.io/managed-by-location': managedBy,
          'backstage.io/source-location': 'dir:../secret',
        }),
        component('opted-out', {
          'go-scorecard/enabled': 'false',
          'backstage.io/source-location': 'url:https://x/',
        }),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'team-a', namespace: 'default' },
          spec: { type: 'team', children: [] },
        },
      ];
      reader = new FixtureUrlReader({
        'https://git.example.com/acme/svc-b/tree/main/': {
          etag: 'b'.repeat(40),
          files: goServiceFiles,
        },
        'https://git.example.com/acme/web/tree/main/': {
          etag: 'web-1',
          files: { 'index.html': '<html/>' },
        },
      });
      tasks = {};
    });

    /** The restricted user may not read svc-a; everyone else reads everything. */
    function visible(credentials: BackstageCredentials) {
      const principal = credentials.principal as { userEntityRef?: string };
      return (e: Entity) =>
        !(
          principal.userEntityRef === RESTRICTED && e.metadata.name === 'svc-a'
        );
    }

    async function start(
      schedule: object = { scanNowCooldown: { milliseconds: 0 } },
    ) {
      const knex = await databases.init(databaseId);
      const catalog = catalogServiceMock.mock({
        streamEntities: (req, opts) =>
          catalogServiceMock({ entities }).streamEntities(req, opts),
        getEntities: async (req, opts) => {
          const res = await catalogServiceMock({ entities }).getEntities(
            req,
            opts,
          );
          const allowed = new Set(
            entities
              .filter(
                visible(
                  (opts as { credentials: BackstageCredentials }).credentials,
                ),
              )
              .map(e => stringifyEntityRef(e)),
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
          return entity &&
            visible(
              (opts as { credentials: BackstageCredentials }).credentials,
            )(entity)
            ? entity
            : undefined;
        },
      });
      const { server } = await startTestBackend({
        features: [
          plugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              goScorecard: {
                localRoots: [join(base, 'repos')],
                schedule: { maxRetries: 0, ...schedule },
              },
            },
          }),
          mockServices.urlReader.mock({ readTree: reader.readTree as any })
            .factory,
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
        ],
      });
      return server;
    }

    async function cycle() {
      await tasks['go-scorecard-catalog-sync']();
      await tasks['go-scorecard-scan']();
    }

    it('scans local and URL sources and serves the latest results', async () => {
      const server = await start();
      await cycle();

      await request(server)
        .get('/api/go-scorecard/health')
        .set('Authorization', mockCredentials.none.header())
        .expect(200, { status: 'ok' });
      await request(server)
        .get('/api/go-scorecard/checks')
        .set('Authorization', mockCredentials.none.header())
        .expect(401);

      const checks = await request(server)
        .get('/api/go-scorecard/checks')
        .expect(200);
      expect(specViolations('get', '/checks', 200, checks.body)).toEqual([]);
      expect(checks.body.checks).toHaveLength(18);
      expect(checks.body.checks[0].docPath).toBe(
        '/go-scorecard/lessons/tooling#go-get-install',
      );

      const a = await request(server)
        .get('/api/go-scorecard/entities/component/default/svc-a')
        .expect(200);
      expect(
        specViolations(
          'get',
          '/entities/{kind}/{namespace}/{name}',
          200,
          a.body,
        ),
      ).toEqual([]);
      expect(a.body).toMatchObject({
        state: 'scanned',
        stale: false,
        system: 'system:default/shop',
        owner: 'group:default/team-a',
      });
      // A local source is shown under its allowed root's name, not as the server's path.
      expect(a.body.root).toBe('local:repos/svc-a');
      expect(a.body.checks).toHaveLength(18);
      expect(a.body.etag).toMatch(/^sha256:/);
      const discarded = a.body.checks.find(
        (c: any) => c.id === 'context-cancel-discarded',
      );
      expect(discarded).toMatchObject({
        status: 'fail',
        lesson: 4,
        severity: 'error',
      });
      expect(discarded.findings[0]).toMatchObject({
        path: 'main.go',
        line: 10,
      });

      const b = await request(server)
        .get('/api/go-scorecard/entities/component/default/svc-b')
        .expect(200);
      expect(b.body).toMatchObject({
        state: 'scanned',
        commit: 'b'.repeat(40),
        owner: 'group:default/team-b',
      });
      // Only the files the analyzer reads were fetched.
      expect(reader.calls.find(c => c.url.includes('svc-b'))!.filtered).toEqual(
        ['README.md'],
      );

      const web = await request(server)
        .get('/api/go-scorecard/entities/component/default/web')
        .expect(200);
      expect(
        web.body.checks.every((c: any) => c.status === 'not_applicable'),
      ).toBe(true);

      const escape = await request(server)
        .get('/api/go-scorecard/entities/component/default/escape')
        .expect(200);
      // Failed with no earlier result: nothing is stale.
      expect(escape.body).toMatchObject({ state: 'failed', stale: false });
      // One refusal for "outside" and "not found", without the server's paths.
      expect(escape.body.error).toBe(
        'Local source dir:../secret (backstage.io/source-location) cannot be read: not found or outside goScorecard.localRoots',
      );
      expect(JSON.stringify(escape.body)).not.toContain(base);
      expect(escape.body.checks.every((c: any) => c.status === 'error')).toBe(
        true,
      );

      await request(server)
        .get('/api/go-scorecard/entities/component/default/opted-out')
        .expect(404);
      await request(server)
        .get('/api/go-scorecard/entities/component/default/nope')
        .expect(404);
      await request(server)
        .get('/api/go-scorecard/entities/group/default/team-a')
        .expect(404);
      const bad = await request(server)
        .get('/api/go-scorecard/entities/comp%20onent/default/x')
        .expect(400);
      expect(bad.body.error.message).toMatch(
        /request\/params\/kind must match pattern/,
      );
    });

    it('skips analysis of an unchanged tree and keeps stale results when a read fails', async () => {
      const server = await start();
      await cycle();
      const first = await request(server)
        .get('/api/go-scorecard/entities/component/default/svc-b')
        .expect(200);

      const rescan = await request(server)
        .post('/api/go-scorecard/entities/component/default/svc-b/scan')
        .expect(200);
      expect(rescan.body.scan).toEqual({
        state: 'completed',
        nextScanAllowedAt: expect.any(String),
      });
      expect(
        reader.calls.filter(c => c.url.includes('svc-b')).map(c => c.etag),
      ).toEqual([undefined, 'b'.repeat(40)]);
      expect(rescan.body.scannedAt).toBe(first.body.scannedAt);
      expect(rescan.body.checks).toEqual(first.body.checks);

      delete reader.repos['https://git.example.com/acme/svc-b/tree/main/'];
      const failed = await request(server)
        .post('/api/go-scorecard/entities/component/default/svc-b/scan')
        .expect(200);
      expect(
        specViolations(
          'post',
          '/entities/{kind}/{namespace}/{name}/scan',
          200,
          failed.body,
        ),
      ).toEqual([]);
      expect(failed.body).toMatchObject({
        state: 'scanned',
        stale: true,
        error: expect.stringMatching(/not found/),
      });
      expect(failed.body.checks).toEqual(first.body.checks);

      const history = await request(server)
        .get('/api/go-scorecard/history?entityRef=component:default/svc-b')
        .expect(200);
      expect(specViolations('get', '/history', 200, history.body)).toEqual([]);
      // One point per day: the day's last scan, changed because one of its scans was.
      expect(history.body.points.map((p: any) => p.changed)).toEqual([true]);
      const org = await request(server)
        .get('/api/go-scorecard/history')
        .expect(200);
      expect(specViolations('get', '/history', 200, org.body)).toEqual([]);
      expect(org.body.points).toHaveLength(1);
      // svc-a and svc-b: web has no Go, escape no scan.
      expect(org.body.points[0].entities).toBe(2);
      // The report's filters.
      const teamB = await request(server)
        .get('/api/go-scorecard/history?owner=team-b&lesson=context')
        .expect(200);
      expect(specViolations('get', '/history', 200, teamB.body)).toEqual([]);
      expect(teamB.body.points.map((p: any) => p.entities)).toEqual([1]);
      await request(server).get('/api/go-scorecard/history?days=0').expect(400);
      await request(server)
        .get(
          '/api/go-scorecard/history?entityRef=component:default/svc-b&owner=team-b',
        )
        .expect(400);
      await request(server)
        .get('/api/go-scorecard/history?entityRef=component:default/nope')
        .expect(404);
    });

    it('answers 429 with Retry-After to a second scan-now within the cooldown', async () => {
      const server = await start({ scanNowCooldown: { minutes: 1 } });
      await cycle();
      const path = '/api/go-scorecard/entities/component/default/svc-b/scan';
      const first = await request(server).post(path).expect(200);
      const allowedAt = Date.parse(first.body.scan.nextScanAllowedAt);
      expect(allowedAt - Date.now()).toBeGreaterThan(50_000);
      const again = await request(server).post(path).expect(429);
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(50);
      expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(
        specViolations(
          'post',
          '/entities/{kind}/{namespace}/{name}/scan',
          429,
          again.body,
        ),
      ).toEqual([]);
      expect(again.body.error.message).toMatch(
        /^Scanned on request less than 60 s ago: Scan now is allowed again in \d+ s$/,
      );
      // Backstage's ErrorResponseBody: the frontend's ResponseError then shows the message,
      // not the raw body.
      expect(again.body).toMatchObject({
        request: { method: 'POST', url: path },
        response: { statusCode: 429 },
      });
      expect(
        Math.abs(Date.parse(again.body.nextScanAllowedAt) - allowedAt),
      ).toBeLessThan(5_000);
    });

    it('stops serving entities removed from the catalog, and scans new ones', async () => {
      const server = await start();
      await cycle();
      entities = entities.filter(e => e.metadata.name !== 'web');
      entities.push(
        component('svc-c', {
          'backstage.io/source-location':
            'url:https://git.example.com/acme/svc-b/tree/main/',
        }),
      );
      await cycle();
      await request(server)
        .get('/api/go-scorecard/entities/component/default/web')
        .expect(404);
      const c = await request(server)
        .get('/api/go-scorecard/entities/component/default/svc-c')
        .expect(200);
      expect(c.body.state).toBe('scanned');
      const report = await request(server)
        .get('/api/go-scorecard/report')
        .expect(200);
      expect(report.body.items.map((r: any) => r.name)).toEqual([
        'escape',
        'svc-a',
        'svc-b',
        'svc-c',
      ]);
    });

    it('reports with filters, sorting, pagination and aggregates', async () => {
      const server = await start();
      await cycle();
      const all = await request(server)
        .get('/api/go-scorecard/report')
        .expect(200);
      expect(specViolations('get', '/report', 200, all.body)).toEqual([]);
      // web (index.html only) is not a Go service: not listed, not counted.
      expect(all.body.totalItems).toBe(3);
      expect(
        all.body.aggregates.byOwner.map((o: any) => [o.owner, o.entities]),
      ).toEqual([
        ['group:default/team-a', 2],
        ['group:default/team-b', 1],
      ]);
      const lesson4 = all.body.aggregates.byLesson.find(
        (l: any) => l.lesson === 4,
      );
      expect(lesson4.entities.fail).toBe(2);

      const failing = await request(server)
        .get(
          '/api/go-scorecard/report?check=context-cancel-discarded&status=fail',
        )
        .expect(200);
      expect(failing.body.items.map((r: any) => r.name)).toEqual([
        'svc-a',
        'svc-b',
      ]);
      expect(Object.keys(failing.body.items[0].checks)).toEqual([
        'context-cancel-discarded',
      ]);

      const byOwner = await request(server)
        .get('/api/go-scorecard/report?owner=team-b')
        .expect(200);
      expect(byOwner.body.items.map((r: any) => r.name)).toEqual(['svc-b']);
      const bySystem = await request(server)
        .get('/api/go-scorecard/report?system=shop&lesson=context')
        .expect(200);
      expect(bySystem.body.items.map((r: any) => r.name)).toEqual(['svc-a']);
      expect(
        bySystem.body.aggregates.byLesson.map((l: any) => l.lesson),
      ).toEqual([4]);
      const text = await request(server)
        .get('/api/go-scorecard/report?text=WEB')
        .expect(200);
      expect(text.body.items).toEqual([]);
      const notGo = await request(server)
        .get('/api/go-scorecard/report?text=WEB&status=not_go')
        .expect(200);
      expect(specViolations('get', '/report', 200, notGo.body)).toEqual([]);
      expect(
        notGo.body.items.map((r: any) => [r.name, r.goService, r.score]),
      ).toEqual([['web', false, undefined]]);
      expect(notGo.body.aggregates).toMatchObject({
        entities: 0,
        notGoEntities: 1,
      });

      const page = await request(server)
        .get(
          '/api/go-scorecard/report?orderBy=fail&order=desc&limit=2&offset=1',
        )
        .expect(200);
      expect(page.body).toMatchObject({ totalItems: 3, offset: 1, limit: 2 });
      expect(page.body.items).toHaveLength(2);

      for (const bad of [
        'limit=0',
        'limit=501',
        'orderBy=nope',
        'status=great',
        'check=nope',
        'lesson=9',
        'order=up',
        'foo=1',
      ]) {
        const res = await request(server)
          .get(`/api/go-scorecard/report?${bad}`)
          .expect(400);
        expect(res.body.error.name).toBe('InputError');
      }

      const csv = await request(server)
        .get('/api/go-scorecard/report.csv?orderBy=entity')
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toMatch(
        /^entityRef,title,owner,system,type,state,scannedAt/,
      );
      // The title cell: the entity's title, or its name without one.
      expect(lines.slice(1).map(l => l.split(',').slice(0, 2))).toEqual([
        ['component:default/escape', 'escape'],
        ['component:default/svc-a', 'svc-a'],
        ['component:default/svc-b', 'svc-b'],
      ]);
      const notGoCsv = await request(server)
        .get('/api/go-scorecard/report.csv?status=not_go')
        .expect(200);
      expect(notGoCsv.text).toMatch(/^component:default\/web,web,/m);
    });

    it('shows what went wrong: scan notes, refused sources in the report, entities not synced yet', async () => {
      reader.repos['https://git.example.com/acme/svc-b/tree/main/'].files = {
        ...goServiceFiles,
        'tools/blob.go': 'package tools\u0000\u0001',
      };
      const server = await start();

      // Before the first catalog sync: selected entities say so; the others are not found.
      const early = await request(server)
        .get('/api/go-scorecard/entities/component/default/svc-b')
        .expect(200);
      expect(
        specViolations(
          'get',
          '/entities/{kind}/{namespace}/{name}',
          200,
          early.body,
        ),
      ).toEqual([]);
      expect(early.body).toMatchObject({
        state: 'unsynced',
        syncIntervalSeconds: 30,
        checks: [],
      });
      await request(server)
        .get('/api/go-scorecard/entities/component/default/opted-out')
        .expect(404);

      await cycle();
      const b = await request(server)
        .get('/api/go-scorecard/entities/component/default/svc-b')
        .expect(200);
      expect(b.body.state).toBe('scanned');
      expect(b.body.notes).toEqual([
        { path: 'tools/blob.go', message: 'skipped: binary file' },
      ]);

      const errors = await request(server)
        .get('/api/go-scorecard/report?status=error')
        .expect(200);
      expect(specViolations('get', '/report', 200, errors.body)).toEqual([]);
      expect(errors.body.items.map((r: any) => r.name)).toContain('escape');
      const escape = errors.body.items.find((r: any) => r.name === 'escape');
      expect(escape).toMatchObject({
        state: 'failed',
        error: expect.stringMatching(/outside .*goScorecard\.localRoots/),
        counts: { error: 18 },
      });
      const all = await request(server)
        .get('/api/go-scorecard/report')
        .expect(200);
      expect(all.body.aggregates).toMatchObject({
        entities: 3,
        failedEntities: 1,
      });
      const csv = await request(server)
        .get('/api/go-scorecard/report.csv?status=error')
        .expect(200);
      expect(csv.text).toMatch(/^component:default\/escape,.*,failed,/m);
    });

    it('hides entities the caller may not read, CSV included, and checks the scan permission', async () => {
      const server = await start();
      await cycle();
      const auth = mockCredentials.user.header(RESTRICTED);
      const report = await request(server)
        .get('/api/go-scorecard/report')
        .set('Authorization', auth)
        .expect(200);
      expect(report.body.items.map((r: any) => r.name)).toEqual([
        'escape',
        'svc-b',
      ]);
      expect(report.body.aggregates.entities).toBe(2);
      const csv = await request(server)
        .get('/api/go-scorecard/report.csv')
        .set('Authorization', auth)
        .expect(200);
      expect(csv.text).not.toContain('svc-a');
      expect(csv.text).toContain('svc-b');
      await request(server)
        .get('/api/go-scorecard/entities/component/default/svc-a')
        .set('Authorization', auth)
        .expect(404);
      await request(server)
        .get('/api/go-scorecard/history?entityRef=component:default/svc-a')
        .set('Authorization', auth)
        .expect(404);
      await request(server)
        .post('/api/go-scorecard/entities/component/default/svc-b/scan')
        .set('Authorization', auth)
        .expect(403);
    });
  },
);
