/** Most words one word's brace lists expand to. */
const MAX_WORDS = 32;

/**
 * Bash's brace expansion of an unquoted word (Bash Reference Manual, "Brace Expansion"):
 * `github.com/gogo/protobuf/{proto,protoc-gen-gogo}` is the two words
 * `github.com/gogo/protobuf/proto` and `github.com/gogo/protobuf/protoc-gen-gogo`, each list
 * (nested ones too) in turn, left to right. Only comma lists: a brace without a comma at its
 * level, `${…}` and an empty word stay as written. `raw` is the word as written: a word with
 * quotes or an escape is left whole (its braces may be quoted). Undefined when nothing expands.
 */
export function braceExpansion(
  value: string,
  raw: string,
): string[] | undefined {
  if (!value.includes('{') || /["'\\]/.test(raw)) return undefined;
  const out = expand(value);
  return out.length > 1 ? out.slice(0, MAX_WORDS) : undefined;
}

function expand(word: string): string[] {
  const group = firstGroup(word);
  if (!group) return [word];
  const { start, end, items } = group;
  const prefix = word.slice(0, start);
  const suffix = word.slice(end + 1);
  const out: string[] = [];
  for (const item of items) {
    for (const w of expand(prefix + item + suffix)) {
      out.push(w);
      if (out.length >= MAX_WORDS) return out;
    }
  }
  return out;
}

/** The first `{a,b}` of a word (not `${…}`): its braces' offsets and its comma-separated items. */
function firstGroup(
  word: string,
): { start: number; end: number; items: string[] } | undefined {
  for (let start = word.indexOf('{'); start >= 0; ) {
    if (word[start - 1] !== '$') {
      let depth = 0;
      const commas: number[] = [];
      for (let i = start; i < word.length; i++) {
        const c = word[i];
        if (c === '{') depth++;
        else if (c === '}') {
          if (--depth === 0) {
            if (!commas.length) break;
            const cuts = [start, ...commas, i];
            const items = cuts
              .slice(0, -1)
              .map((at, k) => word.slice(at + 1, cuts[k + 1]));
            return { start, end: i, items };
          }
        } else if (c === ',' && depth === 1) commas.push(i);
      }
    }
    start = word.indexOf('{', start + 1);
  }
  return undefined;
}
