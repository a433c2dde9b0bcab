import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The report page, `/go-scorecard` by default. */
export const rootRouteRef = createRouteRef();

/** A lesson's fix page below the report page. */
export const lessonRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/lessons/:lesson',
});

/** The team view below the report page. */
export const teamsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/teams',
});
