import { Config } from '@backstage/config';
import {
  CheckDefinition,
  checkDocPath,
} from '@internal/plugin-go-scorecard-common';
import { scorecardTabPath } from '../portal/scorecardTabPath';

/**
 * Absolute links into the portal (`app.baseUrl`) for answers read outside it: an
 * entity's scorecard tab ({@link scorecardTabPath}) and a check's fix page (`checkDocPath`).
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
    return `${this.baseUrl}${scorecardTabPath(entityRef)}`;
  }

  /** The check's section of its lesson's fix page. */
  fix(check: CheckDefinition): string {
    return `${this.baseUrl}${checkDocPath(check)}`;
  }
}
