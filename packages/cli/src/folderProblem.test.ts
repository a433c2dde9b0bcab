import { folderProblem } from './folderProblem';

const errno = (code: string) =>
  Object.assign(new Error(`${code}: raw text, open '/x'`), { code });

describe('folderProblem', () => {
  it('says in words why the folder cannot be scanned, naming it as typed and as resolved', () => {
    const at = (code: string) =>
      folderProblem('svc', '/home/me/svc', errno(code));
    expect(at('ENOENT')).toBe(
      'folder svc not found (resolved to /home/me/svc)',
    );
    expect(at('ENOTDIR')).toBe(
      'svc is not a folder (resolved to /home/me/svc)',
    );
    expect(at('EACCES')).toBe(
      'folder svc cannot be read: permission denied (resolved to /home/me/svc)',
    );
    expect(at('EPERM')).toBe(at('EACCES'));
    expect(at('ELOOP')).toBe(
      'folder svc cannot be read: too many levels of symbolic links (resolved to /home/me/svc)',
    );
    expect(at('EIO')).toBe(
      'folder svc cannot be read (EIO) (resolved to /home/me/svc)',
    );
    expect(folderProblem('svc', '/home/me/svc', new Error('odd'))).toBe(
      'folder svc cannot be read (resolved to /home/me/svc)',
    );
  });

  it('names an absolute folder once, and never repeats the errno text', () => {
    expect(folderProblem('/srv/api', '/srv/api', errno('ENOENT'))).toBe(
      'folder /srv/api not found',
    );
    for (const code of ['ENOENT', 'ENOTDIR', 'EACCES', 'EIO'])
      expect(folderProblem('a', '/b/a', errno(code))).not.toContain('raw text');
  });
});
