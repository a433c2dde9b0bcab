import { availableParallelism } from 'node:os';
import { UsageError, parseArgs } from './args';

/** parseArgs for a run (not --help). */
const options = (argv: string[], env: NodeJS.ProcessEnv) => {
  const parsed = parseArgs(argv, env, false);
  if (parsed === 'help') throw new Error('help');
  return parsed;
};

describe('parseArgs', () => {
  it('takes the worker count and the cache folder, with their defaults', () => {
    expect(options(['repo', '--workers', '0'], {}).workers).toBe(0);
    expect(options(['repo', '--workers=3'], {}).workers).toBe(3);
    for (const bad of ['-1', 'two', '', '1.5', '1000'])
      expect(() => parseArgs(['repo', `--workers=${bad}`], {}, false)).toThrow(
        /--workers must be a whole number from 0 to 256/,
      );
    const cacheDir = (argv: string[], env: NodeJS.ProcessEnv) =>
      options(['repo', ...argv], env).cacheDir;
    expect(cacheDir([], { HOME: '/home/me' })).toBe(
      '/home/me/.cache/go-scorecard/facts',
    );
    expect(cacheDir([], { HOME: '/home/me', XDG_CACHE_HOME: '/c' })).toBe(
      '/c/go-scorecard/facts',
    );
    expect(
      cacheDir([], { HOME: '/home/me', GO_SCORECARD_CACHE_DIR: '/ci/cache' }),
    ).toBe('/ci/cache');
    expect(cacheDir(['--cache-dir', 'here'], {})).toBe('here');
    expect(cacheDir(['--no-cache'], { HOME: '/home/me' })).toBeUndefined();
    expect(cacheDir(['--cache-dir=here', '--no-cache'], {})).toBeUndefined();
    expect(() => parseArgs(['repo', '--cache-dir='], {}, false)).toThrow(
      /--cache-dir needs a folder/,
    );
  });

  it('defaults to text, fail on error, colour on a TTY only', () => {
    expect(parseArgs(['repo'], {}, true)).toEqual({
      dir: 'repo',
      format: 'text',
      failOn: 'error',
      maxFindings: 100,
      docsUrl: undefined,
      color: true,
      workers: availableParallelism(),
      cacheDir: undefined,
    });
    expect(parseArgs(['repo'], {}, false)).toMatchObject({ color: false });
    expect(parseArgs(['repo'], { NO_COLOR: '1' }, true)).toMatchObject({
      color: false,
    });
    expect(parseArgs(['repo', '--no-color'], {}, true)).toMatchObject({
      color: false,
    });
  });

  it('reads options in both spellings, and the docs URL from the environment', () => {
    expect(
      parseArgs(
        [
          '--format=sarif',
          'repo',
          '--fail-on',
          'warning',
          '--max-file-bytes',
          '10',
        ],
        {},
        false,
      ),
    ).toMatchObject({
      dir: 'repo',
      format: 'sarif',
      failOn: 'warning',
      maxFileBytes: 10,
    });
    expect(parseArgs(['repo', '--max-findings', '0'], {}, false)).toMatchObject(
      { maxFindings: 0 },
    );
    expect(parseArgs(['repo', '--max-findings=25'], {}, false)).toMatchObject({
      maxFindings: 25,
    });
    expect(
      parseArgs(['repo'], { GO_SCORECARD_DOCS_URL: 'https://portal' }, false),
    ).toMatchObject({
      docsUrl: 'https://portal',
    });
  });

  it('returns help for -h and --help', () => {
    expect(parseArgs(['-h'], {}, false)).toBe('help');
    expect(parseArgs(['repo', '--help'], {}, false)).toBe('help');
  });

  it.each([
    [[], 'DIR is missing'],
    [['a', 'b'], 'one DIR expected, got 2'],
    [
      ['a', '--format', 'xml'],
      '--format must be one of text, json, sarif, not "xml"',
    ],
    [
      ['a', '--fail-on', 'info'],
      '--fail-on must be one of error, warning, never, not "info"',
    ],
    [
      ['a', '--max-file-bytes', '-3'],
      '--max-file-bytes must be a positive whole number, not "-3"',
    ],
    [
      ['a', '--max-findings', '-1'],
      '--max-findings must be a whole number (0 = all), not "-1"',
    ],
    [['a', '--format'], '--format needs a value'],
    [['a', '--colour'], 'unknown option --colour'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, {}, false)).toThrow(new UsageError(message));
  });
});
