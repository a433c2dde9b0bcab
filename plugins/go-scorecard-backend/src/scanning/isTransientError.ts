const permanentErrorNames = new Set([
  'InputError',
  'NotFoundError',
  'NotAllowedError',
  'AuthenticationError',
  'ConflictError',
  'NotImplementedError',
]);

const transientCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * True when retrying a failed read soon may help: network failures, timeouts, rate
 * limits and server errors. Missing sources, refused paths and bad locations are not.
 */
export function isTransientError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as {
    name?: string;
    code?: string;
    statusCode?: number;
    response?: { status?: number };
    cause?: unknown;
  };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  if (e.code && transientCodes.has(e.code)) return true;
  const status = e.statusCode ?? e.response?.status;
  if (typeof status === 'number') return status === 429 || status >= 500;
  if (e.name && permanentErrorNames.has(e.name)) return false;
  if (e.cause) return isTransientError(e.cause);
  // Unknown failures (a reader's generic Error) are retried: the retry budget is bounded.
  return true;
}
