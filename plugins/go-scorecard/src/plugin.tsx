import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { goScorecardApiRef } from './api/GoScorecardApi';
import { GoScorecardClient } from './api/GoScorecardClient';
import { rootRouteRef } from './routes';

/** The {@link GoScorecardClient} as the plugin's utility API. */
export const goScorecardApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: goScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GoScorecardClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The Go scorecard card on a component's overview (`entity-card:go-scorecard`), in the main
 * column: what needs attention first, the passing checks folded. The app config lists it first
 * under `app.extensions` to put it at the top of the overview.
 */
export const goScorecardEntityCard = EntityCardBlueprint.make({
  params: {
    type: 'content',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityGoScorecardCard').then(m => (
        <m.EntityGoScorecardCard />
      )),
  },
});

/**
 * The "Go Scorecard" tab of a component's page (`entity-content:go-scorecard`, at
 * `…/go-scorecard`): the card with every check unfolded.
 */
export const goScorecardEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/go-scorecard',
    title: 'Go Scorecard',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityGoScorecardCard').then(m => (
        <m.EntityGoScorecardCard unfold />
      )),
  },
});

/** The report, team view and lesson pages at `/go-scorecard`, with its sidebar entry. */
export const goScorecardPage = PageBlueprint.make({
  params: {
    path: '/go-scorecard',
    title: 'Go Scorecard',
    icon: <AssessmentIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/GoScorecardRoutes').then(m => (
        <m.GoScorecardRoutes />
      )),
  },
});

/** The home page widget: the signed-in user's teams' failing services, or the org summary. */
export const goScorecardHomeWidget = HomePageWidgetBlueprint.make({
  name: 'go-scorecard',
  params: {
    name: 'GoScorecardTeamServices',
    title: 'Go Scorecard',
    description:
      "Your teams' Go services with failing checks, or the org summary",
    components: () =>
      import('./components/HomeWidget').then(m => ({
        Content: m.GoScorecardHomeWidget,
      })),
  },
});

/** The Go Service Scorecard frontend plugin for the new frontend system. */
export const goScorecardPlugin = createFrontendPlugin({
  pluginId: 'go-scorecard',
  title: 'Go Scorecard',
  icon: <AssessmentIcon />,
  routes: { root: rootRouteRef },
  extensions: [
    goScorecardApi,
    goScorecardEntityCard,
    goScorecardEntityContent,
    goScorecardPage,
    goScorecardHomeWidget,
  ],
});
