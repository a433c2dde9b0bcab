import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
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

// The components are written for the new frontend system (its useRouteRef and APIs);
// compatWrapper provides those on top of a legacy app's routing and APIs.

/**
 * The report, team view and lesson pages for legacy apps:
 * `<Route path="/go-scorecard" element={<GoScorecardPage />} />`.
 */
export const GoScorecardPage = legacyGoScorecardPlugin.provide(
  createRoutableExtension({
    name: 'GoScorecardPage',
    component: () =>
      import('./components/GoScorecardPage').then(
        ({ GoScorecardPage: Page }) =>
          () =>
            compatWrapper(<Page />),
      ),
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
          ({ EntityGoScorecardCard: Card }) =>
            () =>
              compatWrapper(<Card />),
        ),
    },
  }),
);

/**
 * The "Go Scorecard" entity tab for legacy apps, every check unfolded:
 * `<EntityLayout.Route path="/go-scorecard" title="Go Scorecard"><EntityGoScorecardContent /></EntityLayout.Route>`.
 */
export const EntityGoScorecardContent = legacyGoScorecardPlugin.provide(
  createComponentExtension({
    name: 'EntityGoScorecardContent',
    component: {
      lazy: () =>
        import('./components/EntityGoScorecardCard').then(
          ({ EntityGoScorecardCard: Card }) =>
            () =>
              compatWrapper(<Card unfold />),
        ),
    },
  }),
);
