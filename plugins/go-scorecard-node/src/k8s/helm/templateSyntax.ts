/**
 * The syntax of Go's text/template as Helm charts use it (https://pkg.go.dev/text/template):
 * text, `{{ pipeline }}` actions with `{{-`/`-}}` whitespace trimming, comments, variables,
 * `if`/`else if`/`with`/`range`/`define`/`block`/`template`. Every node keeps the offset of
 * the source it came from, so what a template renders can be traced back to its lines.
 */

/** An operand of a command: a field chain, a variable, a literal, a function name, a sub-pipeline. */
export type Operand =
  | { k: 'field'; base: 'dot'; chain: string[] }
  | { k: 'var'; name: string; chain: string[] }
  | { k: 'paren'; pipe: Pipeline; chain: string[] }
  | { k: 'string'; value: string }
  | { k: 'number'; value: number }
  | { k: 'bool'; value: boolean }
  | { k: 'nil' }
  | { k: 'ident'; name: string };

/** A pipeline: `$x := cmd arg | fn arg`, commands joined by `|`. */
export interface Pipeline {
  /** Variables declared (`:=`) or assigned (`=`) by the pipeline. */
  vars: string[];
  assign: boolean;
  cmds: Operand[][];
}

/** A node of a parsed template; `at` is the source offset it starts at. */
export type TemplateNode =
  | { k: 'text'; text: string; at: number }
  | { k: 'action'; pipe: Pipeline; at: number }
  | {
      k: 'if' | 'with';
      branches: { cond: Pipeline; body: TemplateNode[] }[];
      otherwise?: TemplateNode[];
      at: number;
    }
  | {
      k: 'range';
      pipe: Pipeline;
      body: TemplateNode[];
      otherwise?: TemplateNode[];
      at: number;
    }
  | { k: 'template'; name: string; pipe?: Pipeline; at: number }
  | { k: 'break' | 'continue'; at: number };

/** A parsed template file: its top-level nodes and the templates it defines. */
export interface ParsedTemplate {
  nodes: TemplateNode[];
  defines: Map<string, TemplateNode[]>;
}

/** Thrown for text that is not a template Go would parse; the message names the offset. */
export class TemplateSyntaxError extends Error {
  constructor(message: string, readonly at: number) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

interface RawAction {
  k: 'raw';
  body: string;
  at: number;
  trimLeft: boolean;
  trimRight: boolean;
}

const SPACE = /[ \t\r\n]/;

/** Splits a template into text and the raw bodies of its actions, trimming as `{{-`/`-}}` ask. */
function scan(
  src: string,
): ({ k: 'text'; text: string; at: number } | RawAction)[] {
  const out: ({ k: 'text'; text: string; at: number } | RawAction)[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      out.push({ k: 'text', text: src.slice(i), at: i });
      break;
    }
    if (open > i) out.push({ k: 'text', text: src.slice(i, open), at: i });
    let j = open + 2;
    const trimLeft = src[j] === '-' && SPACE.test(src[j + 1] ?? '');
    if (trimLeft) j += 1;
    const close = findClose(src, j);
    if (close < 0) throw new TemplateSyntaxError('unclosed action', open);
    let end = close;
    const trimRight =
      src[close - 1] === '-' && SPACE.test(src[close - 2] ?? '');
    if (trimRight) end = close - 1;
    out.push({
      k: 'raw',
      body: src.slice(j, end),
      at: open,
      trimLeft,
      trimRight,
    });
    i = close + 2;
  }
  // Trimming: `{{-` eats the white space before it, `-}}` the white space after it.
  for (let n = 0; n < out.length; n++) {
    const t = out[n];
    if (t.k !== 'text') continue;
    const before = out[n - 1];
    const after = out[n + 1];
    if (before?.k === 'raw' && before.trimRight) {
      const kept = t.text.replace(/^[ \t\r\n]+/, '');
      t.at += t.text.length - kept.length;
      t.text = kept;
    }
    if (after?.k === 'raw' && after.trimLeft)
      t.text = t.text.replace(/[ \t\r\n]+$/, '');
  }
  return out.filter(t => t.k !== 'text' || t.text !== '');
}

/** The offset of the `}}` closing an action whose body starts at `from`; quotes are skipped. */
function findClose(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const c = src[i];
    if (c === '}' && src[i + 1] === '}') return i;
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c && src[i] !== '\n') {
        if (src[i] === '\\') i++;
        i++;
      }
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) return -1;
      i = end;
    }
    i++;
  }
  return -1;
}

type Token =
  | { t: 'op'; v: '|' | '(' | ')' | ':=' | '=' | ',' }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'word'; v: string }
  | { t: 'field'; v: string[] }
  | { t: 'var'; v: string; chain: string[] }
  | { t: 'chain'; v: string[] };

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;
const FIELDS = /^(\.[A-Za-z_][A-Za-z0-9_]*)+/;
const NUMBER =
  /^[+-]?(0[xX][0-9a-fA-F_]+|[0-9][0-9_]*(\.[0-9]*)?([eE][+-]?[0-9]+)?)/;

