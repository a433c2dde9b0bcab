import { LineIndex } from '../../text/lineIndex';
import { TEMPLATE_FUNCTIONS } from './templateFunctions';
import { Operand, Pipeline, TemplateNode } from './templateNodes';
import { parseTemplate } from './templateSyntax';
import {
  isPlainMap,
  printValue,
  TEMPLATE_PLACEHOLDER,
  truth,
  UNKNOWN,
  UNKNOWN_MARK,
  OPAQUE_MARK,
  hasUnknown,
} from './templateValues';

/**
 * A template rendered to YAML text, traced back to its source: `origins[i]` is the source
 * line that line `i + 1` of the text came from, and `opaqueLines` (1-based lines of the
 * text) are where the template may produce YAML the analyzer cannot see (an unknown value
 * alone on a line).
 */
export interface RenderedTemplate {
  text: string;
  origins: number[];
  opaqueLines: number[];
}

/** A named template (`define`) and the file it is in. */
export type Defines = Map<string, TemplateNode[]>;

/** Either mark of unknown output. */
const MARKS = new RegExp(`[${UNKNOWN_MARK}${OPAQUE_MARK}]`);

/** Most nodes one render evaluates: a loop over a large list stops there, unknown. */
const MAX_STEPS = 200_000;
/** Deepest `include` nesting. */
const MAX_DEPTH = 40;

/** Thrown when a render goes over {@link MAX_STEPS}. */
export class RenderBudgetError extends Error {
  constructor() {
    super(`template evaluates more than ${MAX_STEPS} nodes`);
    this.name = 'RenderBudgetError';
  }
}

interface Scope {
  dot: unknown;
  vars: Map<string, unknown>;
  parent?: Scope;
}

function lookupVar(scope: Scope | undefined, name: string): unknown {
  for (let s = scope; s; s = s.parent)
    if (s.vars.has(name)) return s.vars.get(name);
  return UNKNOWN;
}

function setVar(scope: Scope, name: string, value: unknown): void {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (s.vars.has(name)) {
      s.vars.set(name, value);
      return;
    }
  }
  scope.vars.set(name, value);
}

function field(v: unknown, chain: string[]): unknown {
  let cur = v;
  for (const name of chain) {
    if (cur === UNKNOWN) return UNKNOWN;
    if (!isPlainMap(cur)) return null;
    cur = name in cur ? cur[name] : null;
  }
  return cur ?? null;
}

/** Where rendered text goes: to lines traced to the source, or to a string (`include`). */
interface Sink {
  text(s: string, at: number): void;
  value(s: string, at: number): void;
}

class StringSink implements Sink {
  out = '';
  text(s: string): void {
    this.out += s;
  }
  value(s: string): void {
    this.out += s;
  }
}

/** Builds the rendered lines, each with the source line its first visible character came from. */
class LineSink implements Sink {
  readonly lines: string[] = [];
  readonly origins: number[] = [];
  private cur = '';
  private origin = 0;
  private fallback = 0;

  constructor(private readonly source: LineIndex) {}

  text(s: string, at: number): void {
    let line = this.source.lineOf(at);
    for (let i = 0; i < s.length; i++) {
      this.char(s[i], line);
      if (s[i] === '\n') line++;
    }
  }

  value(s: string, at: number): void {
    const line = this.source.lineOf(at);
    for (let i = 0; i < s.length; i++) this.char(s[i], line);
  }

  private char(c: string, line: number): void {
    if (c === '\n') {
      this.end();
      return;
    }
    if (!this.fallback) this.fallback = line;
    if (!this.origin && c !== ' ' && c !== '\t' && c !== '\r')
      this.origin = line;
    this.cur += c;
  }

  end(): void {
    this.lines.push(this.cur);
    this.origins.push(this.origin || this.fallback || this.lastOrigin());
    this.cur = '';
    this.origin = 0;
    this.fallback = 0;
  }

  private lastOrigin(): number {
    return this.origins[this.origins.length - 1] ?? 1;
  }
}

/**
 * Evaluates parsed templates with Go text/template semantics on a Helm root context
 * (`.Values`, `.Chart`, `.Release`, ...), where anything it cannot know is {@link UNKNOWN}
 * and a condition it cannot decide takes its branch: what the branch renders is read as if
 * the condition held (it hides nothing; the other branches are not read).
 */
