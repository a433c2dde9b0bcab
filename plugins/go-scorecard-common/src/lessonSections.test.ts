import { splitLessonSections } from './lessonSections';

describe('splitLessonSections', () => {
  it('splits at check anchors and keeps the intro', () => {
    const sections = splitLessonSections(
      '# Lesson 4\n\nIntro.\n\n<a id="context-cancel-discarded"></a>\n\n## Cancel assigned to _\n\nText.\n<a id="goleak-missing"></a>\n## No goleak\n',
    );
    expect(sections.map(s => s.checkId)).toEqual([
      undefined,
      'context-cancel-discarded',
      'goleak-missing',
    ]);
    expect(sections[1].markdown).toContain('## Cancel assigned to _');
    expect(sections[1].markdown).not.toContain('<a id');
  });
});
