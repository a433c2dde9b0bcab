import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  component,
  FixtureUrlReader,
  fixedGoServiceFiles,
  goServiceFiles,
} from './__testUtils__/fixtures';
import { RESTRICTED, startScorecardBackend } from './__testUtils__/testBackend';
import { testDatabaseOptions } from './__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

const databases = TestDatabases.create(testDatabaseOptions);
const ACTIONS = '/api/go-scorecard/.backstage/actions/v1/actions';
const PORTAL = 'http://portal.example.com';

const repo = (name: string) => `https://github.com/acme/${name}/tree/main/`;

describe.each(databases.eachSupportedId())(
  'go-scorecard actions on %p',
  databaseId => {
    let server: any;
    let stop: () => Promise<void>;

    beforeAll(async () => {
      const reader = new FixtureUrlReader({
        [repo('svc-a')]: {
          etag: 'a'.repeat(40),
          files: {
            ...goServiceFiles,
            // Waived until a day long past: the finding counts again.
            '.go-scorecard.yaml': [
              'waivers:',
              '  - check: context-cancel-discarded',
              '    path: main.go',
              '    reason: timeout owned by the caller',
              '    expires: 2026-01-31',
              '',
            ].join('\n'),
          },
        },
        [repo('svc-b')]: { etag: 'b'.repeat(40), files: goServiceFiles },
        [repo('svc-c')]: {
          etag: 'c'.repeat(40),
          files: fixedGoServiceFiles,
        },
        // A web front end: no go.mod, no Go files.
        [repo('storefront-web')]: {
          etag: 'd'.repeat(40),
          files: {
            'package.json': '{"name":"storefront-web"}\n',
            'src/index.js': 'console.log("storefront");\n',
          },
        },
        // No repository at `broken`: its only scan fails.
      });
      const started = await startScorecardBackend({
        databases,
        databaseId,
        reader,
        entities: ['svc-a', 'svc-b', 'svc-c', 'storefront-web', 'broken']
          .map(name => ({
            ...component(
              name,
              { 'backstage.io/source-location': `url:${repo(name)}` },
              { owner: name === 'svc-b' ? 'team-b' : 'team-a' },
            ),
            // Two entities depend on svc-b (its impact); none on svc-a.
            relations:
              name === 'svc-b'
                ? [
                    {
                      type: 'dependencyOf',
                      targetRef: 'component:default/svc-c',
                    },
                    {
                      type: 'dependencyOf',
                      targetRef: 'component:default/storefront-web',
                    },
                  ]
                : [],
          }))
          .concat([
            // A department above team-a: its owner filter covers team-a's services.
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'dept', namespace: 'default' },
              spec: { type: 'department', children: ['team-a'] },
              relations: [
                { type: 'parentOf', targetRef: 'group:default/team-a' },
              ],
            },
          ]),
        hidden: ['svc-a'],
        // The real registry: the actions are served at /.backstage/actions/v1 as the
        // actions service (and so the MCP actions backend) calls them.
        features: [actionsRegistryServiceFactory],
      });
      await started.tasks['go-scorecard-catalog-sync']();
      await started.tasks['go-scorecard-scan']();
      server = started.server;
      stop = () => started.backend.stop();
    });
    afterAll(() => stop());

    function invoke(action: string, input: object, user = 'user:default/mock') {
      return request(server)
        .post(`${ACTIONS}/go-scorecard:${action}/invoke`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(input);
    }

    it('lists the three actions, read only', async () => {
      const res = await request(server)
        .get(ACTIONS)
        .set('Authorization', mockCredentials.user.header())
        .expect(200);
      expect(
        res.body.actions.map((a: any) => [a.id, a.attributes.readOnly]),
      ).toEqual([
        ['go-scorecard:get-entity-scorecard', true],
        ['go-scorecard:list-failing-services', true],
        ['go-scorecard:explain-check', true],
      ]);
      expect(res.body.actions[0].schema.input).toMatchObject({
        type: 'object',
        required: ['entityRef'],
      });
    });

    it('refuses an anonymous caller', async () => {
      const res = await request(server)
        .post(`${ACTIONS}/go-scorecard:explain-check/invoke`)
        .set('Authorization', mockCredentials.none.header())
        .send({ checkId: 'goleak-missing' });
      expect(res.status).toBe(401);
    });

    describe('get-entity-scorecard', () => {
      it('returns the checks, findings with file:line and fix links', async () => {
        const res = await invoke('get-entity-scorecard', {
          entityRef: 'svc-a',
        }).expect(200);
        const { output } = res.body;
        expect(output).toMatchObject({
          entityRef: 'component:default/svc-a',
          owner: 'group:default/team-a',
          state: 'scanned',
          stale: false,
          goService: true,
          score: expect.any(Number),
          scorecardUrl: `${PORTAL}/catalog/default/component/svc-a/go-scorecard`,
        });
        expect(output.notes).toBeUndefined();
        expect(output.checks).toHaveLength(18);
        expect(
          output.checks.find((c: any) => c.id === 'context-cancel-discarded'),
        ).toEqual({
          id: 'context-cancel-discarded',
          title: expect.any(String),
          lesson: 4,
          severity: 'error',
          status: 'fail',
          totalFindings: 1,
          findings: [
            {
              location: 'main.go:10',
              message: expect.any(String),
              snippet: expect.stringContaining('context.WithTimeout'),
              // Its waiver expired: it counts again, and says since when and why.
              expiredWaiver: {
                reason: 'timeout owned by the caller',
                expires: '2026-01-31',
              },
            },
          ],
          fixUrl: `${PORTAL}/go-scorecard/lessons/context#context-cancel-discarded`,
        });
      });

      it('says a service without Go is not scored, as the report leaves it out', async () => {
        const { output } = (
          await invoke('get-entity-scorecard', {
            entityRef: 'component:default/storefront-web',
          }).expect(200)
        ).body;
        expect(output).toMatchObject({
          entityRef: 'component:default/storefront-web',
          state: 'scanned',
          stale: false,
          goService: false,
          notes: [expect.stringMatching(/^Not a Go service: .*not scored/)],
        });
        expect(output).not.toHaveProperty('score');
        // Nor does the report count it.
        const listed = await invoke('list-failing-services', {
          statuses: ['fail', 'warn', 'error'],
        }).expect(200);
        expect(
          listed.body.output.items.map((i: any) => i.entityRef),
        ).not.toContain('component:default/storefront-web');
      });

      it('is not stale when a scan failed with no earlier result', async () => {
        const { output } = (
          await invoke('get-entity-scorecard', { entityRef: 'broken' }).expect(
            200,
          )
        ).body;
        expect(output).toMatchObject({
          entityRef: 'component:default/broken',
          state: 'failed',
          stale: false,
          goService: true,
          error: expect.any(String),
        });
        expect(output.scannedAt).toBeUndefined();
        expect(output.score).toBeUndefined();
        // Listed with the scan errors: not stale there either.
        const listed = await invoke('list-failing-services', {
          statuses: ['error'],
        }).expect(200);
        expect(
          listed.body.output.items.find(
            (i: any) => i.entityRef === 'component:default/broken',
          ),
        ).toMatchObject({ stale: false, error: expect.any(String) });
      });

      it('does not find an entity the caller may not read', async () => {
        const res = await invoke(
          'get-entity-scorecard',
          { entityRef: 'component:default/svc-a' },
          RESTRICTED,
        ).expect(404);
        expect(res.body.error.message).toBe(
          'No entity component:default/svc-a',
        );
        await invoke(
          'get-entity-scorecard',
          { entityRef: 'svc-b' },
          RESTRICTED,
        ).expect(200);
      });

      it('answers a bad or unknown ref clearly', async () => {
        const bad = await invoke('get-entity-scorecard', {
          entityRef: 'component:default/',
        }).expect(400);
        expect(bad.body.error.message).toMatch(
          /^Invalid entity ref 'component:default\/'/,
        );
        // Parses (namespace `b:c`, name `d/e`) but names no possible entity.
        for (const entityRef of [
          'a:b:c/d/e',
          'component:default/a b',
          'component:Bad_Namespace/x',
        ]) {
          const res = await invoke('get-entity-scorecard', {
            entityRef,
          }).expect(400);
          expect(res.body.error).toMatchObject({ name: 'InputError' });
          expect(res.body.error.message).toMatch(
            /^Invalid entity ref '.*': not a valid /,
          );
        }
        expect(
          (
            await invoke('get-entity-scorecard', {
              entityRef: 'a:b:c/d/e',
            })
          ).body.error.message,
        ).toBe(
          "Invalid entity ref 'a:b:c/d/e': not a valid namespace 'b:c', name 'd/e'; expected [kind:][namespace/]name",
        );
        await invoke('get-entity-scorecard', { entityRef: 'nope' }).expect(404);
        const missing = await invoke('get-entity-scorecard', {}).expect(400);
        expect(missing.body.error.message).toMatch(
          /Invalid input to action "go-scorecard:get-entity-scorecard"/,
        );
      });
    });

    describe('list-failing-services', () => {
      const refs = (res: request.Response) =>
        res.body.output.items.map((i: any) => i.entityRef);

      it('lists the failing services with their failing checks', async () => {
        const res = await invoke('list-failing-services', {}).expect(200);
        expect(res.body.output).toMatchObject({
          totalItems: 2,
          offset: 0,
          limit: 20,
        });
        expect(refs(res)).toEqual([
          'component:default/svc-a',
          'component:default/svc-b',
        ]);
        expect(res.body.output.items[0]).toMatchObject({
          owner: 'group:default/team-a',
          impact: 0,
          stale: false,
          failingChecks: ['context-cancel-discarded'],
          scorecardUrl: `${PORTAL}/catalog/default/component/svc-a/go-scorecard`,
        });
        expect(res.body.output.items[1].impact).toBe(2);
        expect(res.body.output.notes).toBeUndefined();
      });

      it('orders by impact, most depended-on first, and pages', async () => {
        const res = await invoke('list-failing-services', {
          orderBy: 'impact',
        }).expect(200);
        expect(
          res.body.output.items.map((i: any) => [i.entityRef, i.impact]),
        ).toEqual([
          ['component:default/svc-b', 2],
          ['component:default/svc-a', 0],
        ]);
        const page = await invoke('list-failing-services', {
          orderBy: 'impact',
          offset: 1,
          limit: 1,
        }).expect(200);
        expect(page.body.output.totalItems).toBe(2);
        expect(refs(page)).toEqual(['component:default/svc-a']);
        await invoke('list-failing-services', { orderBy: 'nope' }).expect(400);
      });

      it('says when an owner has no scanned service, not just "nothing fails"', async () => {
        const unknown = await invoke('list-failing-services', {
          owner: 'nobody-team',
        }).expect(200);
        expect(unknown.body.output).toMatchObject({
          totalItems: 0,
          items: [],
          notes: [
            'no scanned service is owned by group:default/nobody-team or a group below it',
          ],
        });
        // One of two owners unknown: its note, and the other's services.
        const mixed = await invoke('list-failing-services', {
          owner: 'team-b, group:default/nobody-team',
        }).expect(200);
        expect(refs(mixed)).toEqual(['component:default/svc-b']);
        expect(mixed.body.output.notes).toEqual([
          'no scanned service is owned by group:default/nobody-team or a group below it',
        ]);
        // A department: no service of its own, but one of a team below it.
        const dept = await invoke('list-failing-services', {
          owner: 'dept',
        }).expect(200);
        expect(refs(dept)).toEqual(['component:default/svc-a']);
        expect(dept.body.output.notes).toBeUndefined();
        // A known owner with nothing failing in scope: empty, no note.
        const clean = await invoke('list-failing-services', {
          owner: 'team-a',
          lesson: 5,
        }).expect(200);
        expect(clean.body.output.totalItems).toBe(0);
        expect(clean.body.output.notes).toBeUndefined();
      });

      it('filters by owner, lesson and check, and pages', async () => {
        expect(
          refs(
            await invoke('list-failing-services', { owner: 'team-b' }).expect(
              200,
            ),
          ),
        ).toEqual(['component:default/svc-b']);
        expect(
          refs(
            await invoke('list-failing-services', {
              lesson: 'context',
              check: 'context-cancel-discarded',
            }).expect(200),
          ),
        ).toHaveLength(2);
        // Nothing fails in lesson 5 for these services.
        expect(
          refs(
            await invoke('list-failing-services', { lesson: 5 }).expect(200),
          ),
        ).toEqual([]);
        const page = await invoke('list-failing-services', {
          offset: 1,
          limit: 1,
        }).expect(200);
        expect(page.body.output.totalItems).toBe(2);
        expect(refs(page)).toEqual(['component:default/svc-b']);
      });

      it('lists only the services the caller may read', async () => {
        const res = await invoke(
          'list-failing-services',
          {},
          RESTRICTED,
        ).expect(200);
        expect(res.body.output.totalItems).toBe(1);
        expect(refs(res)).toEqual(['component:default/svc-b']);
      });

      it('names a bad filter', async () => {
        const res = await invoke('list-failing-services', {
          lesson: 'nope',
        }).expect(400);
        expect(res.body.error.message).toBe("Unknown lesson 'nope'");
        await invoke('list-failing-services', { limit: 1000 }).expect(400);
      });
    });

    describe('explain-check', () => {
      it('explains a check with its lesson and fix page', async () => {
        const res = await invoke('explain-check', {
          checkId: 'context-cancel-discarded',
        }).expect(200);
        expect(res.body.output).toMatchObject({
          id: 'context-cancel-discarded',
          severity: 'error',
          lesson: { id: 4, slug: 'context' },
          fixUrl: `${PORTAL}/go-scorecard/lessons/context#context-cancel-discarded`,
        });
        expect(res.body.output.fixPage).toMatch(/^## /);
        expect(res.body.output.fixPage).not.toContain('<a id=');
      });

      it('names the known checks for an unknown one', async () => {
        const res = await invoke('explain-check', { checkId: 'nope' }).expect(
          400,
        );
        expect(res.body.error.message).toMatch(
          /^Unknown check 'nope'; known checks: go-get-install, /,
        );
      });
    });
  },
);
