import { compareSemver, maxSemver } from './semver';

describe('semver', () => {
  it.each([
    ['v1.3.5', 'v1.4.0', -1],
    ['v1.4.0', 'v1.3.5', 1],
    ['v1.10.0', 'v1.9.0', 1],
    ['v1.4.0', 'v1.4.0', 0],
    ['v1', 'v1.0.0', 0],
    ['v1.2', 'v1.2.0', 0],
    ['v1.4.0-rc.1', 'v1.4.0', -1],
    ['v1.4.0-rc.2', 'v1.4.0-rc.10', -1],
    ['v1.4.0-alpha', 'v1.4.0-alpha.1', -1],
    ['v1.4.0-1', 'v1.4.0-alpha', -1],
    ['v1.3.6-0.20200304151241-7ed0ae7a8a0b', 'v1.4.0', -1],
    ['v1.3.6-0.20200304151241-7ed0ae7a8a0b', 'v1.3.5', 1],
    [
      'v0.0.0-20191010000000-abcdefabcdef',
      'v0.0.0-20200101000000-abcdefabcdef',
      -1,
    ],
    ['v2.0.0+incompatible', 'v2.0.0', 0],
    ['v2.0.0+incompatible', 'v1.9.9', 1],
    ['garbage', 'v0.0.1', -1],
    ['garbage', 'other', 0],
    ['v12345678901234567890.0.0', 'v9.0.0', 1],
  ])('compares %s with %s', (a, b, want) => {
    expect(compareSemver(a, b)).toBe(want);
  });

  it('orders invalid versions below valid ones', () => {
    expect(compareSemver('1.2.3', 'v0.0.1')).toBe(-1);
    expect(compareSemver('v01.2.3', 'v0.0.1')).toBe(-1);
    expect(compareSemver('v1.2.3-01', 'v0.0.1')).toBe(-1);
    expect(compareSemver('v1.2.3-pre.1+meta', 'v1.2.3-pre.1')).toBe(0);
  });

  it('finds the highest version', () => {
    expect(maxSemver(['v1.2.0', 'v1.5.2', 'v1.5.2-rc.1', 'v1.3.0'])).toBe(
      'v1.5.2',
    );
    expect(maxSemver([])).toBeUndefined();
  });
});
