import { codePalettes } from './codePalettes';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map(i => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('codePalettes', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [theme, palette] of Object.entries(codePalettes)) {
    it(`keeps every ${theme} text colour at 4.5:1 or more on its background (WCAG AA)`, () => {
      const { background, border, ...texts } = palette;
      expect(border).toMatch(/^#[0-9a-f]{6}$/);
      const tooFaint = Object.entries(texts)
        .map(([kind, colour]) => [kind, contrast(colour, background)] as const)
        .filter(([, ratio]) => ratio < 4.5);
      expect(tooFaint).toEqual([]);
    });
  }
});
