import { LineIndex, shorten } from './lineIndex';

describe('LineIndex', () => {
  it('maps offsets to lines with \\n, \\r\\n and \\r line ends', () => {
    const index = new LineIndex('a\r\nbb\ncc\rd');
    expect([0, 3, 5, 6, 9, 10].map(o => index.lineOf(o))).toEqual([
      1, 2, 2, 3, 4, 4,
    ]);
    expect(index.lineText(1)).toBe('a');
    expect(index.lineText(3)).toBe('cc');
    expect(index.lineText(9)).toBe('');
    expect(index.snippet(2)).toBe('bb');
  });

  it('shortens snippets', () => {
    expect(shorten('  a \t b  ')).toBe('a b');
    expect(shorten('x'.repeat(200))).toHaveLength(120);
  });
});
