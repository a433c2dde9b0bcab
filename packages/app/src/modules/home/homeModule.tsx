import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

// The card's title already names the scorecard: the text starts with what it does.
const content = `
Every Go service in the catalog is scanned for five production lessons:

1. [**Tooling**](/go-scorecard/lessons/tooling): \`go install pkg@version\` in CI, never \`go get\` for tools.
2. [**Protobuf**](/go-scorecard/lessons/protobuf): no old \`github.com/golang/protobuf\` beside \`google.golang.org/protobuf\`.
3. [**gRPC and DNS**](/go-scorecard/lessons/grpc-dns): no short Kubernetes names under the default \`ndots:5\`.
4. [**Context**](/go-scorecard/lessons/context): every \`cancel\` is called.
5. [**Shutdown**](/go-scorecard/lessons/shutdown): SIGTERM, \`Shutdown(ctx)\`, \`GracefulStop()\`, a \`preStop\` hook.

See every service in the [report](/go-scorecard), or open a service in the
[catalog](/catalog) to see its checks.
`;

const introWidget = HomePageWidgetBlueprint.make({
  name: 'go-scorecard-intro',
  params: {
    name: 'GoScorecardIntro',
    title: 'Go Service Scorecard',
    description: 'What the scorecard checks and where to find it',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

/** The home page grid, laid out so the widgets of a row stay side by side (see HomeLayout). */
const homeLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: () => import('./HomeLayout').then(m => m.HomeLayout),
  },
});

/** Home page content of this portal: the intro widget and the grid layout. */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [introWidget, homeLayout],
});
