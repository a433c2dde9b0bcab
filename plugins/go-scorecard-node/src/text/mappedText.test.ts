import { MappedText } from './mappedText';

describe('MappedText', () => {
  it('maps offsets of the assembled text to the lines of the pieces', () => {
    const t = new MappedText()
      .append('go ', 4)
      .append('get ', 4)
      .append('', 5)
      .append('x', 7);
    expect(t.text).toBe('go get x');
    expect([0, 3, 7].map(t.lineOf)).toEqual([4, 4, 7]);
    expect(new MappedText().lineOf(0)).toBe(1);
  });
});
