/** Folders whose contents are never analyzed: vendored, third-party, test data, VCS. */
export const skippedDirNames: ReadonlySet<string> = new Set([
  'vendor',
  'third_party',
  'testdata',
  'node_modules',
  '.git',
]);

/** True when any folder of a relative POSIX path is a skipped folder. */
export function isInSkippedDir(path: string): boolean {
  const parts = path.split('/');
  return parts.slice(0, -1).some(part => skippedDirNames.has(part));
}
