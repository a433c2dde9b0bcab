import { lastAtOrBefore } from './lastAtOrBefore';

describe('lastAtOrBefore', () => {
  const starts = [0, 10, 10, 25];
  const at = (v: number) => lastAtOrBefore(starts, s => s, v);

  it('finds the last key at or before the value', () => {
    expect(at(0)).toBe(0);
    expect(at(9)).toBe(0);
    expect(at(10)).toBe(2);
    expect(at(24)).toBe(2);
    expect(at(25)).toBe(3);
    expect(at(1000)).toBe(3);
  });

  it('gives -1 before the first key and for no items', () => {
    expect(at(-1)).toBe(-1);
    expect(lastAtOrBefore([], (s: number) => s, 5)).toBe(-1);
  });
});
