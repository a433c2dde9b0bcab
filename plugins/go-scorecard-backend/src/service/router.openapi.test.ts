import { mockServices } from '@backstage/backend-test-utils';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createRouter, RouterOptions } from './router';

/** The spec is the contract: every route of the router is in it, and nothing else. */
describe('openapi.yaml', () => {
  it('describes exactly the routes the router serves', async () => {
    const spec = parse(
      await fs.readFile(join(__dirname, '../schema/openapi.yaml'), 'utf8'),
    );
    const specRoutes = Object.entries(
      spec.paths as Record<string, Record<string, unknown>>,
    )
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
      historyRetentionDays: 90,
    } as unknown as RouterOptions);
    const routerRoutes = (router as any).stack
      .filter((layer: any) => layer.route)
      .flatMap((layer: any) =>
        Object.keys(layer.route.methods).map(
          m => `${m.toUpperCase()} ${layer.route.path}`,
        ),
      )
      .sort();

    expect(routerRoutes).toEqual(specRoutes);
  });
});
