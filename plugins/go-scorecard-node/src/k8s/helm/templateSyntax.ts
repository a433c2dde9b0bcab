/**
 * The syntax of Go's text/template as Helm charts use it (https://pkg.go.dev/text/template):
 * text, `{{ pipeline }}` actions with `{{-`/`-}}` whitespace trimming, comments, variables,
 * `if`/`else if`/`with`/`range`/`define`/`block`/`template`. Every node keeps the offset of
 * the source it came from, so what a template renders can be traced back to its lines.
 */
import {
  ParsedTemplate,
  Pipeline,
  TemplateNode,
  TemplateSyntaxError,
} from './templateNodes';
import { parsePipeline, Token, tokenize } from './templatePipeline';
import { scan } from './templateScan';

const BLOCK_ENDERS = new Set(['end', 'else']);

type Stop = { word: 'end' | 'else'; rest: Token[]; at: number };
type ScanItem = ReturnType<typeof scan>[number];

/** Builds the node tree of a template from its scanned text and actions. */
class TreeParser {
  readonly defines = new Map<string, TemplateNode[]>();
  private pos = 0;

  constructor(
    private readonly items: ScanItem[],
    private readonly end: number,
  ) {}

  list(inBlock: boolean): { nodes: TemplateNode[]; stop?: Stop } {
    const nodes: TemplateNode[] = [];
    while (this.pos < this.items.length) {
      const item = this.items[this.pos++];
      if (item.k === 'text') {
        nodes.push(item);
        continue;
      }
      const tokens = tokenize(item.body, item.at);
      if (tokens.length === 0) continue; // a comment
      const head = tokens[0];
      const word = head.t === 'word' ? head.v : undefined;
      const rest = tokens.slice(1);
      if (word && BLOCK_ENDERS.has(word)) {
        if (!inBlock)
          throw new TemplateSyntaxError(`unexpected {{${word}}}`, item.at);
        return { nodes, stop: { word: word as 'end', rest, at: item.at } };
      }
      const node = this.statement(word, tokens, item.at);
      if (node) nodes.push(node);
    }
    if (inBlock)
      throw new TemplateSyntaxError(
        'unclosed block: missing {{end}}',
        this.end,
      );
    return { nodes };
  }

  private statement(
    word: string | undefined,
    tokens: Token[],
    at: number,
  ): TemplateNode | undefined {
    const rest = tokens.slice(1);
    switch (word) {
      case 'if':
      case 'with':
        return this.conditional(word, rest, at);
      case 'range': {
        const pipe = parsePipeline(rest, at);
        const body = this.list(true);
        let otherwise: TemplateNode[] | undefined;
        if (body.stop?.word === 'else') {
          const e = this.list(true);
          expectEnd(e.stop, at);
          otherwise = e.nodes;
        } else expectEnd(body.stop, at);
        return { k: 'range', pipe, body: body.nodes, otherwise, at };
      }
      case 'define':
      case 'block': {
        const name = rest[0];
        if (name?.t !== 'string')
          throw new TemplateSyntaxError(`${word} needs a name`, at);
        const body = this.list(true);
        expectEnd(body.stop, at);
        this.defines.set(name.v, body.nodes);
        if (word === 'define') return undefined;
        const pipe =
          rest.length > 1 ? parsePipeline(rest.slice(1), at) : undefined;
        return { k: 'template', name: name.v, pipe, at };
      }
      case 'template': {
        const name = rest[0];
        if (name?.t !== 'string')
          throw new TemplateSyntaxError('template needs a name', at);
        const pipe =
          rest.length > 1 ? parsePipeline(rest.slice(1), at) : undefined;
        return { k: 'template', name: name.v, pipe, at };
      }
      case 'break':
      case 'continue':
        return { k: word, at };
      default:
        return { k: 'action', pipe: parsePipeline(tokens, at), at };
    }
  }

  private conditional(
    word: 'if' | 'with',
    tokens: Token[],
    at: number,
  ): TemplateNode {
    const branches: { cond: Pipeline; body: TemplateNode[] }[] = [];
    let cond = parsePipeline(tokens, at);
    for (;;) {
      const body = this.list(true);
      branches.push({ cond, body: body.nodes });
      const stop = body.stop!;
      if (stop.word === 'end') return { k: word, branches, at };
      // `else`, `else if …`, `else with …`
      const next = stop.rest[0];
      if (next?.t === 'word' && (next.v === 'if' || next.v === 'with')) {
        cond = parsePipeline(stop.rest.slice(1), stop.at);
        continue;
      }
      const e = this.list(true);
      expectEnd(e.stop, at);
      return { k: word, branches, otherwise: e.nodes, at };
    }
  }
}

function expectEnd(stop: Stop | undefined, at: number): void {
  if (stop?.word !== 'end')
    throw new TemplateSyntaxError('block without {{end}}', at);
}

/**
 * Parses a template file. Throws {@link TemplateSyntaxError} for what Go's parser rejects
 * too: an unclosed action or block, an `end` without a block, a malformed pipeline.
 */
export function parseTemplate(src: string): ParsedTemplate {
  const parser = new TreeParser(scan(src), src.length);
  const { nodes } = parser.list(false);
  return { nodes, defines: parser.defines };
}
