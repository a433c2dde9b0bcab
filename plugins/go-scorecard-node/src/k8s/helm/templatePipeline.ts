import { Operand, Pipeline, TemplateSyntaxError } from './templateNodes';
import { SPACE } from './templateScan';

/** A token of an action's body. */
export type Token =
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
export function tokenize(body: string, at: number): Token[] {
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

/** Parses the tokens of a whole pipeline; a `)` left over is an error. */
export function parsePipeline(tokens: Token[], at: number): Pipeline {
  const p = new PipelineParser(tokens, at);
  const pipe = p.pipeline();
  if (!p.done) throw new TemplateSyntaxError('unexpected ")"', at);
  return pipe;
}
