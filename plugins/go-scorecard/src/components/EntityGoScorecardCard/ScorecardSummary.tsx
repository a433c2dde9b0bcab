import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  applicableOf,
  worstStatus,
} from '@internal/plugin-go-scorecard-common';
import { EntityResult } from '../../api/types';
import { RelativeTime } from '../common/RelativeTime';
import { StatusIcon, statusLabels } from '../StatusIcon';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(3),
  },
  score: { fontSize: '2rem', fontWeight: 600, lineHeight: 1.1 },
  meta: { color: theme.palette.text.secondary },
  revision: { fontFamily: 'monospace' },
}));

/** The revision a result was scanned at: the short commit, or the start of the content hash. */
export function shortRevision(
  result: Pick<EntityResult, 'commit' | 'etag'>,
): string | undefined {
  if (result.commit) return result.commit.slice(0, 7);
  if (!result.etag) return undefined;
  const [algorithm, hash] = result.etag.includes(':')
    ? result.etag.split(':', 2)
    : ['', result.etag];
  return `${algorithm ? `${algorithm}:` : ''}${hash.slice(0, 12)}`;
}

/**
 * Score (checks passed out of those that apply and could judge: `error` checks are not in
 * it, and are counted beside it), overall status, last scan time and revision.
 */
export function ScorecardSummary(props: { result: EntityResult }) {
  const { result } = props;
  const classes = useStyles();
  const { pass, warn, fail } = result.counts;
  const applicable = applicableOf(result.counts);
  const overall = worstStatus(result.checks.map(c => c.status));
  const revision = shortRevision(result);
  return (
    <div className={classes.root}>
      <div>
        <Typography
          className={classes.score}
          component="p"
          aria-label={`${pass} of ${applicable} applicable checks pass`}
        >
          {pass}/{applicable}
        </Typography>
        <Typography variant="body2" className={classes.meta}>
          checks pass{result.score !== undefined ? ` (${result.score}%)` : ''}
        </Typography>
      </div>
      <div>
        <Typography variant="body1" component="p">
          <StatusIcon status={overall} showLabel />
        </Typography>
        <Typography variant="body2" className={classes.meta}>
          {fail} failed, {warn} {warn === 1 ? 'warning' : 'warnings'}
          {result.counts.error
            ? `, ${result.counts.error} ${statusLabels.error.toLowerCase()}`
            : ''}
        </Typography>
      </div>
      <div>
        <Typography variant="body2" className={classes.meta}>
          {result.scannedAt ? (
            <>
              Last scanned <RelativeTime time={result.scannedAt} />
            </>
          ) : (
            'Not scanned yet'
          )}
        </Typography>
        {revision && (
          <Typography variant="body2" className={classes.meta}>
            Revision{' '}
            <span
              className={classes.revision}
              title={result.commit ?? result.etag}
            >
              {revision}
            </span>
          </Typography>
        )}
      </div>
    </div>
  );
}