/** The tokens of one action's body. */
function tokenize(body: string, at: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fields = (s: string) => s.split('.').slice(1);
  while (i < body.length) {
    const rest = body.slice(i);
    const c = body[i];
    if (SPACE.test(c)) {
      i++;
    } else if (rest.startsWith('/*')) {
      const end = body.indexOf('*/', i + 2);
      i = end < 0 ? body.length : end + 2;
    } else if (rest.startsWith(':=')) {
      tokens.push({ t: 'op', v: ':=' });
      i += 2;
    } else if ('|()=,'.includes(c)) {
      tokens.push({ t: 'op', v: c as '|' });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < body.length && body[j] !== '"') {
        if (body[j] === '\\') {
          const e = body[j + 1];
          s += ESCAPES[e] ?? e;
          j += 2;
        } else s += body[j++];
      }
      tokens.push({ t: 'string', v: s });
      i = j + 1;
    } else if (c === '`') {
      const end = body.indexOf('`', i + 1);
      tokens.push({ t: 'string', v: body.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "'") {
      const end = body.indexOf("'", i + 1);
      const ch = body.slice(i + 1, end).replace(/^\\/, '');
      tokens.push({ t: 'number', v: ch.codePointAt(0) ?? 0 });
      i = end + 1;
    } else if (c === '.') {
      const m = FIELDS.exec(rest);
      if (m) {
        // `.a.b` after `)` is a chain on the parenthesised value.
        const prev = tokens[tokens.length - 1];
        const chain = fields(m[0]);
        if (prev?.t === 'op' && prev.v === ')' && body[i - 1] === ')')
          tokens.push({ t: 'chain', v: chain });
        else tokens.push({ t: 'field', v: chain });
        i += m[0].length;
      } else if (/^\.[0-9]/.test(rest)) {
        const n = NUMBER.exec(`0${rest}`)!;
        tokens.push({ t: 'number', v: Number(n[0]) });
        i += n[0].length - 1;
      } else {
        tokens.push({ t: 'field', v: [] });
        i++;
      }
    } else if (c === '$') {
      const m = /^\$[A-Za-z0-9_]*/.exec(rest)!;
      const f = FIELDS.exec(rest.slice(m[0].length));
      tokens.push({ t: 'var', v: m[0], chain: f ? fields(f[0]) : [] });
      i += m[0].length + (f ? f[0].length : 0);
    } else if (NUMBER.test(rest) && /[0-9+-]/.test(c)) {
      const m = NUMBER.exec(rest)!;
      tokens.push({ t: 'number', v: Number(m[0].replace(/_/g, '')) });
      i += m[0].length;
    } else if (WORD.test(rest)) {
      const m = WORD.exec(rest)!;
      tokens.push({ t: 'word', v: m[0] });
      i += m[0].length;
    } else {
      throw new TemplateSyntaxError(`unexpected "${c}" in action`, at + i);
    }
  }
  return tokens;
}

/** Parses the tokens of a pipeline. */
class PipelineParser {
  private i = 0;

  constructor(private readonly tokens: Token[], private readonly at: number) {}

  get done(): boolean {
    return this.i >= this.tokens.length;
  }

  pipeline(): Pipeline {
    const vars: string[] = [];
    let assign = false;
    // `$a := …`, `$a, $b := …`, `$a = …`
    const save = this.i;
    while (this.peek()?.t === 'var') {
      const v = this.peek() as { t: 'var'; v: string; chain: string[] };
      if (v.chain.length) break;
      vars.push(v.v);
      this.i++;
      const next = this.peek();
      if (next?.t === 'op' && next.v === ',') {
        this.i++;
        continue;
      }
      if (next?.t === 'op' && (next.v === ':=' || next.v === '=')) {
        assign = next.v === '=';
        this.i++;
        break;
      }
      vars.length = 0;
      this.i = save;
      break;
    }
    const cmds: Operand[][] = [];
    let cmd: Operand[] = [];
    while (!this.done) {
      const tok = this.peek()!;
      if (tok.t === 'op' && tok.v === ')') break;
      this.i++;
      if (tok.t === 'op' && tok.v === '|') {
        if (!cmd.length) this.fail('missing command before "|"');
        cmds.push(cmd);
        cmd = [];
        continue;
      }
      cmd.push(this.operand(tok));
    }
    if (cmd.length) cmds.push(cmd);
    else if (cmds.length) this.fail('missing command after "|"');
    if (!cmds.length) this.fail('missing value');
    return { vars, assign, cmds };
  }

  private operand(tok: Token): Operand {
    switch (tok.t) {
      case 'string':
        return { k: 'string', value: tok.v };
      case 'number':
        return { k: 'number', value: tok.v };
      case 'field':
        return { k: 'field', base: 'dot', chain: tok.v };
      case 'var':
        return { k: 'var', name: tok.v, chain: tok.chain };
      case 'word':
        if (tok.v === 'true' || tok.v === 'false')
          return { k: 'bool', value: tok.v === 'true' };
        if (tok.v === 'nil') return { k: 'nil' };
        return { k: 'ident', name: tok.v };
      case 'op':
        if (tok.v === '(') {
          const pipe = this.pipeline();
          const close = this.tokens[this.i++];
          if (close?.t !== 'op' || close.v !== ')') this.fail('missing ")"');
          const chainTok = this.peek();
          let chain: string[] = [];
          if (chainTok?.t === 'chain') {
            chain = chainTok.v;
            this.i++;
          }
          return { k: 'paren', pipe, chain };
        }
        return this.fail(`unexpected "${tok.v}"`);
      default:
        return this.fail('unexpected field chain');
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private fail(message: string): never {
    throw new TemplateSyntaxError(message, this.at);
  }
}

function parsePipeline(tokens: Token[], at: number): Pipeline {
  const p = new PipelineParser(tokens, at);
  const pipe = p.pipeline();
  if (!p.done) throw new TemplateSyntaxError('unexpected ")"', at);
  return pipe;
}

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
