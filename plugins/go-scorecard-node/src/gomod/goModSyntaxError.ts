/** A malformed line of go.mod or go.sum. The message reads `path:line: problem`. */
export class GoModSyntaxError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${path}:${line}: ${problem}`);
    this.name = 'GoModSyntaxError';
  }
}
