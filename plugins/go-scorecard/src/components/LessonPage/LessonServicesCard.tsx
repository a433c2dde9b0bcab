import useAsync from 'react-use/esm/useAsync';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  checks,
  countOf,
  LessonDefinition,
  nounFor,
  Report,
  ReportRow,
} from '@internal/plugin-go-scorecard-common';
import Divider from '@material-ui/core/Divider';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import { StatusIcon } from '../StatusIcon';

const LIMIT = 100;

const useStyles = makeStyles(theme => ({
  group: { marginTop: theme.spacing(1) },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    margin: 0,
  },
  divider: { margin: theme.spacing(2, 0, 1) },
  item: { display: 'block', paddingTop: 2, paddingBottom: 2 },
  // One line each, cut with an ellipsis; the whole text is the element's title.
  oneLine: {
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '100%',
  },
  checkLine: { paddingLeft: theme.spacing(2) },
}));

/** What one group of the card lists: failing checks, or warnings. */
interface Group {
  status: 'fail' | 'warn';
  heading: string;
  listLabel: string;
  none: string;
  summary: (count: number) => string;
}

const groups: Group[] = [
  {
    status: 'fail',
    heading: 'Failing',
    listLabel: 'Services failing this lesson',
    none: 'No service fails this lesson.',
    summary: n => `${countOf(n, 'service')} ${nounFor(n, 'fails', 'fail')} it.`,
  },
  {
    status: 'warn',
    heading: 'Warnings',
    listLabel: 'Services with warnings on this lesson',
    none: 'No service has a warning on this lesson.',
    // The report's lesson tile counts each service once, by its worst status; here a
    // failing service with a warning is listed in both groups, and says so.
    summary: n =>
      `${countOf(n, 'service')} ${nounFor(
        n,
        'has',
        'have',
      )} a warning on it, failing or not (the report's tile counts a service once, by its worst status).`,
  },
];

function ServiceGroup(props: {
  group: Group;
  report: Report;
  lesson: LessonDefinition;
}) {
  const { group, report, lesson } = props;
  const classes = useStyles();
  const lessonChecks = checks.filter(c => c.lesson === lesson.id);
  const checksOf = (row: ReportRow) =>
    lessonChecks.filter(c => row.checks[c.id] === group.status);
  return (
    <div className={classes.group}>
      <Typography
        variant="subtitle1"
        component="h3"
        className={classes.heading}
      >
        {/* The heading's word names the status; the icon repeats it for the eye. */}
        <span aria-hidden="true">
          <StatusIcon status={group.status} />
        </span>
        {group.heading}
      </Typography>
      {report.totalItems === 0 ? (
        <Typography variant="body2">{group.none}</Typography>
      ) : (
        <>
          <Typography variant="body2">
            {group.summary(report.totalItems)}
          </Typography>
          <List dense aria-label={group.listLabel}>
            {report.items.map(row => {
              const name = row.title ?? row.name;
              return (
                <ListItem
                  key={row.entityRef}
                  disableGutters
                  className={classes.item}
                >
                  <Typography
                    variant="body2"
                    component="div"
                    className={classes.oneLine}
                    title={name}
                  >
                    <EntityRefLink entityRef={row.entityRef} disableTooltip>
                      {name}
                    </EntityRefLink>
                  </Typography>
                  {checksOf(row).map(c => (
                    <Typography
                      key={c.id}
                      variant="body2"
                      color="textSecondary"
                      component="div"
                      className={`${classes.oneLine} ${classes.checkLine}`}
                      title={c.title}
                    >
                      <Link to={`#${c.id}`}>{c.title}</Link>
                    </Typography>
                  ))}
                </ListItem>
              );
            })}
          </List>
          {report.totalItems > report.items.length && (
            <Typography variant="body2">
              Showing {report.items.length} of {report.totalItems}.
            </Typography>
          )}
        </>
      )}
    </div>
  );
}

/**
 * The services with a check of the lesson failing now, then those with a warning (each
 * with those checks, linking to their sections), in two labelled groups.
 */
export function LessonServicesCard(props: { lesson: LessonDefinition }) {
  const { lesson } = props;
  const api = useApi(goScorecardApiRef);
  const classes = useStyles();
  const { value, loading, error } = useAsync(
    () =>
      Promise.all(
        groups.map(group =>
          api.getReport({
            lesson: lesson.slug,
            statuses: [group.status],
            orderBy: group.status,
            order: 'desc',
            limit: LIMIT,
          }),
        ),
      ),
    [api, lesson.slug],
  );
  return (
    <InfoCard title="Services on this lesson now">
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value &&
        groups.map((group, i) => (
          <div key={group.status}>
            {i > 0 && <Divider className={classes.divider} />}
            <ServiceGroup group={group} report={value[i]} lesson={lesson} />
          </div>
        ))}
    </InfoCard>
  );
}
