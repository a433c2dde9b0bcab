import { mockApis } from '@backstage/frontend-test-utils';
import { GoScorecardClient } from './GoScorecardClient';
import {
  mockBaseUrl,
  mockScorecardFetch,
} from '../__testUtils__/mockScorecardFetch';
import { entityResult } from '../__testUtils__/fixtures';

function clientWith(fetch: typeof globalThis.fetch) {
  return new GoScorecardClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch },
  });
}

describe('GoScorecardClient', () => {
  it('gets an entity result by its lowercased ref', async () => {
    const fetch = mockScorecardFetch({
      'GET /entities/component/default/notification-service': {
        body: entityResult,
      },
    });
    const result = await clientWith(fetch).getEntityResult({
      kind: 'Component',
      namespace: 'default',
      name: 'notification-service',
    });
    expect(result?.score).toBe(entityResult.score);
    expect(fetch).toHaveBeenCalledWith(
      `${mockBaseUrl}/entities/component/default/notification-service`,
      undefined,
    );
  });

  it('returns undefined for an entity the scorecard does not scan', async () => {
    const fetch = mockScorecardFetch({});
    await expect(
      clientWith(fetch).getEntityResult({
        kind: 'component',
        namespace: 'default',
        name: 'x',
      }),
    ).resolves.toBeUndefined();
  });

  it('throws the backend error for other failures', async () => {
    const fetch = mockScorecardFetch({
      'GET /entities/component/default/x': {
        status: 500,
        body: { error: { name: 'Error', message: 'database down' } },
      },
    });
    await expect(
      clientWith(fetch).getEntityResult({
        kind: 'component',
        namespace: 'default',
        name: 'x',
      }),
    ).rejects.toMatchObject({
      statusCode: 500,
      cause: expect.objectContaining({ message: 'database down' }),
    });
  });

  it('posts a scan', async () => {
    const fetch = mockScorecardFetch({
      'POST /entities/component/default/x/scan': {
        body: { ...entityResult, scan: { state: 'completed' } },
      },
    });
    const result = await clientWith(fetch).scanEntity({
      kind: 'component',
      namespace: 'default',
      name: 'x',
    });
    expect(result.scan.state).toBe('completed');
  });

  it('sends report filters, sorting and the page as repeated query parameters', async () => {
    const fetch = mockScorecardFetch({
      'GET /report': { body: { items: [], totalItems: 0 } },
    });
    await clientWith(fetch).getReport({
      owners: ['team-a', 'team-b'],
      systems: ['shop'],
      lesson: '4',
      check: 'k8s-ndots',
      statuses: ['fail', 'warn'],
      text: 'cart',
      orderBy: 'score',
      order: 'desc',
      offset: 50,
      limit: 25,
    });
    expect(fetch.mock.calls[0][0]).toBe(
      `${mockBaseUrl}/report?owner=team-a&owner=team-b&system=shop&lesson=4&check=k8s-ndots&status=fail&status=warn&text=cart&orderBy=score&order=desc&offset=50&limit=25`,
    );
  });

  it('builds the CSV URL from the same filters, without the page', async () => {
    const url = await clientWith(mockScorecardFetch({})).getReportCsvUrl({
      owners: ['team-a'],
      order: 'asc',
    });
    expect(url).toBe(`${mockBaseUrl}/report.csv?owner=team-a&order=asc`);
  });

  it('downloads the CSV text', async () => {
    const fetch = mockScorecardFetch({
      'GET /report.csv': { text: 'entityRef\ncomponent:default/a\n' },
    });
    await expect(
      clientWith(fetch).getReportCsv({ owners: ['team-a'] }),
    ).resolves.toBe('entityRef\ncomponent:default/a\n');
  });

  it("gets the trend of the report's filters", async () => {
    const fetch = mockScorecardFetch({
      'GET /history': { body: { days: 30, points: [] } },
    });
    await clientWith(fetch).getHistory({
      owners: ['group:default/team-a'],
      lesson: '4',
      statuses: ['fail'],
      days: 30,
    });
    expect(fetch.mock.calls[0][0]).toBe(
      `${mockBaseUrl}/history?owner=group%3Adefault%2Fteam-a&lesson=4&status=fail&days=30`,
    );
  });

  it("gets a team's waivers expiring within some days", async () => {
    const body = { days: 30, until: '2026-12-31', items: [], totalItems: 0 };
    const fetch = mockScorecardFetch({ 'GET /waivers/expiring': { body } });
    await expect(
      clientWith(fetch).getExpiringWaivers({
        owners: ['group:default/team-a'],
        days: 30,
      }),
    ).resolves.toEqual(body);
    expect(fetch.mock.calls[0][0]).toBe(
      `${mockBaseUrl}/waivers/expiring?owner=group%3Adefault%2Fteam-a&days=30`,
    );
  });
});
