import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  CheckResult,
  Finding,
  lessons,
  worstStatus,
} from '@internal/plugin-go-scorecard-common';
import { StatusIcon } from '../StatusIcon';
import { CheckAccordion } from './CheckAccordion';
import { FindingLocation } from './useFindingLocation';

const useStyles = makeStyles(theme => ({
  lesson: { marginTop: theme.spacing(2) },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    fontWeight: 600,
  },
}));

/** The checks grouped by the five lessons, each lesson headed by its worst status. */
export function LessonCheckList(props: {
  checks: CheckResult[];
  locate: (finding: Finding) => FindingLocation;
  fixLink: (checkId: string) => string | undefined;
}) {
  const { checks, locate, fixLink } = props;
  const classes = useStyles();
  return (
    <>
      {lessons.map(lesson => {
        const lessonChecks = checks.filter(c => c.lesson === lesson.id);
        if (!lessonChecks.length) return null;
        const headingId = `go-scorecard-lesson-${lesson.id}`;
        return (
          <section
            key={lesson.id}
            className={classes.lesson}
            aria-labelledby={headingId}
          >
            <Typography
              variant="subtitle1"
              component="h4"
              id={headingId}
              className={classes.heading}
            >
              <StatusIcon
                status={worstStatus(lessonChecks.map(c => c.status))}
              />
              {`Lesson ${lesson.id}: ${lesson.title}`}
            </Typography>
            {lessonChecks.map(check => (
              <CheckAccordion
                key={check.id}
                check={check}
                locate={locate}
                fixLink={fixLink(check.id)}
              />
            ))}
          </section>
        );
      })}
    </>
  );
}
