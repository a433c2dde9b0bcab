import type { MethodShape } from '../programFacts';
import { FieldSyntax, ParamSyntax, TypeSyntax } from './declarationSyntax';
import { GoLexer, stringLiteralValue, Token } from './lexer';

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Skips a balanced group on a lexer positioned at its opening bracket. */
function skipGroupOn(lexer: GoLexer) {
  const open = lexer.next().text;
  const close = CLOSERS[open] ?? '}';
  let depth = 1;
  for (let t = lexer.next(); t.kind !== 'eof'; t = lexer.next()) {
    if (t.kind !== 'op') continue;
    if (t.text === open) depth++;
    else if (t.text === close && --depth === 0) return;
  }
}

/** A recursive-descent reader over tokens; every method stops at what it cannot read. */
export class TokenReader {
  constructor(readonly lexer: GoLexer) {}

  peek(): Token {
    return this.lexer.peek();
  }

  next(): Token {
    return this.lexer.next();
  }

  is(text: string): boolean {
    const t = this.peek();
    return t.kind !== 'string' && t.kind !== ';' && t.text === text;
  }

  accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.next();
    return true;
  }

  skipSemicolons() {
    while (this.peek().kind === ';') this.next();
  }

  /** Skips a balanced `(...)`, `[...]` or `{...}` group starting at the current token. */
  skipGroup() {
    const open = this.next().text;
    const close = CLOSERS[open] ?? '}';
    let depth = 1;
    for (let t = this.peek(); t.kind !== 'eof'; t = this.peek()) {
      this.next();
      if (t.kind !== 'op') continue;
      if (t.text === open) depth++;
      else if (t.text === close && --depth === 0) return;
    }
  }

  /** Skips an expression list up to a `;` or unbalanced closer at depth 0. */
  skipExpressions() {
    for (let t = this.peek(); t.kind !== 'eof'; t = this.peek()) {
      if (t.kind === ';') return;
      if (
        t.kind === 'op' &&
        (t.text === ')' || t.text === '}' || t.text === ']')
      )
        return;
      if (
        t.kind === 'op' &&
        (t.text === '(' || t.text === '[' || t.text === '{')
      )
        this.skipGroup();
      else this.next();
    }
  }

  type(): TypeSyntax {
    const t = this.peek();
    if (t.kind === 'ident') {
      switch (t.text) {
        case 'map': {
          this.next();
          if (!this.accept('[')) return { k: 'unknown' };
          const key = this.type();
          this.accept(']');
          return { k: 'map', key, elem: this.type() };
        }
        case 'chan':
          this.next();
          this.accept('<-');
          return { k: 'chan', elem: this.type() };
        case 'func':
          this.next();
          return { k: 'func', ...this.signature() };
        case 'struct':
          this.next();
          return { k: 'struct', fields: this.structFields() };
        case 'interface':
          this.next();
          return this.interfaceType();
        default: {
          this.next();
          let named: { k: 'named'; q?: string; name: string } = {
            k: 'named',
            name: t.text,
          };
          if (this.is('.')) {
            this.next();
            const name = this.next();
            named = { k: 'named', q: t.text, name: name.text };
          }
          if (this.is('[')) this.skipGroup(); // type arguments
          return named;
        }
      }
    }
    if (t.kind !== 'op') return { k: 'unknown' };
    switch (t.text) {
      case '*':
        this.next();
        return { k: 'pointer', elem: this.type() };
      case '<-':
        this.next();
        this.accept('chan');
        return { k: 'chan', elem: this.type() };
      case '(': {
        this.next();
        const inner = this.type();
        this.accept(')');
        return inner;
      }
      case '[': {
        this.next();
        if (this.accept(']')) return { k: 'slice', elem: this.type() };
        this.skipExpressions(); // array length
        this.accept(']');
        return { k: 'array', elem: this.type() };
      }
      default:
        return { k: 'unknown' };
    }
  }

  private structFields(): FieldSyntax[] {
    const fields: FieldSyntax[] = [];
    if (!this.accept('{')) return fields;
    for (;;) {
      this.skipSemicolons();
      const t = this.peek();
      if (t.kind === 'eof' || this.accept('}')) return fields;
      const at = t.start;
      const names: string[] = [];
      let type: TypeSyntax;
      let embedded = false;
      if (t.kind === 'ident' && !this.lookaheadIsEmbedded()) {
        names.push(this.next().text);
        while (this.accept(',')) {
          if (this.peek().kind === 'ident') names.push(this.next().text);
        }
        type = this.type();
      } else {
        embedded = true;
        type = this.type();
        const base = type.k === 'pointer' ? type.elem : type;
        names.push(base.k === 'named' ? base.name : '_');
      }
      const tagToken = this.peek();
      const tag =
        tagToken.kind === 'string'
          ? stringLiteralValue(this.next().text)
          : undefined;
      for (const name of names) {
        fields.push({
          name,
          type,
          at,
          ...(embedded ? { embedded } : {}),
          ...(tag !== undefined ? { tag } : {}),
        });
      }
      // Anything else on the line (malformed input) is skipped, a token at least per round.
      while (
        this.peek().kind !== ';' &&
        this.peek().kind !== 'eof' &&
        !this.is('}')
      ) {
        const before = this.peek().start;
        this.skipExpressions();
        if (this.peek().start === before) this.next();
      }
    }
  }

  /** At an identifier inside a struct: whether the field is embedded (`T`, `pkg.T`, `T "tag"`). */
  private lookaheadIsEmbedded(): boolean {
    // Decided on a copy of the lexer state: the field is embedded when the identifier is followed
    // by `.`, a tag, `;` or `}`.
    const probe = this.lexer.clone();
    probe.next();
    let after = probe.peek();
    if (after.kind === 'op' && after.text === '[') {
      // `List[int]` (an embedded generic type) or `a [4]byte` (a field of an array type).
      skipGroupOn(probe);
      after = probe.peek();
    }
    return (
      after.kind === ';' ||
      after.kind === 'string' ||
      after.kind === 'eof' ||
      (after.kind === 'op' && (after.text === '.' || after.text === '}'))
    );
  }

  private interfaceType(): TypeSyntax {
    const methods: string[] = [];
    const shapes: MethodShape[] = [];
    const embeds: TypeSyntax[] = [];
    if (!this.accept('{')) return { k: 'interface', methods, shapes, embeds };
    for (;;) {
      this.skipSemicolons();
      const t = this.peek();
      if (t.kind === 'eof' || this.accept('}')) break;
      if (t.kind === 'ident') {
        this.next();
        if (this.is('(')) {
          methods.push(t.text);
          const { params, results } = this.signature();
          shapes.push({
            params: params.length,
            results: results.length,
            ...(params[params.length - 1]?.variadic
              ? { variadic: true as const }
              : {}),
          });
        } else if (this.accept('.')) {
          embeds.push({ k: 'named', q: t.text, name: this.next().text });
        } else {
          embeds.push({ k: 'named', name: t.text });
        }
      }
      while (
        this.peek().kind !== ';' &&
        this.peek().kind !== 'eof' &&
        !this.is('}')
      ) {
        if (this.is('(') || this.is('[') || this.is('{')) this.skipGroup();
        else this.next();
      }
    }
    return { k: 'interface', methods, shapes, embeds };
  }

  /** `(params) results`, at the `(`. */
  signature(): { params: ParamSyntax[]; results: ParamSyntax[] } {
    const params = this.is('(') ? this.parameters() : [];
    let results: ParamSyntax[] = [];
    if (this.is('(')) results = this.parameters();
    else if (this.startsType()) results = [{ type: this.type() }];
    return { params, results };
  }

  private startsType(): boolean {
    const t = this.peek();
    if (t.kind === 'ident') return true;
    return t.kind === 'op' && ['*', '[', '<-', '('].includes(t.text);
  }

  /**
   * A parameter list, by go/parser's rule: either every item names its parameters (`a, b int`)
   * or none does (`int, string`).
   */
  parameters(): ParamSyntax[] {
    this.accept('(');
    const items: { first?: string; type?: TypeSyntax; variadic: boolean }[] =
      [];
    for (;;) {
      this.skipSemicolons();
      if (this.peek().kind === 'eof' || this.accept(')')) break;
      const t = this.peek();
      let item: { first?: string; type?: TypeSyntax; variadic: boolean };
      if (
        t.kind === 'ident' &&
        !['func', 'map', 'chan', 'struct', 'interface'].includes(t.text)
      ) {
        this.next();
        if (this.is(',') || this.is(')'))
          item = { first: t.text, variadic: false };
        else if (this.is('.')) {
          this.next();
          const name = this.next().text;
          if (this.is('[')) this.skipGroup();
          item = { type: { k: 'named', q: t.text, name }, variadic: false };
        } else if (this.is('[')) {
          // `List[int]` (an unnamed generic type) or `a []T`, `a [4]T` (a name and its type):
          // after the brackets, a comma or the closing parenthesis means the former.
          const probe = this.lexer.clone();
          skipGroupOn(probe);
          const after = probe.peek();
          if (
            after.kind === 'op' &&
            (after.text === ',' || after.text === ')')
          ) {
            this.skipGroup();
            item = { type: { k: 'named', name: t.text }, variadic: false };
          } else {
            item = { first: t.text, type: this.type(), variadic: false };
          }
        } else {
          const variadic = this.accept('...');
          item = { first: t.text, type: this.type(), variadic };
        }
      } else {
        const variadic = this.accept('...');
        item = { type: this.type(), variadic };
      }
      items.push(item);
      if (!this.accept(',')) {
        this.skipSemicolons();
        if (!this.accept(')')) {
          // Malformed: skip to the closing parenthesis.
          while (this.peek().kind !== 'eof' && !this.accept(')')) this.next();
        }
        break;
      }
    }
    const named = items.some(
      i => i.first !== undefined && i.type !== undefined,
    );
    if (!named) {
      return items.map(i => ({
        type: i.type ?? { k: 'named', name: i.first! },
        ...(i.variadic ? { variadic: true } : {}),
      }));
    }
    // Names without a type take the type of the next item that has one.
    const out: ParamSyntax[] = [];
    let pending: string[] = [];
    for (const i of items) {
      if (i.type === undefined) {
        pending.push(i.first!);
        continue;
      }
      for (const name of pending) out.push({ name, type: i.type });
      pending = [];
      out.push({
        ...(i.first !== undefined ? { name: i.first } : {}),
        type: i.type,
        ...(i.variadic ? { variadic: true } : {}),
      });
    }
    return out;
  }
}
