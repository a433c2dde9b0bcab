import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { Finding } from '@internal/plugin-go-scorecard-common';
import { MessageMarkdown } from './MessageMarkdown';

const useStyles = makeStyles(theme => ({
  root: { marginBottom: theme.spacing(1.5), listStyle: 'none' },
  location: { fontFamily: 'monospace', fontWeight: 500 },
  snippet: {
    margin: theme.spacing(0.5, 0),
    padding: theme.spacing(0.75, 1),
    background: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
    overflowX: 'auto',
    fontSize: '0.85em',
  },
}));

/**
 * One finding: `file:line` (a link to the source at the scanned revision when `href` is
 * known, the local path otherwise), the message (Markdown) and the offending snippet;
 * `children` follow, such as the finding's waiver.
 */
export function FindingItem(props: {
  finding: Finding;
  href?: string;
  localPath?: string;
  children?: ReactNode;
}) {
  const { finding, href, localPath, children } = props;
  const classes = useStyles();
  const location = `${finding.path}:${finding.line}`;
  return (
    <li className={classes.root}>
      {href ? (
        <Link to={href} className={classes.location} externalLinkIcon>
          {location}
        </Link>
      ) : (
        <span className={classes.location} title={localPath}>
          {location}
        </span>
      )}
      <MessageMarkdown message={finding.message} />
      {finding.snippet && (
        <pre className={classes.snippet}>
          <code>{finding.snippet}</code>
        </pre>
      )}
      {children}
    </li>
  );
}
