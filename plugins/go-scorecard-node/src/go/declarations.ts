import {
  DeclarationsSyntax,
  FuncSyntax,
  GlobalSyntax,
  ParamSyntax,
  TypeDeclSyntax,
  TypeSyntax,
} from './declarationSyntax';
import { GoLexer, Token } from './lexer';
import { TokenReader } from './tokenReader';

/**
 * Top-level declarations read from tokens (Go spec, "Declarations and scope"): what a module
 * index needs of every file — functions and methods with their signatures, types with their
 * struct fields (and tags) or interface methods, package-level variables and constants with
 * their declared types. Read without the syntax tree, so a file costs no tree calls for the
 * declarations that nothing else in the service refers to.
 */

/** Reads `func [recv] Name [tparams] signature [body]` at the `func` keyword. */
function readFunc(r: TokenReader, start: number): FuncSyntax | undefined {
  r.next(); // func
  let recv: ParamSyntax | undefined;
  if (r.is('(')) recv = r.parameters()[0];
  const name = r.next();
  if (name.kind !== 'ident') return undefined;
  if (r.is('[')) r.skipGroup(); // type parameters
  const { params, results } = r.signature();
  const body = r.peek();
  return {
    name: name.text,
    nameAt: name.start,
    ...(recv ? { recv } : {}),
    params,
    results,
    start,
    ...(body.kind === 'op' && body.text === '{'
      ? { bodyStart: body.start }
      : {}),
  };
}

function readSpecs(r: TokenReader, each: () => void) {
  if (r.accept('(')) {
    for (;;) {
      r.skipSemicolons();
      if (r.peek().kind === 'eof' || r.accept(')')) return;
      const before = r.peek().start;
      each();
      if (r.peek().start === before) r.next(); // never loop on input the spec reader cannot use
    }
  } else {
    each();
  }
}

function readTypeSpec(r: TokenReader, out: TypeDeclSyntax[]) {
  const name = r.next();
  if (name.kind !== 'ident') return;
  if (r.is('[')) {
    // `type L[T any] ...` (type parameters) or `type A [N]T` (an array type).
    const probe = r.lexer.clone();
    probe.next();
    const first = probe.next();
    const second = probe.peek();
    // `[T any]`, `[K comparable, V any]`, `[T ~int]` are type parameters; `[N]`, `[N + 1]` and
    // `[sha256.Size]` are array lengths.
    const typeParams =
      first.kind === 'ident' &&
      (second.kind === 'ident' ||
        (second.kind === 'op' && [',', '~', '['].includes(second.text)));
    if (typeParams) r.skipGroup();
  }
  r.accept('=');
  out.push({ name: name.text, type: r.type(), at: name.start });
  r.skipExpressions();
}

function readValueSpec(r: TokenReader, isConst: boolean, out: GlobalSyntax[]) {
  const names: Token[] = [];
  for (let t = r.peek(); t.kind === 'ident'; t = r.peek()) {
    names.push(r.next());
    if (!r.accept(',')) break;
  }
  let type: TypeSyntax | undefined;
  if (!r.is('=') && r.peek().kind !== ';' && !r.is(')')) type = r.type();
  if (r.accept('=')) r.skipExpressions();
  for (const n of names) {
    if (n.text !== '_')
      out.push({
        name: n.text,
        isConst,
        at: n.start,
        ...(type ? { type } : {}),
      });
  }
}

/**
 * The declarations of the top-level declaration starting at `start` (a `func`, `type`, `var`
 * or `const` keyword; anything else yields nothing), read up to `end`.
 */
export function readDeclaration(
  source: string,
  start: number,
  end: number,
  into: DeclarationsSyntax,
): void {
  const r = new TokenReader(new GoLexer(source, start, end));
  const first = r.peek();
  if (first.kind !== 'ident') return;
  switch (first.text) {
    case 'func': {
      const f = readFunc(r, first.start);
      if (f) into.funcs.push(f);
      return;
    }
    case 'type':
      r.next();
      readSpecs(r, () => readTypeSpec(r, into.types));
      return;
    case 'var':
    case 'const':
      r.next();
      readSpecs(r, () =>
        readValueSpec(r, first.text === 'const', into.globals),
      );
      return;
    default:
  }
}

/** Reads a type written in `source[start, end)` (a local declaration's type, say). */
export function readTypeAt(
  source: string,
  start: number,
  end: number,
): TypeSyntax {
  return new TokenReader(new GoLexer(source, start, end)).type();
}

/** Reads a parameter list written in `source[start, end)`, at its `(`. */
export function readParametersAt(
  source: string,
  start: number,
  end: number,
): ParamSyntax[] {
  return new TokenReader(new GoLexer(source, start, end)).parameters();
}
