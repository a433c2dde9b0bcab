/**
 * Go Service Scorecard: the check catalog, result types, scoring and permissions shared by the
 * analyzer, the backend and the frontend.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './capFindings';
export * from './catalog';
export * from './permissions';
export * from './api';
export * from './scoring';
export * from './entityRefs';
export * from './plural';
export * from './policyFile';
export * from './goService';
export * from './lessonSections';
export * from './groupHierarchy';
