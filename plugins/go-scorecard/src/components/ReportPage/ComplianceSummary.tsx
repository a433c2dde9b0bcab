import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { scoreOf } from '@internal/plugin-go-scorecard-common';
import { Report, StatusCounts } from '../../api/types';
import { lessonRouteRef } from '../../routes';
import { StatusIcon } from '../StatusIcon';

const useStyles = makeStyles(theme => ({
  figure: { fontSize: '1.75rem', fontWeight: 600, lineHeight: 1.2 },
  tile: {
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    height: '100%',
  },
  failed: { color: theme.palette.error.dark, marginTop: theme.spacing(0.5) },
}));

/**
 * Share of entities whose worst status in the lesson is pass, of those it judged (worst
 * status pass, warn or fail): the score ({@link scoreOf}) over entities. Entities whose
 * worst status is `error` (a check could not judge) are left out, as `error` checks are
 * from the score; undefined when none is judged.
 */
export function compliance(entities: StatusCounts): number | undefined {
  return scoreOf(entities);
}

/**
 * Org-wide compliance: overall score (over the services scanned, with how many failed to
 * scan next to it) and, per lesson, the share of services passing it.
 */
export function ComplianceSummary(props: { aggregates: Report['aggregates'] }) {
  const { aggregates } = props;
  const classes = useStyles();
  const lessonLink = useRouteRef(lessonRouteRef);
  // Entities whose scan failed have no result: the score leaves them out, and says so.
  const failed = aggregates.failedEntities ?? 0;
  const scored = aggregates.entities - failed;
  return (
    <Grid
      container
      spacing={2}
      component="section"
      aria-label="Compliance summary"
    >
      <Grid item xs={6} sm={4} md={2}>
        <div className={classes.tile}>
          <Typography className={classes.figure}>
            {aggregates.score === undefined ? '—' : `${aggregates.score}%`}
          </Typography>
          <Typography variant="body2">
            of applicable checks pass, over {scored}{' '}
            {scored === 1 ? 'service' : 'services'}
          </Typography>
          {failed > 0 && (
            <Typography variant="body2" className={classes.failed}>
              <StatusIcon status="error" /> {failed} failed to scan, not in the
              score
            </Typography>
          )}
        </div>
      </Grid>
      {aggregates.byLesson.map(l => {
        const share = compliance(l.entities);
        return (
          <Grid item xs={6} sm={4} md={2} key={l.lesson}>
            <div className={classes.tile}>
              <Typography className={classes.figure}>
                {share === undefined ? '—' : `${share}%`}
              </Typography>
              <Typography variant="body2">
                {lessonLink ? (
                  <Link
                    to={lessonLink({ lesson: l.slug })}
                  >{`L${l.lesson} ${l.title}`}</Link>
                ) : (
                  l.title
                )}
              </Typography>
              <Typography variant="caption" component="p">
                {l.entities.fail} failing, {l.entities.warn} warning
                {l.entities.error > 0 &&
                  `, ${l.entities.error} error (not counted)`}
              </Typography>
            </div>
          </Grid>
        );
      })}
    </Grid>
  );
}
