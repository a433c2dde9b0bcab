/** A part of a fix page: the intro (no check) or one check's section. */
export interface LessonSection {
  checkId?: string;
  markdown: string;
}

const anchorLine = /^<a id="([^"]+)"><\/a>\s*$/;

/**
 * Splits a fix page at its `<a id="<check-id>"></a>` lines, so each check's section can be
 * rendered under an element with the check's id (the markdown sanitizer rewrites raw ids),
 * or served alone (the backend's `explain-check` action). The anchor lines are dropped.
 */
export function splitLessonSections(markdown: string): LessonSection[] {
  const sections: LessonSection[] = [];
  let current: LessonSection = { markdown: '' };
  for (const line of markdown.split('\n')) {
    const match = anchorLine.exec(line.trim());
    if (match) {
      if (current.markdown.trim() || current.checkId) sections.push(current);
      current = { checkId: match[1], markdown: '' };
    } else {
      current.markdown += `${line}\n`;
    }
  }
  if (current.markdown.trim() || current.checkId) sections.push(current);
  return sections;
}
