import { Config } from '@backstage/config';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  CheckDefinition,
  checkDocPath,
} from '@internal/plugin-go-scorecard-common';

/**
 * Absolute links into the portal (`app.baseUrl`) for answers read outside it: an
 * entity's scorecard tab (`/catalog/<namespace>/<kind>/<name>/go-scorecard`, the
 * frontend's `entity-content:go-scorecard`) and a check's fix page (`checkDocPath`).
 */
export class PortalLinks {
  /** Reads `app.baseUrl`; without it, links are relative to the portal (`/catalog/…`). */
  static fromConfig(config: Config): PortalLinks {
    return new PortalLinks(config.getOptionalString('app.baseUrl') ?? '');
  }

  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The entity's Go Scorecard tab. */
  scorecard(entityRef: string): string {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return `${this.baseUrl}/catalog/${encodeURIComponent(
      namespace,
    )}/${encodeURIComponent(
      kind.toLocaleLowerCase('en-US'),
    )}/${encodeURIComponent(name)}/go-scorecard`;
  }

  /** The check's section of its lesson's fix page. */
  fix(check: CheckDefinition): string {
    return `${this.baseUrl}${checkDocPath(check)}`;
  }
}
