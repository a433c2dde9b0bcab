import { checks } from './catalog';
import { isGoService } from './goService';
import { CheckResult } from './types';

function scan(
  status: (
    c: (typeof checks)[number],
  ) => Pick<CheckResult, 'status' | 'message'>,
) {
  return checks.map(c => ({ lesson: c.lesson, ...status(c) }));
}

describe('isGoService', () => {
  it('is false when every Go code check found no Go module or no Go files', () => {
    expect(
      isGoService(
        scan(c =>
          c.lesson === 2 || c.lesson === 4
            ? {
                status: 'not_applicable',
                message: c.id.startsWith('context')
                  ? 'no Go files'
                  : 'no go.mod',
              }
            : { status: 'pass' },
        ),
      ),
    ).toBe(false);
  });

  it('is true when a Go code check judged the code, or is not applicable for another reason', () => {
    expect(isGoService(scan(() => ({ status: 'pass' })))).toBe(true);
    expect(
      isGoService(
        scan(() => ({ status: 'not_applicable', message: 'no test files' })),
      ),
    ).toBe(true);
  });

  it('is true without any Go code check', () => {
    expect(isGoService([])).toBe(true);
    expect(
      isGoService([
        { lesson: 1, status: 'not_applicable', message: 'no go.mod' },
      ]),
    ).toBe(true);
  });
});
