import useAsync from 'react-use/esm/useAsync';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { checks, LessonDefinition } from '@internal/plugin-go-scorecard-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { goScorecardApiRef } from '../../api/GoScorecardApi';

const LIMIT = 100;

/** The services failing a lesson now, each with the lesson's checks it fails (linking to their sections). */
export function FailingServicesList(props: { lesson: LessonDefinition }) {
  const { lesson } = props;
  const api = useApi(goScorecardApiRef);
  const { value, loading, error } = useAsync(
    () =>
      api.getReport({
        lesson: lesson.slug,
        statuses: ['fail'],
        orderBy: 'fail',
        order: 'desc',
        limit: LIMIT,
      }),
    [api, lesson.slug],
  );
  const lessonChecks = checks.filter(c => c.lesson === lesson.id);
  return (
    <InfoCard title="Failing this lesson now">
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.totalItems === 0 && (
        <Typography variant="body2">No service fails this lesson.</Typography>
      )}
      {value && value.totalItems > 0 && (
        <>
          <Typography variant="body2">
            {value.totalItems}{' '}
            {value.totalItems === 1 ? 'service fails' : 'services fail'} this
            lesson.
          </Typography>
          <List dense aria-label="Services failing this lesson">
            {value.items.map(row => (
              <ListItem key={row.entityRef} disableGutters>
                <ListItemText
                  primary={<EntityRefLink entityRef={row.entityRef} />}
                  secondary={lessonChecks
                    .filter(c => row.checks[c.id] === 'fail')
                    .map((c, i) => (
                      <span key={c.id}>
                        {i > 0 && ', '}
                        <Link to={`#${c.id}`}>{c.title}</Link>
                      </span>
                    ))}
                  secondaryTypographyProps={{ component: 'div' }}
                />
              </ListItem>
            ))}
          </List>
          {value.totalItems > LIMIT && (
            <Typography variant="body2">
              Showing {LIMIT} of {value.totalItems}.
            </Typography>
          )}
        </>
      )}
    </InfoCard>
  );
}
