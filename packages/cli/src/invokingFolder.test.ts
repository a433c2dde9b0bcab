import { invokingFolder } from './invokingFolder';

describe('invokingFolder', () => {
  it('is the shell folder Yarn keeps in INIT_CWD for a script, else the working folder', () => {
    expect(invokingFolder({ INIT_CWD: '/repo/examples' }, '/repo')).toBe(
      '/repo/examples',
    );
    expect(invokingFolder({}, '/home/me/svc')).toBe('/home/me/svc');
    expect(invokingFolder({ INIT_CWD: '' }, '/home/me/svc')).toBe(
      '/home/me/svc',
    );
    expect(invokingFolder({})).toBe(process.cwd());
  });
});
