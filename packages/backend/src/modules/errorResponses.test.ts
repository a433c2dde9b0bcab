import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { createBackend } from '@backstage/backend-defaults';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import goScorecardPlugin from '@internal/plugin-go-scorecard-backend';
import { goScorecardScanTriggerPermission } from '@internal/plugin-go-scorecard-common';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import {
  configureRootHttpRouter,
  REDACTED_PATH,
  withoutServerDetails,
} from './errorResponses';

jest.setTimeout(60_000);

/** The repository's root: no response may name it, nor anything below it. */
const repoRoot = resolvePath(__dirname, '../../../..');

/** What an error body must never carry. */
function leaks(text: string): string[] {
  const found: string[] = [];
  if (/"stack"/.test(text)) found.push('stack');
  if (/\n\s+at /.test(text) || /\\n\s+at /.test(text)) found.push('frames');
  for (const path of [repoRoot, process.cwd(), '/work/', 'node_modules']) {
    if (text.includes(path)) found.push(path);
  }
  return found;
}

describe('withoutServerDetails', () => {
  it('drops stacks and redacts server paths from error bodies, causes included', () => {
    const body = {
      error: {
        name: 'Error',
        message: "ENOENT: no such file or directory, open '/srv/app/x.yaml'",
        stack: 'Error: boom\n    at f (/srv/app/node_modules/x.js:1:1)',
        cause: {
          name: 'Error',
          message: 'inner',
          stack: 'Error: inner\n    at g (/srv/app/y.js:2:2)',
        },
      },
      request: { method: 'GET', url: '/api/x' },
      response: { statusCode: 500 },
    };
    expect(withoutServerDetails(body)).toEqual({
      error: {
        name: 'Error',
        message: `ENOENT: no such file or directory, open '${REDACTED_PATH}'`,
        cause: { name: 'Error', message: 'inner' },
      },
      request: { method: 'GET', url: '/api/x' },
      response: { statusCode: 500 },
    });
    expect(
      withoutServerDetails({
        errors: [{ name: 'InputError', message: 'bad', stack: 'x' }, 'plain'],
      }),
    ).toEqual({ errors: [{ name: 'InputError', message: 'bad' }, 'plain'] });
  });

  it('leaves other bodies alone', () => {
    const data = { items: [{ stack: 'go', path: '/srv/x' }] };
    expect(withoutServerDetails(data)).toBe(data);
    expect(withoutServerDetails('text')).toBe('text');
    expect(withoutServerDetails(null)).toBe(null);
  });
});

/**
 * The whole backend (catalog and go-scorecard plugins behind the real root router) in
 * the mode `yarn start` runs it: NODE_ENV=development, where Backstage's error handler
 * adds `error.stack` to every error body.
 */
describe.each([
  ['the portal root router', true],
  ["Backstage's default root router (control)", false],
])('error bodies in development mode, with %s', (_name, filtered) => {
  const previousNodeEnv = process.env.NODE_ENV;
  let base: string;
  let backend: ReturnType<typeof createBackend> | undefined;

  beforeAll(async () => {
    process.env.NODE_ENV = 'development';
    let server: { address(): unknown } | undefined;
    const port = () => (server!.address() as AddressInfo).port;
    // The real root router needs the real backend: startTestBackend brings its own.
    backend = createBackend();
    for (const feature of [
      rootHttpRouterServiceFactory({
        configure(context) {
          server = context.server;
          if (filtered) configureRootHttpRouter(context);
          else context.applyDefaults();
        },
      }),
      createServiceFactory({
        service: coreServices.discovery,
        deps: {},
        factory: () => ({
          getBaseUrl: async (id: string) =>
            `http://127.0.0.1:${port()}/api/${id}`,
          getExternalBaseUrl: async (id: string) =>
            `http://127.0.0.1:${port()}/api/${id}`,
        }),
      }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: 'http://127.0.0.1',
            listen: { host: '127.0.0.1', port: 0 },
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
          goScorecard: { localRoots: [resolvePath(repoRoot, 'examples')] },
        },
      }),
      mockServices.rootLogger.factory(),
      mockServices.auth.factory(),
      mockServices.httpAuth.factory(),
      mockServices.userInfo.factory(),
      mockServices.scheduler.mock().factory,
      // Everything is allowed but triggering a scan: a 403 to look at.
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () =>
          ({
            authorize: async (requests: { permission: { name: string } }[]) =>
              requests.map(r => ({
                result:
                  r.permission.name === goScorecardScanTriggerPermission.name
                    ? AuthorizeResult.DENY
                    : AuthorizeResult.ALLOW,
              })),
            authorizeConditional: async (requests: unknown[]) =>
              requests.map(() => ({ result: AuthorizeResult.ALLOW })),
          } as any),
      }),
      catalogPlugin,
      goScorecardPlugin,
    ]) {
      backend.add(feature);
    }
    await backend.start();
    base = `http://127.0.0.1:${port()}`;
  });

  afterAll(async () => {
    process.env.NODE_ENV = previousNodeEnv;
    await backend?.stop();
  });

  /** The status and raw body of a request, signed in as a user unless `headers` say otherwise. */
  function call(
    path: string,
    init: { method?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; text: string; body: any }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(base + path, init, res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode!, text, body: JSON.parse(text) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** Label, status, path and request options (always four: jest.each would pass `done`). */
  const unauthenticated = {
    headers: { Authorization: mockCredentials.none.header() },
  };
  const cases: [string, number, string, Parameters<typeof call>[1]][] = [
    ['401 unauthenticated', 401, '/api/go-scorecard/checks', unauthenticated],
    [
      '400 bad parameter',
      400,
      '/api/go-scorecard/entities/comp%20onent/default/x',
      {},
    ],
    ['400 bad query', 400, '/api/go-scorecard/history?days=0', {}],
    [
      '404 unknown entity',
      404,
      '/api/go-scorecard/entities/component/default/nope',
      {},
    ],
    [
      '403 not allowed',
      403,
      '/api/go-scorecard/entities/component/default/nope/scan',
      { method: 'POST' },
    ],
    ['401 from the catalog', 401, '/api/catalog/entities', unauthenticated],
    [
      '404 from the catalog',
      404,
      '/api/catalog/entities/by-name/component/default/nope',
      {},
    ],
  ];

  it.each(cases)('%s', async (_label, status, path, init) => {
    const res = await call(path, init);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(res.body.response).toEqual({ statusCode: status });
    // Without the filter, this very mode leaks: what the test guards against.
    const found = leaks(res.text);
    expect({
      clean: found.length === 0,
      stack: found.includes('stack'),
    }).toEqual({ clean: filtered, stack: !filtered });
    expect(filtered ? found : []).toEqual([]);
  });
});
