import { Header, Page } from '@backstage/core-components';
import { GoScorecardRoutes } from './GoScorecardRoutes';

/** The plugin's pages with a page header, for legacy apps (the new system draws the header itself). */
export function GoScorecardPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Go Scorecard"
        subtitle="Five production lessons across every Go service"
      />
      <GoScorecardRoutes />
    </Page>
  );
}
