import { createHash } from 'node:crypto';
import { DeclarationSum } from './declarationSum';

/** The sum by its definition: each lane of the SHA-256 digests added as a BigInt, modulo 2^64. */
function reference(texts: string[]): string {
  const lanes = [0n, 0n, 0n, 0n];
  for (const text of texts) {
    const digest = createHash('sha256').update(text).digest('hex');
    for (let i = 0; i < 4; i++)
      lanes[i] =
        (lanes[i] + BigInt(`0x${digest.slice(i * 16, i * 16 + 16)}`)) &
        ((1n << 64n) - 1n);
  }
  return lanes.map(l => l.toString(16).padStart(16, '0')).join('');
}

describe('DeclarationSum', () => {
  // Thousands of digests: every lane and word overflows, many times.
  const texts = Array.from(
    { length: 5000 },
    (_, i) => `func f${i}(string,${'é\u{1F600}'.repeat(i % 3)}int)`,
  );

  it('is the lane-wise sum of the SHA-256 digests modulo 2^64', () => {
    const sum = new DeclarationSum();
    expect(sum.hex()).toBe('0'.repeat(64));
    for (const text of texts) sum.addText(text);
    expect(sum.hex()).toBe(reference(texts));
    expect(sum.hex()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('adds sums as it adds texts, in any order', () => {
    const halves = [texts.slice(0, 2000), texts.slice(2000)].map(part => {
      const sum = new DeclarationSum();
      for (const text of [...part].reverse()) sum.addText(text);
      return sum.hex();
    });
    const sum = new DeclarationSum();
    sum.add(halves[1]);
    sum.add(halves[0]);
    expect(sum.hex()).toBe(reference(texts));
  });
});
