import { readFile } from 'node:fs/promises';
import { Language, Parser, Query, Tree } from 'web-tree-sitter';
import { GoLexer } from './lexer';

/** Options of {@link GoParser.create}. */
export interface GoParserOptions {
  /** How long one `parse` may take before it gives up. Default 5 s. */
  timeoutMs?: number;
}

let goLanguage: Promise<Language> | undefined;
let instantiationQuery: Query | undefined;

/**
 * An explicitly instantiated generic function called with one argument (`NewDialer[int](addr)`,
 * `do.MustInvoke[*Server](i)`): the Go grammar reads it as a conversion to a generic type, since
 * the two are spelled alike. The capture is the type argument list.
 */
const INSTANTIATION = `(type_conversion_expression
  type: (generic_type
    type: [(type_identifier) (qualified_type)]
    type_arguments: (type_arguments) @args))`;

function loadGoLanguage(): Promise<Language> {
  // The bytes are read here: given a path, web-tree-sitter reads it through a dynamic
  // import of `fs`, which some hosts (Jest without VM modules) refuse.
  goLanguage ??= Parser.init()
    .then(() => readFile(require.resolve('tree-sitter-go/tree-sitter-go.wasm')))
    .then(wasm => Language.load(wasm));
  return goLanguage;
}

/**
 * Whether the text of a `new(…)` argument is an expression no type can be: Go 1.26's
 * `new(expr)`. A literal or sign first, a composite literal (`map[string]int{…}`, `[]int{…}`),
 * a call or conversion (`int64(5)`, `f()`; a type holds parentheses only in `func(…)`), a binary
 * operator, an index by a literal or a selector after an index (`peers[0].ID`), or a selector of
 * three names (`opts.id.x`: a type is at most `pkg.T`).
 */
export function isNewExpression(arg: string): boolean {
  const a = arg.trim();
  if (/^["'`0-9\-+!&(]/.test(a)) return true;
  if (/^(struct|interface|func)\b/.test(a)) return false;
  if (a.includes('{') || a.includes('(')) return true;
  if (/\s[-+*/%|^]\s|==|!=|&&|\|\||<=|>=/.test(a)) return true;
  // An index (`peers[0]`: a type argument is never a literal) or a selector after one
  // (`peers[i].ID`: an instantiated type has no fields).
  if (/^[A-Za-z_][\w.]*\s*\[\s*["'`0-9]/.test(a) || /\]\s*\./.test(a))
    return true;
  return /^[A-Za-z_]\w*(\s*\.\s*[A-Za-z_]\w*){2,}$/.test(a);
}

/**
 * The source with each `new(` of an expression spelled `nex(` (same length). Read with the
 * file's tokens ({@link GoLexer}): `new` in a string or a comment is none, and the argument is
 * the text up to the `)` that closes the call.
 */
function withoutNewExpressions(source: string): string {
  const tokens = new GoLexer(source).all();
  let out = '';
  let at = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const name = tokens[i];
    const open = tokens[i + 1];
    if (name.kind !== 'ident' || name.text !== 'new' || open.text !== '(')
      continue;
    let depth = 0;
    let close: number | undefined;
    for (let j = i + 1; j < tokens.length && close === undefined; j++) {
      const t = tokens[j];
      if (t.kind !== 'op') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}')
        if (--depth === 0) close = t.text === ')' ? t.start : -1;
    }
    if (close === undefined || close < 0) continue;
    if (!isNewExpression(source.slice(open.end, close))) continue;
    out += `${source.slice(at, name.start)}nex`;
    at = name.end;
  }
  return out + source.slice(at);
}

/**
 * The source with the type argument lists of {@link INSTANTIATION}s blanked (spaces, newlines
 * kept, so every offset and line stays): `NewDialer[int](addr)` reads as the call
 * `NewDialer     (addr)`, as a call of a non-generic function does. A real conversion to a
 * generic type (`Set[string](m)`) becomes a call of the type's name, which is how a conversion
 * to a non-generic type (`Set(m)`) already reads.
 */
function withoutTypeArguments(source: string, tree: Tree): string {
  instantiationQuery ??= new Query(tree.language, INSTANTIATION);
  const spans = instantiationQuery
    .captures(tree.rootNode)
    .map(c => [c.node.startIndex, c.node.endIndex] as const)
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    out +=
      source.slice(at, start) + source.slice(start, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + source.slice(at);
}

/** The number of error and missing nodes of a tree, up to a bound. */
function errorCount(tree: Tree): number {
  let count = 0;
  const cursor = tree.walk();
  try {
    let visited = 0;
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) count++;
      if (++visited > 200_000) return count;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return count;
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * A tree-sitter parser for Go. The WebAssembly runtime and the Go grammar are loaded once per
 * process; each instance owns one parser. Trees returned by {@link GoParser.parse} must be
 * freed with `tree.delete()`.
 */
export class GoParser {
  private constructor(
    private readonly parser: Parser,
    private readonly timeoutMs: number,
  ) {}

  /** A parser for Go. */
  static async create(options: GoParserOptions = {}): Promise<GoParser> {
    const language = await loadGoLanguage();
    const parser = new Parser();
    parser.setLanguage(language);
    return new GoParser(parser, options.timeoutMs ?? 5000);
  }

  /**
   * Parses Go source. Syntax errors yield a tree with error nodes; a parse that exceeds the
   * time budget throws. Go 1.26's `new(expr)` (`new("x")`, `new(int64(5))`), which the Go
   * grammar does not parse yet, is read as a call: when a parse has errors and the source
   * has such a `new(`, it is parsed again with those spelled `nex(` (same length, so every
   * offset stays; the text read from the source still says `new`), and that tree is kept when
   * it has fewer errors. An explicitly instantiated generic function called with one argument
   * is read as a call, not a conversion (see {@link withoutTypeArguments}).
   */
  parse(source: string): Tree {
    let text = source;
    let tree = this.parseOnce(source);
    if (tree.rootNode.hasError && source.includes('new(')) {
      const rewritten = withoutNewExpressions(source);
      if (rewritten !== source) {
        const again = this.parseOnce(rewritten);
        if (errorCount(again) < errorCount(tree)) {
          tree.delete();
          tree = again;
          text = rewritten;
        } else again.delete();
      }
    }
    // `](` is in every explicit instantiation called (and in generic declarations).
    if (!/\]\s*\(/.test(text)) return tree;
    const blanked = withoutTypeArguments(text, tree);
    if (blanked === text) return tree;
    const again = this.parseOnce(blanked);
    if (errorCount(again) > errorCount(tree)) {
      again.delete();
      return tree;
    }
    tree.delete();
    return again;
  }

  private parseOnce(source: string): Tree {
    const deadline = Date.now() + this.timeoutMs;
    const tree = this.parser.parse(source, null, {
      // Returning true cancels the parse (the typings say void; the runtime reads the result).
      progressCallback: (() => Date.now() > deadline) as () => void,
    });
    if (!tree) {
      this.parser.reset();
      throw new Error(
        `Go parse gave up after ${this.timeoutMs} ms (file too large or pathological)`,
      );
    }
    return tree;
  }
}
