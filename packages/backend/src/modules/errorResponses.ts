import {
  RootHttpRouterConfigureContext,
  rootHttpRouterServiceFactory,
} from '@backstage/backend-defaults/rootHttpRouter';

/*
 * Why a filter and not a setting: in @backstage/backend-defaults 0.18 the error handler
 * (`MiddlewareFactory.error()`) puts `error.stack` into every error response body when
 * NODE_ENV is `development`, which `backstage-cli package start` (`yarn start`, the
 * README's `./run start`) sets. No config key turns it off: its only switch is the
 * `showStackTraces` option of `MiddlewareFactory.error()`, and the per-plugin router
 * (`httpRouterServiceFactory`) calls `middleware.error()` without options. So the root
 * router, which every request of every plugin passes, gets one more middleware through
 * its documented `configure` hook: it drops stacks (and redacts server paths) from
 * error bodies, whichever handler wrote them.
 */

/** The part of an Express response the filter uses. */
interface JsonResponse {
  statusCode: number;
  json(body?: unknown): unknown;
}

/**
 * An absolute path in running text: `/` then at least one character, at the start or
 * after a space, quote, bracket, `=` or `,` (so URLs like `https://host/x` are left alone).
 */
const ABSOLUTE_PATH = /(^|[\s'"`([=,])(\/[^\s'"`)\],;]+)/g;

/** What stands for a server path in an error message. */
export const REDACTED_PATH = '<server path>';

/** Nesting of `cause` / `errors` followed before giving up (cycles, hostile input). */
const MAX_DEPTH = 8;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A serialized error, as `serializeError` of @backstage/errors writes it. */
function isSerializedError(value: unknown): value is Record<string, unknown> {
  return (
    isObject(value) &&
    typeof value.name === 'string' &&
    typeof value.message === 'string'
  );
}

/** `error` without stacks, with server paths redacted from its texts, causes included. */
function cleanError(
  error: Record<string, unknown>,
  depth = 0,
): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === 'stack') continue;
    if (typeof value === 'string') {
      clean[key] = value.replace(
        ABSOLUTE_PATH,
        (_m, lead: string) => lead + REDACTED_PATH,
      );
    } else if (depth >= MAX_DEPTH) {
      // Deeper than any real error: not shown rather than shown unchecked.
    } else if (isObject(value)) {
      clean[key] = cleanError(value, depth + 1);
    } else if (Array.isArray(value)) {
      clean[key] = value.map(v => (isObject(v) ? cleanError(v, depth + 1) : v));
    } else {
      clean[key] = value;
    }
  }
  return clean;
}

/**
 * An error response body without stacks or server paths: the `error` of Backstage's
 * ErrorResponseBody (`{ error, request, response }`) and any serialized errors in an
 * `errors` list. Other bodies are returned as they are.
 */
export function withoutServerDetails(body: unknown): unknown {
  if (!isObject(body)) return body;
  let clean: Record<string, unknown> | undefined;
  if (isSerializedError(body.error)) {
    clean = { ...body, error: cleanError(body.error) };
  }
  if (Array.isArray(body.errors) && body.errors.some(isSerializedError)) {
    clean = {
      ...(clean ?? body),
      errors: body.errors.map(e => (isSerializedError(e) ? cleanError(e) : e)),
    };
  }
  return clean ?? body;
}

/**
 * Express middleware for the root router: every JSON body sent with a 4xx or 5xx
 * status, by any plugin's handler or the root's own, goes out through
 * {@link withoutServerDetails}. Successful responses are untouched.
 */
export function errorBodiesWithoutServerDetails() {
  return (_req: unknown, res: JsonResponse, next: () => void) => {
    const json = res.json.bind(res);
    res.json = (body?: unknown) =>
      json(res.statusCode >= 400 ? withoutServerDetails(body) : body);
    next();
  };
}

/**
 * The root router's `configure`: the filter first, so that it wraps every response,
 * then Backstage's defaults unchanged (helmet, CORS, compression, logging, rate limit,
 * health, routes, not-found, error handler, and the `backend.server` settings).
 */
export function configureRootHttpRouter(
  context: RootHttpRouterConfigureContext,
) {
  context.app.use(errorBodiesWithoutServerDetails());
  context.applyDefaults();
}

/**
 * The root HTTP router the portal's backend uses: Backstage's default, whose error
 * bodies carry no stack and no server path in any mode (`yarn start` runs with
 * NODE_ENV=development, where the default would add `error.stack`).
 */
export const rootHttpRouterWithoutServerDetails = rootHttpRouterServiceFactory({
  configure: configureRootHttpRouter,
});
