/**
 * Deepest nesting of collections (mappings and sequences, block or flow) the analyzer
 * lets the YAML parser see in one text.
 *
 * The `yaml` library composes a document recursively, several stack frames per level, and
 * so do the analyzer's walks of what it composed: on Node's default stack a block mapping
 * overflows it somewhere between 850 and 1,000 levels, less when the caller's own stack is
 * deep. A manifest, CI file, values file or configuration file nests a few tens of levels at
 * most, so 256 refuses none of them and stays far below an overflow. A deeper text is
 * refused before it is parsed (by {@link yamlDepthExceeded}), with a note naming the line.
 */
export const MAX_YAML_DEPTH = 256;

/**
 * A YAML (or JSON) text refused because it nests too deeply: deeper than
 * {@link MAX_YAML_DEPTH} by the pre-scan, or so deep the parser ran out of stack.
 * The message names the line (`YAML nested deeper than 256 levels at line 257`).
 */
export class YamlTooDeepError extends Error {
  constructor(
    /** What is wrong, without the line: `YAML nested deeper than 256 levels`. */
    readonly problem: string,
    /** The 1-based line of the text, when known. */
    readonly line?: number,
  ) {
    super(line === undefined ? problem : `${problem} at line ${line}`);
    this.name = 'YamlTooDeepError';
  }

  /** The message with the line mapped by `sourceLine` (a rendered template's line to its file's). */
  messageAt(sourceLine: (line: number) => number): string {
    return this.line === undefined
      ? this.problem
      : `${this.problem} at line ${sourceLine(this.line)}`;
  }
}

/**
 * Throws a {@link YamlTooDeepError} when `text` nests deeper than {@link MAX_YAML_DEPTH}.
 * `language` names the text in the message (`JSON` for a JSON configuration file).
 */
export function assertYamlDepth(text: string, language = 'YAML'): void {
  const line = yamlDepthExceeded(text);
  if (line !== undefined)
    throw new YamlTooDeepError(
      `${language} nested deeper than ${MAX_YAML_DEPTH} levels`,
      line,
    );
}

/** A block collection open at a column: a sequence (`- `) or a mapping (keys, `? `). */
interface Level {
  col: number;
  seq: boolean;
}

const isBlank = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\r';
const endsToken = (c: string | undefined) =>
  c === undefined || c === '\n' || isBlank(c);
const endsFlowToken = (c: string | undefined) =>
  endsToken(c) || c === ',' || c === '[' || c === ']' || c === '{' || c === '}';
const isQuote = (c: string | undefined) => c === '"' || c === "'";

/**
 * The 1-based line at which `text` first nests deeper than `limit` collections, or undefined
 * when it never does. One pass over the text, linear in its length, that reads only what
 * decides nesting, as the parser would:
 * - flow collections count their `[`/`{` at a node's start in block context and anywhere in
 *   flow context, outside quoted scalars and comments (`run: echo ${{ x }}` is a plain scalar);
 * - block collections count by indentation: each column a key or a `- `/`? ` indicator
 *   opens (several on one line: `- - key: v`), a sequence written at its key's column
 *   (`key:` then `- item`) as a level of its own; a line less indented closes the deeper ones;
 * - block scalars (`|`, `>`) and the continuation lines of plain and quoted scalars are
 *   skipped, and `---` starts a document over.
 *
 * It is meant to count exactly the levels the parser composes (its tests compare the two on
 * the shapes `yaml` writes); in text that does not parse it may count more, which refuses
 * only a file the parser would refuse anyway.
 */
