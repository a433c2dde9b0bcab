import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { isTransientError } from './isTransientError';

describe('isTransientError', () => {
  it('retries network failures, timeouts, rate limits and server errors', () => {
    expect(
      isTransientError(
        Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
      ),
    ).toBe(true);
    expect(
      isTransientError(new DOMException('timed out', 'TimeoutError')),
    ).toBe(true);
    expect(
      isTransientError(Object.assign(new Error('x'), { statusCode: 503 })),
    ).toBe(true);
    expect(
      isTransientError(
        Object.assign(new Error('x'), { response: { status: 429 } }),
      ),
    ).toBe(true);
    expect(isTransientError(new Error('unknown'))).toBe(true);
  });

  it('does not retry missing or refused sources', () => {
    expect(isTransientError(new NotFoundError('gone'))).toBe(false);
    expect(isTransientError(new NotAllowedError('outside'))).toBe(false);
    expect(isTransientError(new InputError('bad location'))).toBe(false);
    expect(
      isTransientError(Object.assign(new Error('x'), { statusCode: 404 })),
    ).toBe(false);
  });
});
