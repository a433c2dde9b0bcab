import { screen, waitFor, within } from '@testing-library/react';
import { fetchApiRef } from '@backstage/frontend-plugin-api';
import { LessonPage } from './LessonPage';
import { renderWithScorecard } from '../../__testUtils__/renderWithScorecard';
import { report, reportRow } from '../../__testUtils__/fixtures';

jest.mock('./lessonDocUrls', () => ({
  lessonDocUrls: {
    1: '/l1.md',
    2: '/l2.md',
    3: '/l3.md',
    4: '/l4.md',
    5: '/l5.md',
  },
}));

const markdown = `# Lesson 5: Graceful shutdown

Intro.

<a id="shutdown-http-close"></a>

## HTTP server shut down gracefully

\`\`\`go
srv.Shutdown(ctx)
\`\`\`
`;

function renderLesson(path: string, routes = {}) {
  const docFetch = jest.fn(async () => new Response(markdown, { status: 200 }));
  return renderWithScorecard(<LessonPage />, {
    routes: {
      'GET /report': {
        body: report([
          reportRow('notification-service', {
            checks: { 'shutdown-http-close': 'fail' },
          }),
        ]),
      },
      ...routes,
    },
    apis: [[fetchApiRef, { fetch: docFetch }]],
    initialRoute: path,
    mountPath: '/go-scorecard/lessons/:lesson',
  });
}

describe('LessonPage', () => {
  it('renders the fix page with each check under its anchor', async () => {
    await renderLesson('/go-scorecard/lessons/shutdown#shutdown-http-close');
    const heading = await screen.findByRole('heading', {
      name: 'HTTP server shut down gracefully',
    });
    expect(heading.closest('section')).toHaveAttribute(
      'id',
      'shutdown-http-close',
    );
    await waitFor(() =>
      expect(heading.closest('section')).toHaveTextContent('srv.Shutdown(ctx)'),
    );
  });

  it('lists the services failing the lesson now, with their failing checks', async () => {
    const { fetch } = await renderLesson('/go-scorecard/lessons/shutdown');
    const list = await screen.findByRole('list', {
      name: 'Services failing this lesson',
    });
    expect(
      within(list).getByRole('link', { name: /notification-service/ }),
    ).toBeInTheDocument();
    expect(
      within(list).getByRole('link', {
        name: 'HTTP server shut down gracefully',
      }),
    ).toHaveAttribute(
      'href',
      '/go-scorecard/lessons/shutdown#shutdown-http-close',
    );
    const url = new URL(String(fetch.mock.calls[0][0]));
    expect(url.searchParams.get('lesson')).toBe('shutdown');
    expect(url.searchParams.getAll('status')).toEqual(['fail']);
  });

  it('says when no service fails the lesson', async () => {
    await renderLesson('/go-scorecard/lessons/context', {
      'GET /report': { body: report([], 0) },
    });
    expect(
      await screen.findByText('No service fails this lesson.'),
    ).toBeInTheDocument();
  });

  it('lists the lessons for an unknown one', async () => {
    await renderLesson('/go-scorecard/lessons/nope');
    expect(
      (await screen.findAllByText(/No lesson 'nope'/)).length,
    ).toBeGreaterThan(0);
  });
});
