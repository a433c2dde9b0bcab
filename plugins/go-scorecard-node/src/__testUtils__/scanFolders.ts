import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..', '..');

/**
 * Every scanned folder the analyzer's tests know: each fixture case
 * (`testdata/<check-id>/<case>/`) and each example service (`examples/services/*`).
 */
export function scanFolders(): string[] {
  const testdata = join(__dirname, '..', '..', 'testdata');
  const subdirs = (dir: string) =>
    readdirSync(dir)
      .sort()
      .map(name => join(dir, name))
      .filter(path => statSync(path).isDirectory());
  return [
    ...subdirs(testdata).flatMap(subdirs),
    ...subdirs(join(repo, 'examples', 'services')),
  ];
}