class Evaluator {
  private steps = 0;
  private depth = 0;

  constructor(
    private readonly defines: Defines,
    private readonly root: unknown,
  ) {}

  render(nodes: TemplateNode[], scope: Scope, sink: Sink): void {
    for (const node of nodes) {
      if (++this.steps > MAX_STEPS) throw new RenderBudgetError();
      switch (node.k) {
        case 'text':
          sink.text(node.text, node.at);
          break;
        case 'action': {
          const v = this.pipeline(node.pipe, scope);
          if (!node.pipe.vars.length) sink.value(printValue(v), node.at);
          break;
        }
        case 'if':
        case 'with':
          this.conditional(node, scope, sink);
          break;
        case 'range':
          this.range(node, scope, sink);
          break;
        case 'template': {
          const dot = node.pipe ? this.pipeline(node.pipe, scope) : null;
          sink.value(this.include(node.name, dot), node.at);
          break;
        }
        default:
          // break/continue: rare in charts; what follows is rendered as if they were not there.
          break;
      }
    }
  }

  private conditional(
    node: Extract<TemplateNode, { k: 'if' | 'with' }>,
    scope: Scope,
    sink: Sink,
  ): void {
    for (const branch of node.branches) {
      const v = this.pipeline(branch.cond, scope);
      const t = truth(v);
      if (t === false) continue;
      const inner: Scope = {
        dot: node.k === 'with' ? v : scope.dot,
        vars: new Map(),
        parent: scope,
      };
      if (branch.cond.vars.length && !branch.cond.assign)
        inner.vars.set(branch.cond.vars[0], v);
      this.render(branch.body, inner, sink);
      return;
    }
    if (node.otherwise)
      this.render(
        node.otherwise,
        { dot: scope.dot, vars: new Map(), parent: scope },
        sink,
      );
  }

  private range(
    node: Extract<TemplateNode, { k: 'range' }>,
    scope: Scope,
    sink: Sink,
  ): void {
    const v = this.pipeline({ ...node.pipe, vars: [] }, scope);
    if (v === UNKNOWN || (typeof v === 'string' && hasUnknown(v))) {
      // What the body would write is not known; its items start where the body's own text
      // starts them (`values:` then `{{- range }}` and a new line): the mark goes there.
      const first = node.body[0];
      const lead = first?.k === 'text' ? /^\s*\n[ \t]*/.exec(first.text) : null;
      if (lead && first?.k === 'text') sink.text(lead[0], first.at);
      sink.value(OPAQUE_MARK, node.at);
      return;
    }
    let entries: [unknown, unknown][] = [];
    if (Array.isArray(v)) entries = v.map((x, i) => [i, x]);
    else if (isPlainMap(v))
      entries = Object.keys(v)
        .sort()
        .map(k => [k, v[k]]);
    else if (typeof v === 'number')
      entries = [...Array(Math.max(0, v)).keys()].map(i => [i, i]);
    if (entries.length === 0) {
      if (node.otherwise)
        this.render(
          node.otherwise,
          { dot: scope.dot, vars: new Map(), parent: scope },
          sink,
        );
      return;
    }
    for (const [key, value] of entries) {
      const inner: Scope = { dot: value, vars: new Map(), parent: scope };
      const names = node.pipe.vars;
      if (names.length === 1) inner.vars.set(names[0], value);
      else if (names.length === 2) {
        inner.vars.set(names[0], key);
        inner.vars.set(names[1], value);
      }
      this.render(node.body, inner, sink);
    }
  }

  /** A named template rendered to a string (`include`, `template`); unknown when undefined. */
  include(name: unknown, dot: unknown): string {
    const nodes = typeof name === 'string' ? this.defines.get(name) : undefined;
    if (!nodes || this.depth >= MAX_DEPTH) return OPAQUE_MARK;
    this.depth++;
    try {
      const sink = new StringSink();
      this.render(nodes, { dot, vars: new Map([['$', dot]]) }, sink);
      return sink.out;
    } finally {
      this.depth--;
    }
  }

