import { NotAllowedError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRoots, LocalSourceOrigin } from './LocalRoots';

describe('LocalRoots', () => {
  let base: string;
  beforeAll(async () => {
    base = await fs.mkdtemp(join(tmpdir(), 'go-scorecard-roots-'));
    await fs.mkdir(join(base, 'root/svc'), { recursive: true });
    await fs.mkdir(join(base, 'outside'), { recursive: true });
    await fs.writeFile(join(base, 'root/svc/catalog-info.yaml'), 'x');
    await fs.writeFile(join(base, 'outside/secret.txt'), 'x');
    await fs.symlink(join(base, 'outside'), join(base, 'root/escape'));
    await fs.symlink(
      join(base, 'outside/secret.txt'),
      join(base, 'root/escape-file'),
    );
    await fs.symlink(join(base, 'root/gone'), join(base, 'root/dangling'));
  });
  afterAll(() => fs.rm(base, { recursive: true, force: true }));

  /** The error `resolveFolder` throws, which must be one. */
  async function refusal(
    roots: LocalRoots,
    target: string,
    origin?: LocalSourceOrigin,
  ): Promise<Error> {
    const error = await roots.resolveFolder(target, origin).then(
      folder => {
        throw new Error(`resolved to ${folder}`);
      },
      (e: Error) => e,
    );
    return error;
  }

  it('allows folders below a root, and the folder of a file', async () => {
    const roots = new LocalRoots([join(base, 'root')]);
    const real = await fs.realpath(join(base, 'root/svc'));
    await expect(roots.resolveFolder(join(base, 'root/svc'))).resolves.toBe(
      real,
    );
    await expect(
      roots.resolveFolder(join(base, 'root/svc/catalog-info.yaml')),
    ).resolves.toBe(real);
    await expect(
      roots.resolveFolder(join(base, 'root/svc'), {
        annotation: 'backstage.io/source-location',
        value: 'dir:./svc',
      }),
    ).resolves.toBe(real);
  });

  describe('refuses what is outside the roots exactly as what does not exist', () => {
    /** Each way out, and the one way in that does not exist. */
    const targets = () => ({
      '..': join(base, 'root/../outside'),
      'absolute folder outside': join(base, 'outside'),
      'absolute file outside': join(base, 'outside/secret.txt'),
      '/etc': '/etc',
      '/proc/self': '/proc/self',
      '/proc/self/root': '/proc/self/root',
      'symlink out of the root': join(base, 'root/escape'),
      'file symlink out of the root': join(base, 'root/escape-file'),
      'dangling symlink in the root': join(base, 'root/dangling'),
      'missing in the root': join(base, 'root/nope'),
      'missing outside': join(base, 'nope/deeper'),
    });
    const origin: LocalSourceOrigin = {
      annotation: 'backstage.io/source-location',
      value: 'dir:../../etc',
    };
    const message =
      'Local source dir:../../etc (backstage.io/source-location) cannot be read: not found or outside goScorecard.localRoots';

    it('with the one class and the one message naming only what the entity wrote', async () => {
      const roots = new LocalRoots([join(base, 'root')]);
      const seen: Record<string, [string, string, boolean]> = {};
      for (const [label, target] of Object.entries(targets())) {
        const e = await refusal(roots, target, origin);
        seen[label] = [e.name, e.message, e instanceof NotAllowedError];
      }
      const expected = Object.fromEntries(
        Object.keys(targets()).map(label => [
          label,
          ['NotAllowedError', message, true],
        ]),
      );
      expect(seen).toEqual(expected);
    });

    it('never naming a resolved target, a PID or a server path', async () => {
      const roots = new LocalRoots([join(base, 'root')]);
      const realBase = await fs.realpath(base);
      for (const withOrigin of [origin, undefined]) {
        for (const target of Object.values(targets())) {
          const e = await refusal(roots, target, withOrigin);
          expect(e.message).not.toContain(base);
          expect(e.message).not.toContain(realBase);
          expect(e.message).not.toContain('/proc');
          expect(e.message).not.toMatch(new RegExp(`\\b${process.pid}\\b`));
          expect(e.message).not.toContain('outside/');
          expect(e.message).not.toContain('secret');
          expect(e.message).not.toMatch(/does not exist|is outside/);
          expect(
            e.message.endsWith(
              'cannot be read: not found or outside goScorecard.localRoots',
            ),
          ).toBe(true);
          expect(e).toBeInstanceOf(NotAllowedError);
          expect(e.cause).toBeUndefined();
        }
      }
    });

    it('without an origin, naming the target only relative to its root', async () => {
      const roots = new LocalRoots([join(base, 'root')]);
      const tail =
        'cannot be read: not found or outside goScorecard.localRoots';
      await expect(
        refusal(roots, join(base, 'root/escape')),
      ).resolves.toMatchObject({ message: `Local source root/escape ${tail}` });
      await expect(
        refusal(roots, join(base, 'root/nope')),
      ).resolves.toMatchObject({ message: `Local source root/nope ${tail}` });
      for (const target of ['/proc/self', '/etc', join(base, 'outside')]) {
        await expect(refusal(roots, target)).resolves.toMatchObject({
          message: `Local source ${tail}`,
        });
      }
    });
  });

  it('refuses everything without roots, and says so', async () => {
    await expect(
      refusal(new LocalRoots([]), base, {
        annotation: 'go-scorecard/manifests-location',
        value: 'dir:./deploy',
      }),
    ).resolves.toMatchObject({
      name: 'NotAllowedError',
      message:
        'Local source dir:./deploy (go-scorecard/manifests-location) cannot be read: no goScorecard.localRoots are configured',
    });
    const bare = await refusal(new LocalRoots([]), base);
    expect(bare.message).toBe(
      'Local source cannot be read: no goScorecard.localRoots are configured',
    );
  });

  it("shows a local folder under its root's name, never the server's path", () => {
    const roots = new LocalRoots(['/srv/portal/examples', '/data/repos']);
    expect(roots.displayPath('/srv/portal/examples/checkout-service')).toBe(
      'examples/checkout-service',
    );
    expect(roots.displayPath('/data/repos/team/a')).toBe('repos/team/a');
    expect(roots.displayPath('/data/repos')).toBe('repos');
    expect(roots.displayPath('/data/repos/..cache')).toBe('repos/..cache');
    expect(roots.displayPath('/data/repos-other/x')).toBeUndefined();
    expect(roots.displayPath('/etc')).toBeUndefined();
  });

  it('redacts absolute paths in messages, keeping URLs and what the entity wrote', () => {
    const roots = new LocalRoots(['/srv/portal/examples']);
    expect(
      roots.redactPaths(
        "ENOENT: no such file or directory, open '/srv/portal/examples/svc/main.go'",
      ),
    ).toBe("ENOENT: no such file or directory, open 'examples/svc/main.go'");
    expect(
      roots.redactPaths(
        '/proc/5660 changed while being read and now leads outside the scanned folder',
      ),
    ).toBe(
      '<server path> changed while being read and now leads outside the scanned folder',
    );
    expect(roots.redactPaths('x (/work/main/y), z=/tmp/a,b')).toBe(
      'x (<server path>), z=<server path>,b',
    );
    const kept = [
      'Could not read https://git.example.com/acme/svc/tree/main/: 404',
      'Local source dir:../../etc (backstage.io/source-location) cannot be read',
      'and/or a/b',
    ];
    for (const text of kept) expect(roots.redactPaths(text)).toBe(text);
  });
});
