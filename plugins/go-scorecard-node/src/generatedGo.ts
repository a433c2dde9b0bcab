// The convention go generate tools follow (https://go.dev/s/generatedcode): a line
// matching this, anywhere before the package clause.
const generatedLine = /^\/\/ Code generated .* DO NOT EDIT\.$/;

/** True when a Go file declares itself generated before its package clause. */
export function isGeneratedGo(source: string): boolean {
  let start = 0;
  while (start < source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const line = source.slice(start, end).replace(/\r$/, '');
    if (generatedLine.test(line)) return true;
    if (line.startsWith('package ')) return false;
    start = end + 1;
  }
  return false;
}
