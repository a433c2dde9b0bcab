import { screen } from '@testing-library/react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { EntityGoScorecardCard } from '../components/EntityGoScorecardCard';
import { ReportPage } from '../components/ReportPage';
import { renderWithScorecard } from '../__testUtils__/renderWithScorecard';
import {
  entity,
  entityResult,
  report,
  reportRow,
} from '../__testUtils__/fixtures';

/**
 * `yarn bench:frontend`: time from the backend's response to the rendered report rows and
 * entity card, in jsdom (slower than a browser). Budgets: the report's first page within
 * 1 s, the card within 200 ms. Excluded from the test run (package.json `jest.testPathIgnorePatterns`): it prints figures.
 */
describe('render speed', () => {
  async function timeFromResponse(
    render: (onResponse: () => void) => Promise<unknown>,
    ready: () => Promise<HTMLElement>,
  ) {
    let respondedAt = 0;
    await render(() => {
      respondedAt = performance.now();
    });
    const element = await ready();
    return { ms: performance.now() - respondedAt, element };
  }

  it.each([25, 100])(
    'shows the first page of a 5,000-service report (%i rows) within 1 s of the response',
    async pageSize => {
      const rows = Array.from({ length: pageSize }, (_, i) =>
        reportRow(`service-${String(i).padStart(4, '0')}`),
      );
      const body = report(rows, 5000);
      const { ms, element } = await timeFromResponse(
        onResponse =>
          renderWithScorecard(<ReportPage />, {
            initialRoute: `/?pageSize=${pageSize}`,
            apis: [[catalogApiRef, catalogApiMock()]],
            routes: {
              'GET /report': url => {
                if (url.searchParams.get('limit') === String(pageSize))
                  onResponse();
                return { body };
              },
              'GET /history': { body: { days: 30, points: [] } },
            },
          }),
        () =>
          screen.findByText(
            `service-${String(pageSize - 1).padStart(4, '0')}`,
            {},
            { timeout: 10_000 },
          ),
      );
      expect(element).toBeInTheDocument();
      // eslint-disable-next-line no-console
      console.log(
        `report, 5,000 services, first page of ${pageSize} rows: ${ms.toFixed(
          0,
        )} ms after the response (budget 1000 ms)`,
      );
    },
  );

  it('renders the card within 200 ms of its data', async () => {
    const { ms, element } = await timeFromResponse(
      onResponse =>
        renderWithScorecard(<EntityGoScorecardCard />, {
          entity,
          routes: {
            'GET /entities/component/default/notification-service': () => {
              onResponse();
              return { body: entityResult };
            },
          },
        }),
      () => screen.findByText('Lesson 5: Graceful shutdown', { exact: false }),
    );
    expect(element).toBeInTheDocument();
    // eslint-disable-next-line no-console
    console.log(
      `entity card: ${ms.toFixed(0)} ms after the response (budget 200 ms)`,
    );
  });
});
