import { locationReadsBranch, repositoryKey } from './repositoryLocations';

const shop = {
  repositoryUrls: [
    'https://github.com/Acme/Shop',
    'https://github.com/Acme/Shop.git',
  ],
  branch: 'main',
  isDefaultBranch: true,
};

describe('repositoryKey', () => {
  it('lowercases and drops .git and trailing slashes', () => {
    expect(repositoryKey('https://github.com/Acme/Shop.git')).toBe(
      'https://github.com/acme/shop',
    );
    expect(repositoryKey('https://github.com/Acme/Shop/')).toBe(
      'https://github.com/acme/shop',
    );
  });

  it('refuses what is not an http(s) repository URL', () => {
    expect(repositoryKey('git@github.com:acme/shop.git')).toBeUndefined();
    expect(repositoryKey('https://github.com/acme')).toBeUndefined();
    expect(repositoryKey('not a url')).toBeUndefined();
  });
});

describe('locationReadsBranch', () => {
  it.each([
    'url:https://github.com/acme/shop/tree/main/',
    'url:https://github.com/acme/shop/tree/main/services/checkout',
    'url:https://github.com/acme/shop/blob/main/catalog-info.yaml',
    'url:https://github.com/ACME/shop/tree/main',
    'url:https://github.com/acme/shop',
    'url:https://github.com/acme/shop/',
    'url:https://github.com/acme/shop.git',
  ])('matches %s', stored => {
    expect(locationReadsBranch(stored, shop)).toBe(true);
  });

  it.each([
    // Another branch, another repository, a name that only starts the same.
    'url:https://github.com/acme/shop/tree/develop/',
    'url:https://github.com/acme/shop/tree/Main/',
    'url:https://github.com/acme/shop-api/tree/main/',
    'url:https://github.com/acme/other/tree/main/',
    'url:https://gitlab.com/acme/shop/tree/main/',
    'url:https://github.com/acme/shop/pulls',
    'local:/repos/shop',
    'garbage',
  ])('does not match %s', stored => {
    expect(locationReadsBranch(stored, shop)).toBe(false);
  });

  it('matches the repository root only for the default branch', () => {
    const feature = { ...shop, branch: 'feature/x', isDefaultBranch: false };
    expect(
      locationReadsBranch('url:https://github.com/acme/shop', feature),
    ).toBe(false);
    expect(
      locationReadsBranch(
        'url:https://github.com/acme/shop/tree/feature/x/svc',
        feature,
      ),
    ).toBe(true);
  });
});
