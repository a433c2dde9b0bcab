import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ReportStore } from '../database/ReportStore';
import { EntityResultReader } from '../service/readEntityResult';
import { ReadableEntities } from '../service/ReadableEntities';
import { registerExplainCheckAction } from './explainCheckAction';
import { registerGetEntityScorecardAction } from './getEntityScorecardAction';
import { registerListFailingServicesAction } from './listFailingServicesAction';
import { PortalLinks } from './portalLinks';

/**
 * Registers the scorecard's actions with Backstage's actions registry (ids
 * `go-scorecard:<name>`), which MCP clients reach through
 * `@backstage/plugin-mcp-actions-backend`: `get-entity-scorecard`,
 * `list-failing-services` and `explain-check`. All read only; each runs with the
 * caller's credentials, so it sees what the REST API would show them.
 */
export function registerScorecardActions(options: {
  actionsRegistry: ActionsRegistryService;
  reader: EntityResultReader & {
    store: ReportStore;
    readable: Pick<ReadableEntities, 'refs'>;
  };
  links: PortalLinks;
}): void {
  const { actionsRegistry, reader, links } = options;
  registerGetEntityScorecardAction({ actionsRegistry, reader, links });
  registerListFailingServicesAction({
    actionsRegistry,
    store: reader.store,
    readable: reader.readable,
    localRoots: reader.localRoots,
    links,
  });
  registerExplainCheckAction({ actionsRegistry, links });
}
