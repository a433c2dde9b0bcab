import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  applicableOf,
  countOf,
  nounFor,
  worstStatus,
} from '@internal/plugin-go-scorecard-common';
import { EntityResult } from '../../api/types';
import { StatusIcon } from '../StatusIcon';
import { ScanTimes } from './ScanTimes';
import { splitWaived } from './waivers';

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
 * it, and are counted beside it), overall status with the counts of failed and warning checks
 * and of findings waived in `.go-scorecard.yaml` ("2 failed, 1 warning, 3 findings waived"),
 * when the source was last checked and last changed, and the revision.
 */
export function ScorecardSummary(props: { result: EntityResult }) {
  const { result } = props;
  const classes = useStyles();
  const { pass, warn, fail } = result.counts;
  const applicable = applicableOf(result.counts);
  const overall = worstStatus(result.checks.map(c => c.status));
  const revision = shortRevision(result);
  const waived = result.checks.reduce((n, c) => n + splitWaived(c).waived, 0);
  return (
    <div className={classes.root}>
      <div>
        {/* Named in words for screen readers (a paragraph may not carry aria-label), and
            no second "checks pass" text beside the visible one. */}
        <Typography className={classes.score} component="p">
          <span
            role="img"
            aria-label={`${pass} of ${countOf(
              applicable,
              'applicable check',
            )} ${nounFor(applicable, 'passes', 'pass')}`}
          >
            {pass}/{applicable}
          </span>
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
          {[
            `${fail.toLocaleString('en-US')} failed`,
            countOf(warn, 'warning'),
            ...(result.counts.error
              ? [countOf(result.counts.error, 'error')]
              : []),
            ...(waived
              ? [countOf(waived, 'finding waived', 'findings waived')]
              : []),
          ].join(', ')}
        </Typography>
      </div>
      <div>
        <Typography variant="body2" className={classes.meta}>
          <ScanTimes result={result} />
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
