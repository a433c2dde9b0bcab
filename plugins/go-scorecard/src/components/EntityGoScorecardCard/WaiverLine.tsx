import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  Finding,
  FindingWaiver,
  parseWaiverSource,
} from '@internal/plugin-go-scorecard-common';
import { FindingLocation } from './useFindingLocation';
import { expiryNotice } from './waivers';

const useStyles = makeStyles(theme => ({
  waiver: {
    marginTop: theme.spacing(0.5),
    paddingLeft: theme.spacing(1),
    borderLeft: `3px solid ${theme.palette.divider}`,
  },
  soon: { fontWeight: 600, color: theme.palette.text.primary },
  source: { fontFamily: 'monospace' },
}));

/**
 * A finding's waiver of `.go-scorecard.yaml`: its reason, until when it holds (and how soon
 * that is) and its line of the file, linked at the scanned revision where the source has a
 * web view. `expired`: the waiver ran out and the finding counts again, which this says
 * first.
 */
export function WaiverLine(props: {
  waiver: FindingWaiver;
  locate: (finding: Finding) => FindingLocation;
  expired?: boolean;
}) {
  const { waiver, locate, expired } = props;
  const classes = useStyles();
  const notice = expired ? undefined : expiryNotice(waiver.expires);
  const at = parseWaiverSource(waiver.source);
  const { href, localPath } = at
    ? locate({ path: at.path, line: at.line, message: '', snippet: '' })
    : ({} as FindingLocation);
  return (
    <div className={classes.waiver}>
      {expired && (
        <Typography variant="body2" className={classes.soon}>
          Waiver expired <time dateTime={waiver.expires}>{waiver.expires}</time>
          : this finding counts again
        </Typography>
      )}
      <Typography variant="body2">Reason: {waiver.reason}</Typography>
      <Typography variant="body2" color="textSecondary">
        {!expired && (
          <>
            waived until <time dateTime={waiver.expires}>{waiver.expires}</time>
            {notice && (
              <>
                {' · '}
                <span className={classes.soon}>{notice}</span>
              </>
            )}
            {' · '}
          </>
        )}
        {'waiver at '}
        {href ? (
          <Link to={href} className={classes.source} externalLinkIcon>
            {waiver.source}
          </Link>
        ) : (
          <span className={classes.source} title={localPath}>
            {waiver.source}
          </span>
        )}
      </Typography>
    </div>
  );
}
