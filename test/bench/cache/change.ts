/**
 * The change the cache benchmark makes: a statement added at the start of the first function
 * body of a Go source, so that no package-level declaration changes.
 */
export function withStatementAdded(source: string, text: string): string {
  return source.replace(
    /\nfunc [^\n]*\{\n/,
    head => `${head}\t_ = ${JSON.stringify(text)}\n`,
  );
}
