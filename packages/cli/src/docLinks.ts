import { resolve } from 'node:path';
import {
  checkDocPath,
  getCheck,
  getLesson,
  lessonDocFile,
} from '@internal/plugin-go-scorecard-common';

/**
 * Where to read how to fix a check: the portal's lesson page when a docs URL is given,
 * else the fix page's markdown file shipped in the common package.
 */
export function fixLink(checkId: string, docsUrl?: string): string {
  const check = getCheck(checkId)!;
  if (docsUrl) return `${docsUrl.replace(/\/+$/, '')}${checkDocPath(check)}`;
  const docs = resolve(
    require.resolve('@internal/plugin-go-scorecard-common/package.json'),
    '..',
    'docs',
  );
  return `file://${resolve(docs, lessonDocFile(getLesson(check.lesson)!))}#${
    check.id
  }`;
}
