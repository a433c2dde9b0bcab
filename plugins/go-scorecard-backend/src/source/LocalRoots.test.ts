import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRoots } from './LocalRoots';

describe('LocalRoots', () => {
  let base: string;
  beforeAll(async () => {
    base = await fs.mkdtemp(join(tmpdir(), 'go-scorecard-roots-'));
    await fs.mkdir(join(base, 'root/svc'), { recursive: true });
    await fs.mkdir(join(base, 'outside'), { recursive: true });
    await fs.writeFile(join(base, 'root/svc/catalog-info.yaml'), 'x');
    await fs.symlink(join(base, 'outside'), join(base, 'root/escape'));
  });
  afterAll(() => fs.rm(base, { recursive: true, force: true }));

  it('allows folders below a root, and the folder of a file', async () => {
    const roots = new LocalRoots([join(base, 'root')]);
    const real = await fs.realpath(join(base, 'root/svc'));
    await expect(roots.resolveFolder(join(base, 'root/svc'))).resolves.toBe(
      real,
    );
    await expect(
      roots.resolveFolder(join(base, 'root/svc/catalog-info.yaml')),
    ).resolves.toBe(real);
  });

  it('refuses .., symlinks and absolute paths leading out of the roots', async () => {
    const roots = new LocalRoots([join(base, 'root')]);
    await expect(
      roots.resolveFolder(join(base, 'root/../outside')),
    ).rejects.toThrow(/outside the allowed/);
    await expect(
      roots.resolveFolder(join(base, 'root/escape')),
    ).rejects.toThrow(/outside the allowed/);
    await expect(roots.resolveFolder('/etc')).rejects.toThrow(
      /outside the allowed/,
    );
    await expect(roots.resolveFolder(join(base, 'root/nope'))).rejects.toThrow(
      /does not exist/,
    );
  });

  it('refuses everything without roots', async () => {
    await expect(new LocalRoots([]).resolveFolder(base)).rejects.toThrow(
      /no goScorecard.localRoots/,
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
});
