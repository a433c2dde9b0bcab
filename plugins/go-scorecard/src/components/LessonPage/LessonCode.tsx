import { makeStyles } from '@material-ui/core/styles';
import { codePalettes } from './codePalettes';
import { CodeTokenKind, highlightCode, languageName } from './highlightCode';

const tokenKinds: CodeTokenKind[] = [
  'comment',
  'string',
  'keyword',
  'constant',
  'type',
  'variable',
];

const useStyles = makeStyles(theme => {
  const palette =
    codePalettes[theme.palette.type === 'dark' ? 'dark' : 'light'];
  return {
    pre: {
      margin: theme.spacing(0, 0, 2),
      padding: theme.spacing(1.5, 2),
      overflowX: 'auto',
      background: palette.background,
      color: palette.text,
      border: `1px solid ${palette.border}`,
      borderRadius: theme.shape.borderRadius,
      fontSize: '0.875rem',
      lineHeight: 1.5,
      tabSize: 4,
      '&:focus-visible': {
        outline: `2px solid ${theme.palette.primary.main}`,
        outlineOffset: 2,
      },
    },
    nested: { marginLeft: theme.spacing(5) },
    code: { fontFamily: 'monospace', background: 'none', padding: 0 },
    ...Object.fromEntries(
      tokenKinds.map(kind => [
        kind,
        {
          color: palette[kind],
          ...(kind === 'comment' ? { fontStyle: 'italic' } : {}),
        },
      ]),
    ),
  } as Record<string, any>;
});

/**
 * A fix page's code block: highlighted in colours that pass WCAG AA on the light and dark
 * themes, and a labelled region that takes keyboard focus, so a long line can be scrolled
 * with the arrow keys.
 */
export function LessonCode(props: {
  code: string;
  language: string;
  /** Numbers the blocks of a page, so each label is unique. */
  index: number;
  /** Inside a list item: indented like the item's text. */
  nested?: boolean;
}) {
  const { code, language, index, nested } = props;
  const classes = useStyles();
  const name = languageName(language);
  return (
    <pre
      className={`${classes.pre} ${nested ? classes.nested : ''}`.trim()}
      // A scrollable region must take focus to be scrolled from the keyboard (WCAG 2.1.1,
      // axe scrollable-region-focusable); the role and label say what it is.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label={`Code example ${index}${name ? ` (${name})` : ''}`}
      data-language={language || undefined}
    >
      <code className={classes.code}>
        {highlightCode(code, language).map((token, i) =>
          token.kind ? (
            <span key={i} className={classes[token.kind]}>
              {token.text}
            </span>
          ) : (
            token.text
          ),
        )}
      </code>
    </pre>
  );
}
