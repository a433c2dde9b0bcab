import { useParams } from 'react-router-dom';
import {
  Content,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { getLesson, lessons } from '@internal/plugin-go-scorecard-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { lessonRouteRef, rootRouteRef } from '../../routes';
import { LessonServicesCard } from './LessonServicesCard';
import { LessonMarkdown } from './LessonMarkdown';
import { useLessonMarkdown } from './useLessonMarkdown';

/**
 * `/go-scorecard/lessons/:lesson`: a lesson's fix page beside the services failing it or
 * warning on it now; for an unknown lesson, links to the five.
 */
export function LessonPage() {
  const { lesson: slug } = useParams();
  const lesson = slug ? getLesson(slug) : undefined;
  const markdown = useLessonMarkdown(lesson?.id);
  const lessonLink = useRouteRef(lessonRouteRef);
  const reportLink = useRouteRef(rootRouteRef);

  if (!lesson) {
    return (
      <Content>
        <InfoCard title={`No lesson called '${slug}'`}>
          <Typography variant="body1" paragraph>
            This address does not name one of the scorecard's lessons (it may be
            mistyped, or older than a rename). The scorecard checks five:
          </Typography>
          <ol aria-label="The lessons">
            {lessons.map(l => (
              <li key={l.id}>
                <Typography variant="body1">
                  {lessonLink ? (
                    <Link to={lessonLink({ lesson: l.slug })}>{l.title}</Link>
                  ) : (
                    l.title
                  )}
                </Typography>
              </li>
            ))}
          </ol>
          {reportLink && (
            <Typography variant="body1">
              Or see how every service does in{' '}
              {/* Underlined: a link inside a sentence must not rely on colour. */}
              <Link to={reportLink()} underline="always">
                the report
              </Link>
              .
            </Typography>
          )}
        </InfoCard>
      </Content>
    );
  }

  return (
    <Content>
      <Typography variant="body2" paragraph>
        {reportLink && (
          <Link to={`${reportLink()}?lesson=${lesson.slug}`}>
            The report for this lesson
          </Link>
        )}
      </Typography>
      <Grid container spacing={3}>
        <Grid item xs={12} md={8}>
          {markdown.loading && <Progress />}
          {markdown.error && <ResponseErrorPanel error={markdown.error} />}
          {markdown.value && <LessonMarkdown markdown={markdown.value} />}
        </Grid>
        <Grid item xs={12} md={4}>
          <LessonServicesCard lesson={lesson} />
        </Grid>
      </Grid>
    </Content>
  );
}
