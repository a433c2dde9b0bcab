import { retryAfterFailure, retryDelayMs } from './retryPolicy';

const config = {
  maxRetries: 3,
  retryBackoffMs: 1000,
  scanIntervalMs: 60_000,
};

describe('retryDelayMs', () => {
  it('doubles the backoff with each attempt', () => {
    expect([1, 2, 3, 4].map(n => retryDelayMs(n, config))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never waits longer than the scan interval', () => {
    expect(retryDelayMs(7, config)).toBe(60_000);
    expect(retryDelayMs(60, config)).toBe(60_000);
    expect(retryDelayMs(1, { ...config, retryBackoffMs: 120_000 })).toBe(
      60_000,
    );
  });
});

describe('retryAfterFailure', () => {
  const transient = Object.assign(new Error('socket hang up'), {
    code: 'ECONNRESET',
  });
  const permanent = Object.assign(new Error('repository not found'), {
    name: 'NotFoundError',
  });

  it('retries transient failures with backoff within the budget', () => {
    expect(retryAfterFailure(transient, 1, config)).toEqual({
      retry: true,
      delayMs: 1000,
    });
    expect(retryAfterFailure(transient, 3, config)).toEqual({
      retry: true,
      delayMs: 4000,
    });
  });

  it('waits the scan interval once the budget is spent, and after permanent failures', () => {
    expect(retryAfterFailure(transient, 4, config)).toEqual({
      retry: false,
      delayMs: 60_000,
    });
    expect(retryAfterFailure(permanent, 1, config)).toEqual({
      retry: false,
      delayMs: 60_000,
    });
    expect(
      retryAfterFailure(transient, 1, { ...config, maxRetries: 0 }),
    ).toEqual({ retry: false, delayMs: 60_000 });
  });
});
