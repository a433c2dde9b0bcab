import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import express from 'express';
import request from 'supertest';
import { component } from '../__testUtils__/fixtures';
import { specViolations } from '../__testUtils__/openApiSpec';
import { fakeReport } from '../__testUtils__/reports';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { ScorecardStore } from '../database/ScorecardStore';
import { EntitySelection } from '../scanning/EntitySelection';
import { ScanWorker } from '../scanning/ScanWorker';
import { LocalRoots } from '../source/LocalRoots';
import { ReadableEntities } from './ReadableEntities';
import { createRouter } from './router';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const entityPath = '/entities/{kind}/{namespace}/{name}';

/**
 * What went wrong is visible: a scan's notes, an entity whose scan failed (in the report,
 * its filter and CSV), and a selected entity not synced yet versus one not selected.
 */
describe.each(databases.eachSupportedId())(
  'router: scan problems on %p',
  databaseId => {
    const notes = [
      { path: 'assets/logo.go', message: 'skipped: binary file' },
      {
        path: 'deploy/values.yaml',
        message: 'YAML could not be read: alias bomb',
      },
    ];
    const entities: Entity[] = [
      component('noted', {
        'backstage.io/source-location': 'url:https://x/noted/',
      }),
      component('refused', { 'backstage.io/source-location': 'dir:../secret' }),
      component('brand-new', {
        'backstage.io/source-location': 'url:https://x/new/',
      }),
      component('opted-out', {
        'backstage.io/source-location': 'url:https://x/out/',
        'go-scorecard/enabled': 'false',
      }),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'team-a', namespace: 'default' },
        spec: { type: 'team', children: [] },
      },
    ];

    async function start(options: { failCsv?: boolean } = {}) {
      const knex = await databases.init(databaseId);
      await ScorecardStore.migrateUp(knex);
      const store = ScorecardStore.fromKnex(knex);
      if (options.failCsv) {
        // eslint-disable-next-line require-yield
        store.queryReportCsv = async function* failing() {
          throw new Error('the database went away');
        };
      }
      const selection = new EntitySelection({ kinds: ['Component'] });
      // The catalog sync has seen every selected entity but `brand-new`.
      const synced = entities.filter(
        e => selection.includes(e) && e.metadata.name !== 'brand-new',
      );
      await store.syncTargets(
        synced.map(e => selection.toTarget(e)),
        1000,
      );
      await store.claimDue({
        owner: 'r1',
        now: 1000,
        limit: 10,
        leaseMs: 60_000,
      });
      await store.completeScans(
        [
          {
            unchanged: false,
            entityRef: 'component:default/noted',
            report: { ...fakeReport({ 'go-get-install': 'fail' }), notes },
            etag: 'e1',
          },
        ],
        'r1',
        { now: 1000, nextScanAt: 5000 },
      );
      await store.failScan('component:default/refused', 'r1', {
        error:
          "Source location 'dir:../secret' is outside the allowed goScorecard.localRoots",
        now: 1000,
        nextScanAt: 5000,
        attempts: 1,
      });

      const byRef = new Map(
        entities.map(e => [
          stringifyEntityRef(e).toLocaleLowerCase('en-US'),
          e,
        ]),
      );
      const readable = {
        refs: async () =>
          new Set(
            [...byRef.keys()].filter(ref => ref.startsWith('component:')),
          ),
        get: async (ref: string) => byRef.get(ref),
      } as unknown as ReadableEntities;
      const router = await createRouter({
        store,
        worker: {} as ScanWorker,
        selection,
        readable,
        localRoots: new LocalRoots([]),
        httpAuth: mockServices.httpAuth(),
        permissions: mockServices.permissions(),
        logger: mockServices.logger.mock(),
        historyRetentionMs: 90 * 24 * 60 * 60 * 1000,
        catalogSyncIntervalMs: 45_000,
      });
      const middleware = MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      });
      return express().use(router).use(middleware.error());
    }

    it("returns the scan's notes with the entity's result", async () => {
      const app = await start();
      const res = await request(app)
        .get('/entities/component/default/noted')
        .expect(200);
      expect(specViolations('get', entityPath, 200, res.body)).toEqual([]);
      expect(res.body.notes).toEqual(notes);
      expect(res.body.state).toBe('scanned');
    });

    it('shows an entity whose scan failed as failed, with the reason, found by status=error', async () => {
      const app = await start();
      const entity = await request(app)
        .get('/entities/component/default/refused')
        .expect(200);
      expect(specViolations('get', entityPath, 200, entity.body)).toEqual([]);
      expect(entity.body).toMatchObject({
        state: 'failed',
        error: expect.stringMatching(/outside the allowed/),
        counts: { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 18 },
      });

      const all = await request(app).get('/report').expect(200);
      expect(specViolations('get', '/report', 200, all.body)).toEqual([]);
      expect(all.body.aggregates).toMatchObject({
        entities: 2,
        failedEntities: 1,
        // The score is the scanned entity's alone: 17 of 18 pass.
        score: 94,
      });
      const refused = all.body.items.find((r: any) => r.name === 'refused');
      expect(refused).toMatchObject({
        state: 'failed',
        error: expect.stringMatching(/outside the allowed/),
        counts: { error: 18 },
        lessons: { '1': 'error', '5': 'error' },
      });

      const errors = await request(app).get('/report?status=error').expect(200);
      expect(errors.body.items.map((r: any) => r.name)).toEqual(['refused']);
      expect(errors.body.aggregates.failedEntities).toBe(1);
      const lesson = await request(app)
        .get('/report?status=error&lesson=shutdown')
        .expect(200);
      expect(lesson.body.items.map((r: any) => r.name)).toEqual(['refused']);
      const failing = await request(app).get('/report?status=fail').expect(200);
      expect(failing.body.items.map((r: any) => r.name)).toEqual(['noted']);
      expect(failing.body.aggregates.failedEntities).toBe(0);

      const csv = await request(app)
        .get('/report.csv?status=error&check=go-get-install')
        .expect(200);
      const [header, row] = csv.text
        .trim()
        .split('\r\n')
        .map(l => l.split(','));
      const cell = (name: string) => row[header.indexOf(name)];
      expect(cell('entityRef')).toBe('component:default/refused');
      expect(cell('state')).toBe('failed');
      expect(cell('error')).toMatch(/outside the allowed/);
      expect(cell('errors')).toBe('1');
      expect(cell('go-get-install')).toBe('error');
    });

    it('answers a CSV whose query fails with an error, not a cut-off download', async () => {
      const app = await start({ failCsv: true });
      const res = await request(app).get('/report.csv').expect(500);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.headers['content-disposition']).toBeUndefined();
    });

    it('tells a selected entity not synced yet from one not selected', async () => {
      const app = await start();
      const unsynced = await request(app)
        .get('/entities/component/default/brand-new')
        .expect(200);
      expect(specViolations('get', entityPath, 200, unsynced.body)).toEqual([]);
      expect(unsynced.body).toMatchObject({
        entityRef: 'component:default/brand-new',
        state: 'unsynced',
        syncIntervalSeconds: 45,
        scanning: false,
        checks: [],
      });
      // Not stored, so not in the report until the sync picks it up.
      const report = await request(app).get('/report').expect(200);
      expect(report.body.items.map((r: any) => r.name)).not.toContain(
        'brand-new',
      );

      for (const path of [
        '/entities/component/default/opted-out',
        '/entities/group/default/team-a',
        '/entities/component/default/nope',
      ]) {
        await request(app).get(path).expect(404);
      }
    });
  },
);
