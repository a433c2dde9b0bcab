/**
 * The go-scorecard command line: the analyzer on a local directory, for laptops and CI.
 *
 * @packageDocumentation
 */
export { runCli } from './scan';
export type { CliRun } from './scan';
export { formatSarif } from './formatSarif';
export { formatText } from './formatText';
