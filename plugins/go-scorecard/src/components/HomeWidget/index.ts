export { GoScorecardHomeWidget } from './GoScorecardHomeWidget';
