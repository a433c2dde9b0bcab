import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { countOf, scoreOf } from '@internal/plugin-go-scorecard-common';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import Skeleton from '@material-ui/lab/Skeleton';
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
  head: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
  },
  info: { padding: 2, marginTop: -2 },
  failed: { color: theme.palette.error.dark, marginTop: theme.spacing(0.5) },
}));

/** What the headline score counts, for its tooltip. */
export const SCORE_MEANING =
  'Score: passing checks ÷ (passing + warning + failing checks), summed over every service the filters match. Checks that do not apply or could not judge (error) are left out, and so are services that failed to scan and non-Go services.';

/** What a lesson tile counts, for its tooltip. */
export const LESSON_SHARE_MEANING =
  'Share of services passing the lesson: services whose every applicable check of the lesson passes, out of the services the lesson judged. One warning or failure means the service does not pass the lesson; services where no check of it applies are left out.';

/**
 * Share of entities whose worst status in the lesson is pass, of those it judged (worst
 * status pass, warn or fail): the score ({@link scoreOf}) over entities. Entities whose
 * worst status is `error` (a check could not judge) are left out, as `error` checks are
 * from the score; undefined when none is judged.
 */
export function compliance(entities: StatusCounts): number | undefined {
  return scoreOf(entities);
}

/** A figure tile: the number, what it is (with a tooltip saying how it is counted), details. */
function Tile(props: {
  figure?: number;
  label: ReactNode;
  /** Names the tooltip's button: "How is … counted?". */
  name: string;
  meaning: string;
  children?: ReactNode;
}) {
  const classes = useStyles();
  return (
    <div className={classes.tile}>
      <div className={classes.head}>
        <Typography className={classes.figure}>
          {props.figure === undefined ? '—' : `${props.figure}%`}
        </Typography>
        <Tooltip title={props.meaning}>
          <IconButton
            size="small"
            className={classes.info}
            aria-label={`How is ${props.name} counted?`}
          >
            <InfoOutlinedIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </div>
      {props.label}
      {props.children}
    </div>
  );
}

/**
 * Org-wide compliance: the score (share of applicable checks passing, over the services
 * scored, with how many failed to scan and how many non-Go services are listed next to
 * it) and, per lesson, the share of services passing it. Each figure says what it counts,
 * with a tooltip on how. Without aggregates yet, placeholders of the same size.
 */
export function ComplianceSummary(props: {
  aggregates?: Report['aggregates'];
}) {
  const { aggregates } = props;
  const classes = useStyles();
  const lessonLink = useRouteRef(lessonRouteRef);
  if (!aggregates) {
    return (
      <Grid
        container
        spacing={2}
        role="status"
        aria-busy="true"
        aria-label="Loading the figures"
      >
        {[0, 1, 2, 3, 4, 5].map(i => (
          <Grid item xs={6} sm={4} md={2} key={i}>
            <Skeleton variant="rect" height={120} />
          </Grid>
        ))}
      </Grid>
    );
  }
  // Entities whose scan failed have no result: the score leaves them out, and says so.
  const failed = aggregates.failedEntities ?? 0;
  const notGo = aggregates.notGoEntities ?? 0;
  const scored = aggregates.entities - failed;
  return (
    <Grid
      container
      spacing={2}
      component="section"
      aria-label="Compliance summary"
    >
      <Grid item xs={6} sm={4} md={2}>
        <Tile
          figure={aggregates.score}
          name="the score"
          meaning={SCORE_MEANING}
          label={
            <>
              <Typography variant="subtitle2" component="p">
                Score
              </Typography>
              <Typography variant="body2">
                of applicable checks pass, over {countOf(scored, 'service')}
              </Typography>
            </>
          }
        >
          {failed > 0 && (
            <Typography variant="body2" className={classes.failed}>
              <StatusIcon status="error" /> {countOf(failed, 'service')} failed
              to scan, not in the score
            </Typography>
          )}
          {notGo > 0 && (
            <Typography variant="caption" component="p">
              {countOf(notGo, 'non-Go service')} listed, not scored
            </Typography>
          )}
        </Tile>
      </Grid>
      {aggregates.byLesson.map(l => {
        const share = compliance(l.entities);
        const name = `L${l.lesson} ${l.title}`;
        return (
          <Grid item xs={6} sm={4} md={2} key={l.lesson}>
            <Tile
              figure={share}
              name={`the share of services passing ${name}`}
              meaning={LESSON_SHARE_MEANING}
              label={
                <>
                  <Typography variant="subtitle2" component="p">
                    {lessonLink ? (
                      <Link to={lessonLink({ lesson: l.slug })}>{name}</Link>
                    ) : (
                      name
                    )}
                  </Typography>
                  <Typography variant="body2">
                    of services pass the lesson
                  </Typography>
                </>
              }
            >
              <Typography variant="caption" component="p">
                {countOf(l.entities.fail, 'service fails', 'services fail')},{' '}
                {countOf(l.entities.warn, 'service warns', 'services warn')}
                {l.entities.error > 0 &&
                  `, ${countOf(
                    l.entities.error,
                    'service',
                  )} could not be judged (not counted)`}
              </Typography>
            </Tile>
          </Grid>
        );
      })}
    </Grid>
  );
}
