import { ciFileKind } from './ci/ciFileKind';
import { isInSkippedDir } from './tree/skippedDirs';

/** The kinds of file the analyzer reads. */
export type InputKind = 'go' | 'go.mod' | 'go.sum' | 'ci' | 'manifest';

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
  return undefined;
}

/** True for the files a scan needs: use it to fetch only those from a remote tree. */
export function isAnalyzedPath(path: string): boolean {
  return inputKind(path) !== undefined;
}
