import { useCallback } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { scmIntegrationsApiRef } from '@backstage/integration-react';
import { Finding } from '@internal/plugin-go-scorecard-common';
import { localPath, parseScannedSource, pinToRevision } from './sourceLocation';

/** Where a finding points: a source URL with a line anchor, or a local path. */
export interface FindingLocation {
  href?: string;
  localPath?: string;
}

/**
 * Resolves findings to their source through Backstage's SCM integrations, at the scanned
 * commit when the result has one; findings of a local source get their path.
 */
export function useFindingLocation(
  root: string | undefined,
  commit: string | undefined,
): (finding: Finding) => FindingLocation {
  const scm = useApi(scmIntegrationsApiRef);
  return useCallback(
    (finding: Finding) => {
      const source = parseScannedSource(root);
      if (!source) return {};
      if (source.type === 'local') {
        return { localPath: localPath(source.path, finding.path) };
      }
      try {
        return {
          href: scm.resolveUrl({
            url: finding.path,
            base: pinToRevision(source.base, commit),
            lineNumber: finding.line,
          }),
        };
      } catch {
        return {};
      }
    },
    [scm, root, commit],
  );
}
