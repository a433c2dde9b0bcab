import { LineCounter, Scalar } from 'yaml';

const WHITESPACE = /\s/;

/**
 * Maps offsets of a YAML string scalar's value to file lines.
 *
 * Folding (`>`), indentation, line joining of plain and quoted scalars and escapes change
 * whitespace and a few characters, but the value's other characters appear in the source
 * in the same order. Each such character is matched to the next equal one in the source;
 * whitespace takes the line of the character that follows it. Where matching fails (an
 * escape that produced a non-space character), later offsets keep the last known line.
 */
export function scalarLineMap(
  source: string,
  node: Scalar,
  lines: LineCounter,
): (offset: number) => number {
  const value = String(node.value);
  const [rangeStart, rangeEnd] = node.range ?? [0, 0];
  const block =
    node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  let p = block ? source.indexOf('\n', rangeStart) + 1 : rangeStart;
  if (p <= 0) p = rangeStart;
  const lineAt = (offset: number) => lines.linePos(offset).line;

  const result = new Array<number>(value.length);
  let last = lineAt(p);
  let matching = true;
  for (let i = 0; i < value.length; i++) {
    if (WHITESPACE.test(value[i])) continue;
    if (matching) {
      const j = source.indexOf(value[i], p);
      if (j >= 0 && j < rangeEnd) {
        last = lineAt(j);
        p = j + 1;
      } else matching = false;
    }
    result[i] = last;
  }
  let next = last;
  for (let i = value.length - 1; i >= 0; i--) {
    if (result[i] === undefined) result[i] = next;
    else next = result[i];
  }
  const fallback = lineAt(rangeStart);
  return offset => result[offset] ?? fallback;
}
