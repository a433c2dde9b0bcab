import { countOf, nounFor } from './plural';

describe('countOf', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'warning')).toBe('1 warning');
    expect(countOf(0, 'warning')).toBe('0 warnings');
    expect(countOf(2, 'point')).toBe('2 points');
    expect(countOf(1, 'service fails', 'services fail')).toBe(
      '1 service fails',
    );
    expect(countOf(3, 'service fails', 'services fail')).toBe(
      '3 services fail',
    );
  });

  it('separates thousands', () => {
    expect(countOf(12345, 'finding')).toBe('12,345 findings');
  });
});

describe('nounFor', () => {
  it('gives the noun alone', () => {
    expect(nounFor(1, 'finding')).toBe('finding');
    expect(nounFor(5, 'finding')).toBe('findings');
    expect(nounFor(2, 'entry', 'entries')).toBe('entries');
  });
});
