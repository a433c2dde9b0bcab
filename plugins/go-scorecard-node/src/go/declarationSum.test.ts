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

  it('weights a sum by a label: each lane times the label digest made odd, modulo 2^64', () => {
    const mask = (1n << 64n) - 1n;
    const lanes = (hex: string) =>
      [0, 1, 2, 3].map(i => BigInt(`0x${hex.slice(i * 16, i * 16 + 16)}`));
    const weighted = (sumHex: string, label: string) => {
      const factor = lanes(createHash('sha256').update(label).digest('hex'));
      return lanes(sumHex)
        .map((lane, i) => ((lane * (factor[i] | 1n)) & mask).toString(16))
        .map(l => l.padStart(16, '0'))
        .join('');
    };
    const sumOf = (part: string[]) => {
      const sum = new DeclarationSum();
      for (const text of part) sum.addText(text);
      return sum.hex();
    };
    const [one, two] = [sumOf(texts.slice(0, 2500)), sumOf(texts.slice(2500))];

    const sum = new DeclarationSum();
    sum.addIn(one, 'svc/api');
    expect(sum.hex()).toBe(weighted(one, 'svc/api'));

    // It distributes over the sum: a directory's files weighted one by one, or together.
    const byFile = new DeclarationSum();
    byFile.addIn(two, 'svc/api');
    byFile.addIn(one, 'svc/api');
    const together = new DeclarationSum();
    together.addIn(reference(texts), 'svc/api');
    expect(byFile.hex()).toBe(together.hex());

    // The same declarations in another directory give another sum.
    const elsewhere = new DeclarationSum();
    elsewhere.addIn(reference(texts), 'svc/db');
    expect(elsewhere.hex()).not.toBe(together.hex());
  });
});
