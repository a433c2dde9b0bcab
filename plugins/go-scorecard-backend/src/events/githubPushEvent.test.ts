import { pushPayload } from '../__testUtils__/pushEvents';
import { parseGithubPush } from './githubPushEvent';

describe('parseGithubPush', () => {
  it('reads the repository, the branch and the default branch', () => {
    expect(parseGithubPush(pushPayload())).toEqual({
      fullName: 'acme/shop',
      repositoryUrls: [
        'https://github.com/acme/shop',
        'https://github.com/acme/shop.git',
      ],
      ref: 'refs/heads/main',
      branch: 'main',
      defaultBranch: 'main',
      deleted: false,
    });
  });

  it('has no branch for a tag', () => {
    expect(
      parseGithubPush(pushPayload({ ref: 'refs/tags/v1.0.0' })).branch,
    ).toBeUndefined();
  });

  it.each([
    [null, 'Push event payload is not a JSON object'],
    ['text', 'Push event payload is not a JSON object'],
    [{ repository: {} }, "Push event payload has no string 'ref'"],
    [{ ref: 'refs/heads/main' }, "no object 'repository'"],
    [
      pushPayload({ repository: { full_name: 3 } }),
      "no string 'repository.full_name'",
    ],
    [
      pushPayload({ repository: { default_branch: undefined } }),
      "no string 'repository.default_branch'",
    ],
    [
      pushPayload({ repository: { html_url: null, clone_url: undefined } }),
      "neither 'repository.html_url' nor 'repository.clone_url'",
    ],
  ])('refuses %j with a clear error', (payload, message) => {
    expect(() => parseGithubPush(payload)).toThrow(message);
  });
});
