import { localPath, parseScannedSource, pinToRevision } from './sourceLocation';

describe('parseScannedSource', () => {
  it('reads url and local roots', () => {
    expect(parseScannedSource('url:https://github.com/o/r/tree/main')).toEqual({
      type: 'url',
      base: 'https://github.com/o/r/tree/main/',
    });
    expect(parseScannedSource('local:/srv/x')).toEqual({
      type: 'local',
      path: '/srv/x',
    });
    expect(parseScannedSource(undefined)).toBeUndefined();
  });
});

describe('pinToRevision', () => {
  const sha = '0123456789abcdef0123456789abcdef01234567';
  it('replaces the branch of GitHub and GitLab tree URLs with the commit, as file URLs', () => {
    expect(pinToRevision('https://github.com/o/r/tree/main/svc/', sha)).toBe(
      `https://github.com/o/r/blob/${sha}/svc/`,
    );
    expect(pinToRevision('https://gitlab.com/g/r/-/tree/main/', sha)).toBe(
      `https://gitlab.com/g/r/-/blob/${sha}/`,
    );
  });
  it('sets Bitbucket Server at=', () => {
    expect(
      pinToRevision(
        'https://bb.example.com/projects/P/repos/r/browse/?at=main',
        sha,
      ),
    ).toBe(`https://bb.example.com/projects/P/repos/r/browse/?at=${sha}`);
  });
  it('keeps the URL without a commit', () => {
    expect(pinToRevision('https://github.com/o/r/tree/main/', undefined)).toBe(
      'https://github.com/o/r/tree/main/',
    );
  });
});

describe('localPath', () => {
  it('joins the root and the path', () => {
    expect(localPath('/srv/x/', 'cmd/main.go')).toBe('/srv/x/cmd/main.go');
  });
});
