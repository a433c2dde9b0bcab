import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Go Service Scorecard

Every Go service in the catalog is scanned for five production lessons:

1. **Tooling**: \`go install pkg@version\` in CI, never \`go get\` for tools.
2. **Protobuf**: no old \`github.com/golang/protobuf\` beside \`google.golang.org/protobuf\`.
3. **gRPC and DNS**: no short Kubernetes names under the default \`ndots:5\`.
4. **Context**: every \`cancel\` is called.
5. **Shutdown**: SIGTERM, \`Shutdown(ctx)\`, \`GracefulStop()\`, a \`preStop\` hook.

Browse the [catalog](/catalog) and open a service to see its checks.
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

/** Home page content of this portal. */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [introWidget],
});
