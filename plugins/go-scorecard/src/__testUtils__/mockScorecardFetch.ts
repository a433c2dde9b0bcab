/** A canned backend answer: JSON body (or text for CSV) and status. */
export interface MockRoute {
  status?: number;
  body?: unknown;
  text?: string;
  /** Resolves the response only when this promise does (for loading states). */
  delay?: Promise<void>;
}

/** Handlers by `"<METHOD> <path>"`, path without the query (e.g. `GET /report`); a function gets the URL. */
export type MockRoutes = Record<
  string,
  MockRoute | ((url: URL, init?: RequestInit) => MockRoute)
>;

/** The base URL the tests' discovery API returns for the plugin. */
export const mockBaseUrl = 'http://localhost:7007/api/go-scorecard';

/**
 * A `fetch` that answers the Go scorecard backend's routes from `routes`, 404 otherwise,
 * and records every call: the API is mocked at the fetch level.
 */
export function mockScorecardFetch(routes: MockRoutes) {
  return jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === 'string' || input instanceof URL ? input : input.url,
    );
    const path = url.pathname.replace(/^\/api\/go-scorecard/, '');
    const method = (init?.method ?? 'GET').toUpperCase();
    const handler = routes[`${method} ${path}`];
    const route = typeof handler === 'function' ? handler(url, init) : handler;
    if (route?.delay) await route.delay;
    if (!route) {
      return jsonResponse(404, {
        error: { name: 'NotFoundError', message: `No route ${method} ${path}` },
        response: { statusCode: 404 },
      });
    }
    if (route.text !== undefined) {
      return new Response(route.text, {
        status: route.status ?? 200,
        headers: { 'content-type': 'text/csv' },
      });
    }
    const status = route.status ?? 200;
    const body = route.body ?? {};
    const isError =
      status >= 400 && typeof body === 'object' && 'error' in body;
    return jsonResponse(
      status,
      isError ? { ...body, response: { statusCode: status } } : body,
    );
  });
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    headers: { 'content-type': 'application/json' },
  });
}
