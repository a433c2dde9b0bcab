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
srv.Shutdown(ctx) // drains
\`\`\`

- A list item:

  \`\`\`
  plain text
  \`\`\`
`;

function renderLesson(path: string, routes = {}) {
  const docFetch = jest.fn(async () => new Response(markdown, { status: 200 }));
  return renderWithScorecard(<LessonPage />, {
    routes: {
      'GET /report': (url: URL) =>
        url.searchParams.get('status') === 'warn'
          ? {
              body: report([
                reportRow('checkout-service', {
                  checks: { 'k8s-prestop': 'warn' },
                }),
              ]),
            }
          : {
              body: report([
                reportRow('notification-service', {
                  title: 'Notification service with a very long display name',
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

// The first render loads the test app's lazy parts: on a busy machine that alone can take 20 s.
jest.setTimeout(60_000);

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

  it('shows code blocks as labelled, keyboard-focusable regions, highlighted', async () => {
    await renderLesson('/go-scorecard/lessons/shutdown');
    const goCode = await screen.findByRole('region', {
      name: 'Code example 1 (Go)',
    });
    expect(goCode.tagName).toBe('PRE');
    expect(goCode).toHaveAttribute('tabindex', '0');
    expect(goCode).toHaveTextContent('srv.Shutdown(ctx) // drains');
    expect(within(goCode).getByText('// drains').tagName).toBe('SPAN');
    // A block inside a list item, and one without a language, too.
    const plain = screen.getByRole('region', { name: 'Code example 2' });
    expect(plain).toHaveAttribute('tabindex', '0');
    expect(plain).toHaveTextContent(/^plain text$/);
  });

  it('lists the services failing the lesson now, with their failing checks', async () => {
    const { fetch } = await renderLesson('/go-scorecard/lessons/shutdown');
    const list = await screen.findByRole('list', {
      name: 'Services failing this lesson',
    });
    const name = 'Notification service with a very long display name';
    const service = within(list).getByRole('link', { name });
    expect(service).toHaveAttribute(
      'href',
      '/catalog/default/component/notification-service',
    );
    // A long name is cut with an ellipsis on one line; its title shows it whole.
    expect(service.closest('[title]')).toHaveAttribute('title', name);
    expect(screen.getByText('1 service fails it.')).toBeInTheDocument();
    expect(
      within(list).getByRole('link', {
        name: 'HTTP server shut down gracefully',
      }),
    ).toHaveAttribute(
      'href',
      '/go-scorecard/lessons/shutdown#shutdown-http-close',
    );
    const statuses = fetch.mock.calls.map(([input]) => {
      const url = new URL(String(input));
      expect(url.searchParams.get('lesson')).toBe('shutdown');
      return url.searchParams.getAll('status');
    });
    expect(statuses).toEqual([['fail'], ['warn']]);
  });

  it('lists the services with warnings on the lesson apart from the failing ones', async () => {
    await renderLesson('/go-scorecard/lessons/shutdown');
    const warnings = await screen.findByRole('list', {
      name: 'Services with warnings on this lesson',
    });
    expect(
      within(warnings).getByRole('link', { name: 'checkout-service' }),
    ).toBeInTheDocument();
    expect(
      within(warnings).queryByRole('link', { name: /Notification/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Warnings' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^1 service has a warning on it, failing or not/),
    ).toBeInTheDocument();
  });

  it('says when no service fails the lesson', async () => {
    await renderLesson('/go-scorecard/lessons/context', {
      'GET /report': { body: report([], 0) },
    });
    expect(
      await screen.findByText('No service fails this lesson.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No service has a warning on this lesson.'),
    ).toBeInTheDocument();
  });

  it('says an unknown lesson does not exist and links the five lessons', async () => {
    await renderLesson('/go-scorecard/lessons/nope');
    expect(
      await screen.findByText("No lesson called 'nope'"),
    ).toBeInTheDocument();
    const links = within(
      screen.getByRole('list', { name: 'The lessons' }),
    ).getAllByRole('link');
    expect(links.map(l => l.getAttribute('href'))).toEqual([
      '/go-scorecard/lessons/tooling',
      '/go-scorecard/lessons/protobuf',
      '/go-scorecard/lessons/grpc-dns',
      '/go-scorecard/lessons/context',
      '/go-scorecard/lessons/shutdown',
    ]);
    expect(links[4]).toHaveTextContent('Graceful shutdown');
    expect(screen.getByRole('link', { name: 'the report' })).toHaveAttribute(
      'href',
      '/go-scorecard',
    );
  });
});
