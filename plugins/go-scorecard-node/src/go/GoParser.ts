import { readFile } from 'node:fs/promises';
import { Language, Parser, Tree } from 'web-tree-sitter';

/** Options of {@link GoParser.create}. */
export interface GoParserOptions {
  /** How long one `parse` may take before it gives up. Default 5 s. */
  timeoutMs?: number;
}

let goLanguage: Promise<Language> | undefined;

function loadGoLanguage(): Promise<Language> {
  // The bytes are read here: given a path, web-tree-sitter reads it through a dynamic
  // import of `fs`, which some hosts (Jest without VM modules) refuse.
  goLanguage ??= Parser.init()
    .then(() => readFile(require.resolve('tree-sitter-go/tree-sitter-go.wasm')))
    .then(wasm => Language.load(wasm));
  return goLanguage;
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
   * time budget throws.
   */
  parse(source: string): Tree {
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
