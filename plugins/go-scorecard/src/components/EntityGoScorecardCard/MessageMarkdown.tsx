import { MarkdownContent } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  markdown: {
    '& p': { margin: 0 },
    '& p + p': { marginTop: theme.spacing(0.5) },
    '& code': {
      fontFamily: 'monospace',
      fontSize: '0.92em',
      padding: theme.spacing(0, 0.5),
      borderRadius: theme.shape.borderRadius,
      // A border, not a background: the secondary text keeps its contrast on the card.
      border: `1px solid ${theme.palette.divider}`,
      wordBreak: 'break-word',
    },
  },
}));

/** Links are left out (their text kept), and images always. */
const noUri = () => '';

/**
 * Web and mail links only; any other URL is left out (its text kept). react-markdown's own
 * filter turns `javascript:` into `javascript:void(0)`, which Backstage's Link refuses by
 * throwing, so it must not reach it.
 */
const webLinksOnly = (href: string) =>
  /^(https?:\/\/|mailto:)/i.test(href.trim()) ? href : '';

/** Text with none of Markdown's syntax characters reads the same as plain text. */
const MARKDOWN_SYNTAX = /[`*_[\]<>!#\\~|&]|^\s*(\d+[.)]|[-+=])\s/m;

/**
 * A check's or finding's message, which is Markdown (`` `go install` ``, emphasis), rendered
 * through Backstage's Markdown renderer in its CommonMark dialect: raw HTML in the text shows
 * as text and is never parsed, only http(s) and mailto links stay links, and images are not
 * loaded. Text without Markdown syntax is shown as it is.
 *
 * @param message - the Markdown text
 * @param links - whether links stay links; false inside a button (an accordion's summary),
 *   where a link would be a control inside a control
 * @param color - the text colour: `textSecondary` for a secondary line
 */
export function MessageMarkdown(props: {
  message: string;
  links?: boolean;
  color?: 'textPrimary' | 'textSecondary';
}) {
  const { message, links = true, color = 'textPrimary' } = props;
  const classes = useStyles();
  if (!MARKDOWN_SYNTAX.test(message)) {
    return (
      <Typography variant="body2" component="div" color={color}>
        {message}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="div" color={color}>
      <MarkdownContent
        className={classes.markdown}
        dialect="common-mark"
        content={message}
        transformLinkUri={links ? webLinksOnly : noUri}
        transformImageUri={noUri}
      />
    </Typography>
  );
}
