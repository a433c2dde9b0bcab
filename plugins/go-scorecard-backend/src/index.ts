/**
 * Go Service Scorecard backend plugin: scans catalog entities on a schedule, stores
 * results and history, and serves them over REST.
 *
 * @packageDocumentation
 */
export { goScorecardPlugin as default } from './plugin';
