import { availableParallelism } from 'node:os';
import { join } from 'node:path';
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
    // The XDG Base Directory Specification: a relative path is invalid, ignored.
    expect(
      cacheDir([], {
        HOME: '/home/me',
        XDG_CACHE_HOME: 'cache',
        INIT_CWD: '/w',
      }),
    ).toBe('/home/me/.cache/go-scorecard/facts');
    expect(
      cacheDir([], { HOME: '/home/me', GO_SCORECARD_CACHE_DIR: '/ci/cache' }),
    ).toBe('/ci/cache');
    expect(cacheDir(['--cache-dir', 'here'], { INIT_CWD: '/work' })).toBe(
      '/work/here',
    );
    expect(cacheDir(['--no-cache'], { HOME: '/home/me' })).toBeUndefined();
    expect(cacheDir(['--cache-dir=here', '--no-cache'], {})).toBeUndefined();
    expect(() => parseArgs(['repo', '--cache-dir='], {}, false)).toThrow(
      /--cache-dir needs a folder/,
    );
  });

  it('defaults to text, fail on error, colour on a TTY only', () => {
    expect(parseArgs(['repo'], {}, true)).toEqual({
      dir: 'repo',
      resolvedDir: join(process.cwd(), 'repo'),
      format: 'text',
      failOn: 'error',
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

  it('resolves DIR and every folder option against the shell folder (INIT_CWD under yarn), else the working folder', () => {
    // `yarn scan` runs in the repository root; Yarn keeps the shell's folder in INIT_CWD.
    const env = { INIT_CWD: '/repo/examples/services', HOME: '/home/me' };
    expect(
      options(['checkout-service', '--cache-dir', '../.cache'], env),
    ).toMatchObject({
      dir: 'checkout-service',
      resolvedDir: '/repo/examples/services/checkout-service',
      cacheDir: '/repo/examples/.cache',
    });
    expect(
      options(['checkout-service'], { ...env, GO_SCORECARD_CACHE_DIR: 'c' })
        .cacheDir,
    ).toBe('/repo/examples/services/c');
    // Absolute paths stay as they are; without INIT_CWD the working folder is the base.
    expect(options(['/srv/api'], env).resolvedDir).toBe('/srv/api');
    expect(options(['api'], {}).resolvedDir).toBe(join(process.cwd(), 'api'));
    expect(options(['api'], { INIT_CWD: '' }).resolvedDir).toBe(
      join(process.cwd(), 'api'),
    );
  });

  it('takes --policy resolved like DIR, and --as-of as a day', () => {
    const env = { INIT_CWD: '/repo/examples/services' };
    expect(
      options(['cart-service', '--policy', '../policy.yaml'], env),
    ).toMatchObject({
      policyFile: {
        typed: '../policy.yaml',
        resolved: '/repo/examples/policy.yaml',
      },
    });
    expect(options(['a', '--policy=/etc/org.json'], env).policyFile).toEqual({
      typed: '/etc/org.json',
      resolved: '/etc/org.json',
    });
    expect(options(['a', '--as-of', '2028-02-29'], {}).asOf).toBe('2028-02-29');
    const plain = options(['a'], {});
    expect([plain.policyFile, plain.asOf]).toEqual([undefined, undefined]);
  });

  it('takes a DIR that starts with a dash after --', () => {
    expect(options(['--format', 'json', '--', '-odd'], {})).toMatchObject({
      dir: '-odd',
      format: 'json',
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
    [
      ['a', '--workers', '2.5'],
      '--workers must be a whole number from 0 to 256, not "2.5"',
    ],
    [['a', '--format'], '--format needs a value'],
    [['a', '--cache-dir', '--no-cache'], '--cache-dir needs a value'],
    [['a', '--cache-dir='], '--cache-dir needs a folder'],
    [['a', '--colour'], 'unknown option --colour'],
    [['-x', 'a'], 'unknown option -x'],
    [['a', '--no-color=yes'], '--no-color takes no value'],
    [['a', '--policy='], '--policy needs a file'],
    [['a', '--policy'], '--policy needs a value'],
    [
      ['a', '--as-of', '2026-02-30'],
      '--as-of must be a day as YYYY-MM-DD, not "2026-02-30"',
    ],
    [
      ['a', '--as-of', '2026-1-5'],
      '--as-of must be a day as YYYY-MM-DD, not "2026-1-5"',
    ],
    [
      ['a', '--as-of', 'today'],
      '--as-of must be a day as YYYY-MM-DD, not "today"',
    ],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, {}, false)).toThrow(new UsageError(message));
  });
});
