export { TeamView } from './TeamView';
