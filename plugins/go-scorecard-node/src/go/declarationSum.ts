import { hash } from 'node:crypto';

/** The sum's 64-bit lanes, each kept as two 32-bit words (high first): numbers, not BigInts. */
const WORDS = 8;
const TWO_32 = 2 ** 32;
const LANE_MASK = (1n << 64n) - 1n;

/**
 * A multiset hash of declarations: the sum, lane by lane modulo 2^64, of the SHA-256 of each
 * declaration's text, as four 64-bit lanes. Adding is commutative, so the sum of a tree is
 * the sum of its files' sums, whatever the order of the files and wherever a declaration
 * sits; a declaration added, removed or changed anywhere changes it.
 */
export class DeclarationSum {
  private readonly words = new Array<number>(WORDS).fill(0);

  /** Adds a declaration's text, or another sum (hex, as {@link DeclarationSum.hex} writes it). */
  add(sumHex: string): void {
    for (let i = 0; i < WORDS; i++)
      this.addWord(i, parseInt(sumHex.slice(i * 8, i * 8 + 8), 16));
  }

  /**
   * Adds another sum (hex) weighted by a label (a file's directory): each 64-bit lane times an
   * odd factor taken from the label's SHA-256, modulo 2^64. Multiplying distributes over the
   * sum, so the weighted sum of a directory's files is still the weighted sum of its
   * declarations wherever they sit in it, and a file moved to another directory changes it.
   */
  addIn(sumHex: string, label: string): void {
    const factor = hash('sha256', label, 'hex');
    for (let lane = 0; lane < WORDS / 2; lane++) {
      const digits = (hex: string) =>
        BigInt(`0x${hex.slice(lane * 16, lane * 16 + 16)}`);
      const product = (digits(sumHex) * (digits(factor) | 1n)) & LANE_MASK;
      this.addWord(lane * 2, Number(product >> 32n));
      this.addWord(lane * 2 + 1, Number(product & 0xffffffffn));
    }
  }

  /** Adds one declaration, by its text. */
  addText(text: string): void {
    const digest = hash('sha256', text, 'buffer');
    for (let i = 0; i < WORDS; i++) this.addWord(i, digest.readUInt32BE(i * 4));
  }

  /** The sum as 64 hex digits. */
  hex(): string {
    return this.words.map(w => w.toString(16).padStart(8, '0')).join('');
  }

  /** Adds a 32-bit word at `i`: a low word's carry goes to its lane's high word, a high word's is dropped. */
  private addWord(i: number, word: number) {
    const sum = this.words[i] + word;
    if (sum < TWO_32) {
      this.words[i] = sum;
      return;
    }
    this.words[i] = sum - TWO_32;
    if (i % 2 === 1) this.words[i - 1] = (this.words[i - 1] + 1) % TWO_32;
  }
}
