import { ciFileKind } from './ci/ciFileKind';
import { isInSkippedDir } from './tree/skippedDirs';

/** The kinds of file the analyzer reads. */
export type InputKind =
  | 'go'
  | 'go.mod'
  | 'go.sum'
  | 'ci'
  | 'manifest'
  | 'config';

/** TOML files (`*.toml`) are read as configuration too. JSON files read as configuration: named or placed as such (`config.json`, `configs/app.json`). */
const CONFIG_JSON =
  /(^|\/)(configs?|conf|settings)\/[^/]+\.json$|(^|\/)[^/]*(config|settings|application)[^/]*\.json$/i;

/**
 * What kind of input a path is, or undefined when the analyzer does not read it
 * (other files, and everything under vendor/, testdata/, node_modules/, ...).
 */
export function inputKind(path: string): InputKind | undefined {
  if (isInSkippedDir(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'go.mod') return 'go.mod';
  if (name === 'go.sum') return 'go.sum';
  if (name.endsWith('.go')) return 'go';
  if (ciFileKind(path)) return 'ci';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'manifest';
  if (
    CONFIG_JSON.test(path) &&
    !/^(package|tsconfig|jsconfig|composer)[.-]/.test(name)
  )
    return 'config';
  if (name.endsWith('.toml')) return 'config';
  return undefined;
}

/** True for the files a scan needs: use it to fetch only those from a remote tree. */
export function isAnalyzedPath(path: string): boolean {
  return inputKind(path) !== undefined;
}
