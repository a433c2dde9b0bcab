import { getOpenApiSpecRoute } from '@backstage/backend-openapi-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { spec } from '../schema/openapi.generated';
import { createRouter, RouterOptions } from './router';

/** The spec is the contract: every route of the router is in it, and nothing else. */
describe('openapi.yaml', () => {
  it('describes exactly the routes the router serves', async () => {
    const specRoutes = Object.entries(spec.paths)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map(
          m => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      )
      .sort();

    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      logger: mockServices.logger.mock(),
      historyRetentionMs: 90 * 24 * 60 * 60 * 1000,
    } as unknown as RouterOptions);
    // The validated router serves the spec itself there.
    const ownRoutes = [`GET ${getOpenApiSpecRoute('')}`];
    const routerRoutes = (router as any).stack
      .filter((layer: any) => layer.route)
      .flatMap((layer: any) =>
        Object.keys(layer.route.methods).map(
          m => `${m.toUpperCase()} ${layer.route.path}`,
        ),
      )
      .filter((route: string) => !ownRoutes.includes(route))
      .sort();

    expect(routerRoutes).toEqual(specRoutes);
  });
});
