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

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@internal/plugin-go-scorecard-backend'));

// Regression digests (docs/notifications.md): stored and shown by the bell, pushed live over signals.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionPolicyModule);

backend.start();
