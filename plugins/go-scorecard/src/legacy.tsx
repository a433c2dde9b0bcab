import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { goScorecardApiRef } from './api/GoScorecardApi';
import { GoScorecardClient } from './api/GoScorecardClient';
import { rootRouteRef } from './routes';

/** The plugin for apps on the legacy frontend system. */
export const legacyGoScorecardPlugin = createPlugin({
  id: 'go-scorecard',
  apis: [
    createApiFactory({
      api: goScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GoScorecardClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});

/**
 * The report, team view and lesson pages for legacy apps:
 * `<Route path="/go-scorecard" element={<GoScorecardPage />} />`.
 */
export const GoScorecardPage = legacyGoScorecardPlugin.provide(
  createRoutableExtension({
    name: 'GoScorecardPage',
    component: () =>
      import('./components/GoScorecardPage').then(m => m.GoScorecardPage),
    mountPoint: convertLegacyRouteRef(rootRouteRef),
  }),
);

/** The entity card for legacy apps' entity pages (inside an EntityProvider). */
export const EntityGoScorecardCard = legacyGoScorecardPlugin.provide(
  createComponentExtension({
    name: 'EntityGoScorecardCard',
    component: {
      lazy: () =>
        import('./components/EntityGoScorecardCard').then(
          m => m.EntityGoScorecardCard,
        ),
    },
  }),
);
