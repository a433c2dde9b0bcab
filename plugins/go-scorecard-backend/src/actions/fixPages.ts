import {
  CheckDefinition,
  getLesson,
  lessonDocFile,
  splitLessonSections,
} from '@internal/plugin-go-scorecard-common';
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';

/** The fix pages (lesson markdown) shipped in the common package's `docs/`. */
function docsDir(): string {
  return resolve(
    require.resolve('@internal/plugin-go-scorecard-common/package.json'),
    '..',
    'docs',
  );
}

/**
 * The markdown of a check's section of its lesson's fix page (what the portal shows at
 * the check's anchor: problem, fix, what the check looks at, references). Read from the
 * common package's `docs/` on each call; undefined when the page has no section for it.
 */
export async function readFixSection(
  check: CheckDefinition,
): Promise<string | undefined> {
  const lesson = getLesson(check.lesson)!;
  const markdown = await fs.readFile(
    resolve(docsDir(), lessonDocFile(lesson)),
    'utf8',
  );
  return splitLessonSections(markdown)
    .find(s => s.checkId === check.id)
    ?.markdown.trim();
}
