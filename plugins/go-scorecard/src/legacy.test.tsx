import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigReader } from '@backstage/config';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { goScorecardApiRef } from './api/GoScorecardApi';
import { GoScorecardClient } from './api/GoScorecardClient';
import { EntityGoScorecardCard, EntityGoScorecardContent } from './legacy';
import { rootRouteRef } from './routes';
import { entity, entityResult } from './__testUtils__/fixtures';
import { mockScorecardFetch } from './__testUtils__/mockScorecardFetch';

// A whole legacy app renders per test: seconds on a busy CI machine.
jest.setTimeout(20_000);

/** Renders a legacy export in an app on the old frontend system, with the entity's result. */
async function renderLegacy(element: JSX.Element) {
  const fetch = mockScorecardFetch({
    'GET /entities/component/default/notification-service': {
      body: entityResult,
    },
  });
  const client = new GoScorecardClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch },
  });
  const scm = ScmIntegrationsApi.fromConfig(
    new ConfigReader({ integrations: { github: [{ host: 'github.com' }] } }),
  );
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [goScorecardApiRef, client],
        [scmIntegrationsApiRef, scm],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/go-scorecard': convertLegacyRouteRef(rootRouteRef),
      },
    },
  );
  return fetch;
}

/** The legacy exports work in an app on the old frontend system. */
describe('legacy EntityGoScorecardCard', () => {
  it('renders the scorecard of the entity with its fix links', async () => {
    const fetch = await renderLegacy(<EntityGoScorecardCard />);
    await userEvent.click(
      await screen.findByRole('button', {
        name: /HTTP server shut down gracefully/,
      }),
    );
    // Route refs resolve through the legacy app's routing.
    expect(
      await screen.findByRole('link', {
        name: 'How to fix: HTTP server shut down gracefully',
      }),
    ).toHaveAttribute(
      'href',
      '/go-scorecard/lessons/shutdown#shutdown-http-close',
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('legacy EntityGoScorecardContent', () => {
  it('renders the scorecard with the passing checks unfolded', async () => {
    await renderLegacy(<EntityGoScorecardContent />);
    expect(
      await screen.findByRole('button', { name: /14 passing checks/ }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByRole('button', { name: /Handles SIGTERM/ }),
    ).toBeInTheDocument();
  });
});
