import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterWithoutServerDetails } from './modules/errorResponses';
import { permissionPolicyModule } from './modules/permissionPolicy';

const backend = createBackend();

// Error bodies without stacks or server paths, also under `yarn start` (NODE_ENV=development).
backend.add(rootHttpRouterWithoutServerDetails);

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

backend.add(import('@backstage/plugin-events-backend'));
// GitHub webhooks at /api/events/http/github (push events: go-scorecard scans on push).
backend.add(import('@backstage/plugin-events-backend-module-github'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@internal/plugin-go-scorecard-backend'));
// The registered actions (go-scorecard's among them) as MCP tools at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Regression digests (docs/notifications.md): stored and shown by the bell, pushed live over signals.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionPolicyModule);

backend.start();
