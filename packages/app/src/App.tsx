import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

/**
 * The portal's app. Plugins (catalog, org, home, user settings, go-scorecard) are
 * discovered from this package's dependencies (`app.packages: all` in app-config.yaml);
 * the local modules add the sidebar and the home page content.
 */
export default createApp({
  features: [navModule, homeModule],
});
