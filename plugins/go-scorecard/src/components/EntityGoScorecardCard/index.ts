export { EntityGoScorecardCard } from './EntityGoScorecardCard';
