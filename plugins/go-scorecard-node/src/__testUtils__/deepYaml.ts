/** Deeply nested YAML texts for tests, generated rather than committed. */
export const deepYaml = {
  /** `a:` one space deeper per line: a block mapping `depth` deep (line N opens level N). */
  blockMapping: (depth: number) =>
    `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join(
      '\n',
    )} 1\n`,
  /** `-` two spaces deeper per line: a block sequence `depth` deep (line N opens level N). */
  blockSequence: (depth: number) =>
    `${Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i)}-`).join(
      '\n',
    )} 1\n`,
  /** `[[[…]]]` on one line. */
  flowSequence: (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}\n`,
  /** `{a: {a: …}}` on one line. */
  flowMapping: (depth: number) =>
    `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`,
};
