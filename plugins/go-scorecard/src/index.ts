/**
 * Go Service Scorecard frontend: the entity card, the org-wide report with its team view, the
 * lesson fix pages and a home page widget. The default export is the plugin for the new
 * frontend system (with the card on the overview and a "Go Scorecard" entity tab);
 * `GoScorecardPage`, `EntityGoScorecardCard` and `EntityGoScorecardContent` serve legacy apps.
 *
 * @packageDocumentation
 */
export { goScorecardPlugin as default } from './plugin';
export {
  goScorecardApi,
  goScorecardEntityCard,
  goScorecardEntityContent,
  goScorecardHomeWidget,
  goScorecardPage,
  goScorecardPlugin,
} from './plugin';
export {
  legacyGoScorecardPlugin,
  GoScorecardPage,
  EntityGoScorecardCard,
  EntityGoScorecardContent,
} from './legacy';
export * from './api';
