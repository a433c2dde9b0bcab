/**
 * Go Service Scorecard: the check catalog, result types and permissions shared by the
 * analyzer, the backend and the frontend.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './capFindings';
export * from './catalog';
export * from './permissions';
export * from './api';
