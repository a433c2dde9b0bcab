import { test, expect, APIRequestContext } from '@playwright/test';
import { resolve as resolvePath } from 'node:path';

/**
 * Error bodies of the portal as README starts it (`yarn start`: the backend under
 * NODE_ENV=development, where Backstage would add `error.stack`): no stack, no path of
 * the server, from our plugin and the catalog alike. Requests only, no browser.
 */
const backend = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';
const repoRoot = resolvePath(__dirname, '../..');

/** What an error body must never carry. */
function leaks(text: string): string[] {
  const found: string[] = [];
  if (/"stack"/.test(text)) found.push('stack');
  if (/\bat .*:\d+:\d+/.test(text)) found.push('frames');
  for (const path of [repoRoot, 'node_modules']) {
    if (text.includes(path)) found.push(path);
  }
  return found;
}

/** A guest's token, as the sign-in page gets it; waits for the backend to be up. */
async function guestToken(request: APIRequestContext): Promise<string> {
  let token = '';
  await expect(async () => {
    const res = await request.get(`${backend}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    expect(res.ok()).toBe(true);
    token = (await res.json()).backstageIdentity.token;
  }).toPass({ timeout: 90_000 });
  return token;
}

test('error bodies carry no stack or server path', async ({ request }) => {
  const token = await guestToken(request);
  const signedIn = { Authorization: `Bearer ${token}` };
  const cases: [string, number, string, 'GET' | 'POST', object][] = [
    ['unauthenticated', 401, '/api/go-scorecard/checks', 'GET', {}],
    [
      'bad parameter',
      400,
      '/api/go-scorecard/entities/comp%20onent/default/x',
      'GET',
      signedIn,
    ],
    [
      'unknown entity',
      404,
      '/api/go-scorecard/entities/component/default/no-such-service',
      'GET',
      signedIn,
    ],
    // The guest is not in checkout-team, which owns checkout-service.
    [
      'scan not allowed',
      403,
      '/api/go-scorecard/entities/component/default/checkout-service/scan',
      'POST',
      signedIn,
    ],
    ['catalog, unauthenticated', 401, '/api/catalog/entities', 'GET', {}],
    [
      'catalog, unknown entity',
      404,
      '/api/catalog/entities/by-name/component/default/no-such-service',
      'GET',
      signedIn,
    ],
  ];
  for (const [label, status, path, method, headers] of cases) {
    const res = await request.fetch(backend + path, {
      method,
      headers: headers as Record<string, string>,
    });
    const text = await res.text();
    expect(res.status(), label).toBe(status);
    expect(JSON.parse(text).error.message, label).toEqual(expect.any(String));
    expect(leaks(text), `${label}: ${text}`).toEqual([]);
  }
});
