import { useParams } from 'react-router-dom';
import {
  Content,
  Link,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { getLesson, lessons } from '@internal/plugin-go-scorecard-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { lessonRouteRef, rootRouteRef } from '../../routes';
import { FailingServicesList } from './FailingServicesList';
import { LessonMarkdown } from './LessonMarkdown';
import { useLessonMarkdown } from './useLessonMarkdown';

/** `/go-scorecard/lessons/:lesson`: a lesson's fix page and the services failing it now. */
export function LessonPage() {
  const { lesson: slug } = useParams();
  const lesson = slug ? getLesson(slug) : undefined;
  const markdown = useLessonMarkdown(lesson?.id);
  const lessonLink = useRouteRef(lessonRouteRef);
  const reportLink = useRouteRef(rootRouteRef);

  if (!lesson) {
    return (
      <Content>
        <WarningPanel title={`No lesson '${slug}'`}>
          The lessons are:{' '}
          {lessons.map((l, i) => (
            <span key={l.id}>
              {i > 0 && ', '}
              {lessonLink ? (
                <Link to={lessonLink({ lesson: l.slug })}>{l.title}</Link>
              ) : (
                l.title
              )}
            </span>
          ))}
        </WarningPanel>
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
          <FailingServicesList lesson={lesson} />
        </Grid>
      </Grid>
    </Content>
  );
}
