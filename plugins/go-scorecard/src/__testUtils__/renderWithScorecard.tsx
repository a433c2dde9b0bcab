import { ReactElement } from 'react';
import { RenderResult } from '@testing-library/react';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { goScorecardApiRef } from '../api/GoScorecardApi';
import { GoScorecardClient } from '../api/GoScorecardClient';
import { rootRouteRef } from '../routes';
import { MockRoutes, mockScorecardFetch } from './mockScorecardFetch';

/** Options of {@link renderWithScorecard}. */
export interface RenderWithScorecardOptions {
  /** The backend's answers, at the fetch level. */
  routes?: MockRoutes;
  /** Wraps the element in this entity's context. */
  entity?: Entity;
  /** Whether "Scan now" is allowed. */
  allowScan?: boolean;
  /** Browser location to start at. */
  initialRoute?: string;
  /** Route pattern the element is mounted at (for useParams). */
  mountPath?: string;
  /** Extra API overrides (a catalog with no entity unless given). */
  apis?: any[];
}

/**
 * Renders a component in a test app with the real {@link GoScorecardClient} over a mocked
 * fetch, GitHub SCM integration, a permission API and the plugin's routes mounted.
 */
export async function renderWithScorecard(
  element: ReactElement,
  options: RenderWithScorecardOptions = {},
): Promise<RenderResult & { fetch: ReturnType<typeof mockScorecardFetch> }> {
  const fetch = mockScorecardFetch(options.routes ?? {});
  const client = new GoScorecardClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch },
  });
  const scm = ScmIntegrationsApi.fromConfig(
    new ConfigReader({ integrations: { github: [{ host: 'github.com' }] } }),
  );
  const rendered = renderInTestApp(
    options.entity ? (
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    ) : (
      element
    ),
    {
      apis: [
        [goScorecardApiRef, client],
        [scmIntegrationsApiRef, scm],
        mockApis.permission({
          authorize:
            options.allowScan === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
        ...(options.apis?.some(a => a[0] === catalogApiRef)
          ? []
          : [[catalogApiRef, catalogApiMock()]]),
        ...(options.apis ?? []),
      ],
      mountedRoutes: {
        '/go-scorecard': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      initialRouteEntries: options.initialRoute
        ? [options.initialRoute]
        : undefined,
      mountPath: options.mountPath,
    },
  );
  return { ...rendered, fetch };
}
