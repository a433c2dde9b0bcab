import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { MarkdownContent } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { LessonCode } from './LessonCode';
import { splitCodeBlocks } from './splitCodeBlocks';
import { splitLessonSections } from '@internal/plugin-go-scorecard-common';

const useStyles = makeStyles(theme => ({
  section: { scrollMarginTop: theme.spacing(10) },
}));

/**
 * A fix page: each check's section under an element whose id is the check id, so
 * `#<check-id>` links land on it; scrolls to the URL's anchor once the page is shown.
 * Code blocks are drawn by {@link LessonCode}, numbered through the page.
 */
export function LessonMarkdown(props: { markdown: string }) {
  const { markdown } = props;
  const classes = useStyles();
  const { hash } = useLocation();
  const sections = useMemo(() => {
    let codeBlocks = 0;
    return splitLessonSections(markdown).map(section => ({
      ...section,
      blocks: splitCodeBlocks(section.markdown).map(block =>
        block.kind === 'code' ? { ...block, index: ++codeBlocks } : block,
      ),
    }));
  }, [markdown]);

  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView?.();
  }, [hash, sections]);

  return (
    <article>
      {sections.map((section, index) => (
        <section
          key={section.checkId ?? `intro-${index}`}
          id={section.checkId}
          className={classes.section}
        >
          {section.blocks.map((block, i) =>
            block.kind === 'code' ? (
              <LessonCode
                key={i}
                code={block.code}
                language={block.language}
                index={block.index}
                nested={block.indent > 0}
              />
            ) : (
              <MarkdownContent key={i} content={block.markdown} />
            ),
          )}
        </section>
      ))}
    </article>
  );
}
