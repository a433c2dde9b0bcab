import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { checks } from '@internal/plugin-go-scorecard-common';
import express from 'express';
import request from 'supertest';
import { specViolations } from '../__testUtils__/openApiSpec';
import { storeWorld, WorldEntity } from '../__testUtils__/reportWorld';
import { createTestStore } from '../__testUtils__/stores';
import { testDatabaseOptions } from '../__testUtils__/testDatabaseIds';
import { EntitySelection } from '../scanning/EntitySelection';
import { ScanWorker } from '../scanning/ScanWorker';
import { LocalRoots } from '../source/LocalRoots';
import { ReadableEntities } from './ReadableEntities';
import { createRouter } from './router';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const path = '/waivers/expiring';

function service(
  name: string,
  owner: string,
  waived: Record<string, string[]>,
): WorldEntity {
  return {
    target: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      namespace: 'default',
      name,
      title: name === 'cart' ? 'Cart' : undefined,
      owner: `group:default/${owner}`,
    },
    scan: {
      state: 'scanned',
      at: 1000,
      statuses: Object.fromEntries(checks.map(c => [c.id, 'pass'])),
      waived,
    },
  };
}

describe.each(databases.eachSupportedId())(
  'GET /waivers/expiring on %p',
  databaseId => {
    const world = [
      service('cart', 'team-a', {
        'k8s-grace-period': ['2026-12-10', '2027-06-30'],
        'grpc-deprecated-dial': ['2026-12-31'],
      }),
      service('orders', 'team-b', { 'k8s-prestop': ['2026-12-05'] }),
      // team-a's, but the caller may not read it.
      service('hidden', 'team-a', { 'k8s-prestop': ['2026-12-02'] }),
      service('clean', 'team-a', {}),
    ];
    let app: express.Express;

    beforeAll(async () => {
      const { store } = await createTestStore(databases, databaseId);
      await storeWorld(store, world);
      // A department above both teams (as the catalog sync stores it).
      await store.groups.replaceGroupDescendants([
        ['group:default/dept', 'group:default/team-a'],
        ['group:default/dept', 'group:default/team-b'],
      ]);
      const readable = {
        refs: async () =>
          new Set(
            world
              .map(e => e.target.entityRef)
              .filter(ref => !ref.endsWith('/hidden')),
          ),
      } as unknown as ReadableEntities;
      const router = await createRouter({
        store,
        worker: {} as ScanWorker,
        selection: new EntitySelection({ kinds: ['Component'] }),
        readable,
        localRoots: new LocalRoots([]),
        httpAuth: mockServices.httpAuth(),
        permissions: mockServices.permissions(),
        logger: mockServices.logger.mock(),
        historyRetentionMs: 90 * 24 * 60 * 60 * 1000,
      });
      const middleware = MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      });
      app = express().use(router).use(middleware.error());
    });

    beforeEach(() => {
      jest
        .spyOn(Date, 'now')
        .mockReturnValue(Date.parse('2026-12-01T12:00:00Z'));
    });
    afterEach(() => jest.restoreAllMocks());

    it("lists a team's waivers expiring within the window, soonest first, with the finding's place and the waiver", async () => {
      const res = await request(app).get(`${path}?owner=team-a&days=30`);
      expect(res.status).toBe(200);
      expect(specViolations('get', path, 200, res.body)).toEqual([]);
      expect(res.body).toEqual({
        days: 30,
        until: '2026-12-31',
        totalItems: 2,
        items: [
          {
            entityRef: 'component:default/cart',
            title: 'Cart',
            owner: 'group:default/team-a',
            checkId: 'k8s-grace-period',
            path: 'deploy/app.yaml',
            line: 10,
            reason: 'batch worker, serves no traffic',
            expires: '2026-12-10',
            source: '.go-scorecard.yaml:3',
          },
          expect.objectContaining({
            entityRef: 'component:default/cart',
            checkId: 'grpc-deprecated-dial',
            expires: '2026-12-31',
          }),
        ],
      });
    });

    it('defaults to 30 days and every owner the caller may read; days and limit bound the list', async () => {
      const all = await request(app).get(path);
      expect(
        all.body.items.map((i: { entityRef: string; expires: string }) => [
          i.entityRef,
          i.expires,
        ]),
      ).toEqual([
        ['component:default/orders', '2026-12-05'],
        ['component:default/cart', '2026-12-10'],
        ['component:default/cart', '2026-12-31'],
      ]);
      const soon = await request(app).get(`${path}?days=4`);
      expect(soon.body).toMatchObject({ until: '2026-12-05', totalItems: 1 });
      const none = await request(app).get(`${path}?days=3&owner=team-a`);
      expect(none.body).toEqual({
        days: 3,
        until: '2026-12-04',
        items: [],
        totalItems: 0,
      });
      const first = await request(app).get(`${path}?limit=1`);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.totalItems).toBe(3);
      const longer = await request(app).get(
        `${path}?owner=group:default/team-a,team-b&days=365`,
      );
      expect(longer.body.totalItems).toBe(4);
    });

    it("rolls a department up to its teams' waivers", async () => {
      const res = await request(app).get(`${path}?owner=dept&days=365`);
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((i: { entityRef: string; owner: string }) => [
          i.entityRef,
          i.owner,
        ]),
      ).toEqual([
        ['component:default/orders', 'group:default/team-b'],
        ['component:default/cart', 'group:default/team-a'],
        ['component:default/cart', 'group:default/team-a'],
        ['component:default/cart', 'group:default/team-a'],
      ]);
    });

    it('rejects a bad window, naming the parameter', async () => {
      const res = await request(app).get(`${path}?days=-1`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/days/);
    });
  },
);
