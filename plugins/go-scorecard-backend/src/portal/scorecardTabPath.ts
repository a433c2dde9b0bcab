import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The portal path of an entity's Go Scorecard tab: the catalog's entity page
 * (`/catalog/:namespace/:kind/:name`, the kind lowercased as the catalog's links write it)
 * and the tab's path (`/go-scorecard`, the frontend plugin's `entity-content:go-scorecard`).
 * Notification digests link to it; the actions prefix it with `app.baseUrl`.
 */
export function scorecardTabPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/go-scorecard`;
}
