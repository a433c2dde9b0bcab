export * from './types';
export * from './GoScorecardApi';
export * from './GoScorecardClient';
