import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './scan';

jest.setTimeout(60_000);

const example = join(
  __dirname,
  '..',
  '..',
  '..',
  'examples',
  'services',
  'checkout-service',
);

describe('the facts cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The entries of a cache folder (in its two-hex-digit shards). */
  const entries = (cache: string) =>
    readdirSync(cache)
      .filter(name => /^[0-9a-f]{2}$/.test(name))
      .flatMap(shard => readdirSync(join(cache, shard)));

  it('fills the folder on the first run and gives the same output from it on the next', async () => {
    const cache = join(dir, 'cache');
    const plain = await runCli([example, '--format', 'json', '--no-cache']);
    const first = await runCli([
      example,
      '--format',
      'json',
      '--cache-dir',
      cache,
    ]);
    const stored = entries(cache);
    expect(stored.length).toBeGreaterThan(2);
    const second = await runCli([example, '--format', 'json'], {
      GO_SCORECARD_CACHE_DIR: cache,
    });
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
    expect(entries(cache)).toEqual(stored);
  });

  it('writes nothing with --no-cache', async () => {
    await runCli([example, '--no-cache'], { GO_SCORECARD_CACHE_DIR: dir });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('scans on with a warning when the cache folder cannot be used', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const plain = await runCli([example, '--no-cache']);
    const run = await runCli([example, '--cache-dir', file]);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.code).toBe(plain.code);
    expect(run.stderr).toMatch(
      /^go-scorecard: the facts cache in .*not-a-folder failed \(.+\); files it could not give were parsed, and what was parsed may not be kept for the next run\n/,
    );
  });
});