export function yamlDepthExceeded(
  text: string,
  limit = MAX_YAML_DEPTH,
): number | undefined {
  const n = text.length;
  const stack: Level[] = [];
  // Open flow collections: `[`, `{`, and `:` for a single-pair mapping in a sequence (`[a: b]`).
  const flow: string[] = [];
  let line = 0;
  /** Inside a quoted scalar that goes on to the next line. */
  let quote: '"' | "'" | undefined;
  /** Lines more indented than this belong to a block scalar. */
  let blockScalarOver: number | undefined;
  /** Lines more indented than this continue a plain scalar. */
  let plainOver: number | undefined;
  // In flow context: at a token's start, where a quote opens a quoted scalar (not inside a plain one).
  let tokenStart = true;
  let i = 0;

  const topCol = () => (stack.length ? stack[stack.length - 1].col : -1);
  /** Opens a block collection entry at `col`; false when that nests too deeply. */
  const open = (col: number, seq: boolean): boolean => {
    while (stack.length && stack[stack.length - 1].col > col) stack.pop();
    let top = stack[stack.length - 1];
    if (top && top.col === col && top.seq && !seq) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    if (top && top.col === col && top.seq === seq) return true;
    stack.push({ col, seq });
    return stack.length + flow.length <= limit;
  };
  const lineEnd = (from: number) => {
    const e = text.indexOf('\n', from);
    return e < 0 ? n : e;
  };

  while (i < n) {
    line++;
    const end = lineEnd(i);
    let p = i;
    const next = end + 1;
    // Whether the line goes on after a node (a quoted scalar closed), not at a node's start.
    let afterNode = false;

    if (quote) {
      p = skipQuoted(text, p, end, quote);
      if (p > end) {
        i = next;
        continue;
      }
      quote = undefined;
      afterNode = true;
    } else if (!flow.length) {
      let indent = 0;
      while (text[i + indent] === ' ') indent++;
      let c = i + indent;
      while (c < end && isBlank(text[c])) c++;
      const blank = c >= end || text[c] === '#';
      const marker =
        indent === 0 &&
        (text.startsWith('---', i) || text.startsWith('...', i)) &&
        endsToken(text[i + 3]);
      if (blockScalarOver !== undefined) {
        if (!marker && (blank || indent > blockScalarOver)) {
          i = next;
          continue;
        }
        blockScalarOver = undefined;
      }
      if (blank) {
        i = next;
        continue;
      }
      if (plainOver !== undefined) {
        if (!marker && indent > plainOver) {
          i = next;
          continue;
        }
        plainOver = undefined;
      }
      if (marker) {
        stack.length = 0;
        p = i + 3;
      } else if (indent === 0 && text[c] === '%') {
        i = next; // a directive
        continue;
      } else {
        while (stack.length && stack[stack.length - 1].col > indent)
          stack.pop();
        p = c;
      }
    }

    // The rest of the line, from `p`: block context while flow is 0.
    let atNode = !flow.length && !afterNode;
    // In flow context: after a blank, where `#` starts a comment.
    let blankBefore = true;
    let scalarCol = -1; // where the node that ended last started, to open it as a key
    while (p < end) {
      const ch = text[p];
      if (flow.length) {
        const blank = blankBefore;
        blankBefore = isBlank(ch);
        if (blankBefore) {
          p++;
        } else if (ch === '#' && blank) {
          break;
        } else if ((ch === '"' || ch === "'") && tokenStart) {
          p = skipQuoted(text, p + 1, end, ch);
          if (p > end) {
            quote = ch;
            break;
          }
          tokenStart = false;
        } else if (ch === '[' || ch === '{') {
          flow.push(ch);
          if (stack.length + flow.length > limit) return line;
          tokenStart = true;
          p++;
        } else if (ch === ']' || ch === '}') {
          if (flow[flow.length - 1] === ':') flow.pop();
          flow.pop();
          p++;
          tokenStart = false;
          if (!flow.length) atNode = false;
        } else {
          const indicator =
            ch === ',' ||
            ((ch === ':' || ch === '?') &&
              (endsFlowToken(text[p + 1]) ||
                (ch === ':' && isQuote(text[p - 1]))));
          if (ch === ',' && flow[flow.length - 1] === ':') flow.pop();
          else if (ch === ':' && indicator && flow[flow.length - 1] === '[') {
            flow.push(ch);
            if (stack.length + flow.length > limit) return line;
          }
          tokenStart = indicator;
          p++;
        }
        continue;
      }
      if (isBlank(ch)) {
        p++;
        continue;
      }
      if (ch === '#') break;
      if (!atNode) {
        // After a node: a `:` makes it a key, anything else ends what counts on this line.
        if (ch === ':' && endsToken(text[p + 1])) {
          if (scalarCol >= 0 && !open(scalarCol, false)) return line;
          atNode = true;
          scalarCol = -1;
          p++;
          continue;
        }
        break;
      }
      const col = p - i;
      if ((ch === '-' || ch === '?' || ch === ':') && endsToken(text[p + 1])) {
        if (ch !== ':' && !open(col, ch === '-')) return line;
        p++;
      } else if (ch === '[' || ch === '{') {
        scalarCol = col;
        flow.push(ch);
        if (stack.length + flow.length > limit) return line;
        tokenStart = true;
        blankBefore = false;
        p++;
      } else if (ch === '"' || ch === "'") {
        scalarCol = col;
        atNode = false;
        p = skipQuoted(text, p + 1, end, ch);
        if (p > end) {
          quote = ch;
          break;
        }
      } else if (ch === '|' || ch === '>') {
        blockScalarOver = topCol();
        break;
      } else if (ch === '&' || ch === '!') {
        while (p < end && !isBlank(text[p])) p++;
      } else {
        // A plain scalar: a key when `: ` ends it, else a value that may go on below.
        scalarCol = col;
        atNode = false;
        while (p < end) {
          const c = text[p];
          if (c === ':' && endsToken(text[p + 1])) break;
          if (c === '#' && isBlank(text[p - 1])) break;
          p++;
        }
        if (p >= end || text[p] === '#') {
          plainOver = topCol();
          break;
        }
      }
    }
    i = next;
  }
  return undefined;
}

/**
 * The index after the quote closing a quoted scalar whose text starts at `start`, or `end + 1`
 * when it does not close before `end` (the line's end). `\` escapes in double quotes, `''`
 * is a quote in single quotes.
 */
function skipQuoted(
  text: string,
  start: number,
  end: number,
  quote: '"' | "'",
): number {
  let p = start;
  while (p < end) {
    const c = text[p];
    if (quote === '"' && c === '\\') p += 2;
    else if (c === quote) {
      if (quote === "'" && text[p + 1] === "'") p += 2;
      else return p + 1;
    } else p++;
  }
  return end + 1;
}