  /** `tpl`: a string rendered as a template with the given dot. */
  private tpl(text: unknown, dot: unknown): unknown {
    if (typeof text !== 'string' || hasUnknown(text)) return OPAQUE_MARK;
    if (this.depth >= MAX_DEPTH) return OPAQUE_MARK;
    let parsed;
    try {
      parsed = parseTemplate(text);
    } catch {
      return UNKNOWN;
    }
    this.depth++;
    try {
      const sink = new StringSink();
      this.render(
        parsed.nodes,
        { dot, vars: new Map([['$', this.root]]) },
        sink,
      );
      return sink.out;
    } finally {
      this.depth--;
    }
  }

  pipeline(pipe: Pipeline, scope: Scope): unknown {
    let v: unknown;
    pipe.cmds.forEach((cmd, i) => {
      v = this.command(cmd, scope, i > 0, v);
    });
    if (pipe.vars.length === 1) {
      if (pipe.assign) setVar(scope, pipe.vars[0], v);
      else scope.vars.set(pipe.vars[0], v);
    }
    return v;
  }

  private command(
    cmd: Operand[],
    scope: Scope,
    piped: boolean,
    input: unknown,
  ): unknown {
    const [head, ...rest] = cmd;
    if (head.k === 'ident') {
      const args = rest.map(a => this.operand(a, scope));
      if (piped) args.push(input);
      return this.call(head.name, args);
    }
    // A value with arguments is a method call (`.Files.Get "x"`, `.Capabilities.APIVersions.Has`).
    if (rest.length || piped) return UNKNOWN;
    return this.operand(head, scope);
  }

  private call(name: string, args: unknown[]): unknown {
    if (name === 'include') return this.include(args[0], args[1]);
    if (name === 'tpl') return this.tpl(args[0], args[1]);
    const fn = TEMPLATE_FUNCTIONS[name];
    return fn ? fn(...args) : UNKNOWN;
  }

  private operand(op: Operand, scope: Scope): unknown {
    switch (op.k) {
      case 'field':
        return field(scope.dot, op.chain);
      case 'var':
        return field(
          op.name === '$' ? lookupVar(scope, '$') : lookupVar(scope, op.name),
          op.chain,
        );
      case 'paren':
        return field(this.pipeline(op.pipe, scope), op.chain);
      case 'string':
      case 'number':
      case 'bool':
        return op.value;
      case 'nil':
        return null;
      case 'ident':
        return this.call(op.name, []);
      default:
        return UNKNOWN;
    }
  }
}

/**
 * Renders one chart template with the chart's values (Helm's root context `root`: `Values`,
 * `Chart`, `Release`, `Capabilities`, `Template`) and the named templates of its chart.
 * Lines holding only unknown output become empty and opaque; unknown output inside a line
 * becomes {@link TEMPLATE_PLACEHOLDER}, and the line is opaque too when that output may be
 * YAML structure (see `OPAQUE_MARK`). Throws `TemplateSyntaxError` when the template does
 * not parse and {@link RenderBudgetError} when it evaluates too much.
 */
export function renderTemplate(
  text: string,
  defines: Defines,
  root: unknown,
): RenderedTemplate {
  const parsed = parseTemplate(text);
  const all: Defines = new Map([...defines, ...parsed.defines]);
  const sink = new LineSink(new LineIndex(text));
  new Evaluator(all, root).render(
    parsed.nodes,
    { dot: root, vars: new Map([['$', root]]) },
    sink,
  );
  sink.end();
  const opaqueLines: number[] = [];
  const lines = sink.lines.map((line, i) => {
    const opaque = line.includes(OPAQUE_MARK);
    if (!opaque && !line.includes(UNKNOWN_MARK)) return line;
    const parts = line.split(MARKS);
    if (parts.join('').trim() === '') {
      opaqueLines.push(i + 1);
      return '';
    }
    if (opaque) opaqueLines.push(i + 1);
    return parts
      .filter((part, k) => part !== '' || k === 0 || k === parts.length - 1)
      .join(TEMPLATE_PLACEHOLDER);
  });
  return {
    text: lines.join('\n'),
    origins: sink.origins,
    opaqueLines,
  };
}
