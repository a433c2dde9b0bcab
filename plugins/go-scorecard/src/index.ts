/**
 * Go Service Scorecard frontend: the entity card, the org-wide report with its team view, the
 * lesson fix pages and a home page widget. The default export is the plugin for the new
 * frontend system; `GoScorecardPage` and `EntityGoScorecardCard` serve legacy apps.
 *
 * @packageDocumentation
 */
export { goScorecardPlugin as default } from './plugin';
export {
  goScorecardApi,
  goScorecardEntityCard,
  goScorecardHomeWidget,
  goScorecardPage,
  goScorecardPlugin,
} from './plugin';
export {
  legacyGoScorecardPlugin,
  GoScorecardPage,
  EntityGoScorecardCard,
} from './legacy';
export * from './api';
