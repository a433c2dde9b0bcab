import { GoImport } from '../facts';
import { GoLexer, stringLiteralValue, Token } from './lexer';
import { GoSource, lineOf, stringValue, textOf } from './syntax';

/** Import paths the extractors look for. */
export const PKG = {
  context: 'context',
  grpc: 'google.golang.org/grpc',
  http: 'net/http',
  signal: 'os/signal',
  os: 'os',
  flag: 'flag',
  fmt: 'fmt',
  time: 'time',
  goleak: 'go.uber.org/goleak',
} as const;

/** The names of each package the extractors read; other references are skipped unseen. */
export const PKG_NAMES: Readonly<Record<string, ReadonlySet<string>>> = {
  [PKG.context]: new Set([
    'WithCancel',
    'WithTimeout',
    'WithDeadline',
    'WithCancelCause',
    'WithTimeoutCause',
    'WithDeadlineCause',
  ]),
  [PKG.grpc]: new Set([
    'Dial',
    'DialContext',
    'NewClient',
    'WithInsecure',
    'NewServer',
    'Server',
  ]),
  [PKG.http]: new Set([
    'Server',
    'ListenAndServe',
    'ListenAndServeTLS',
    'Serve',
    'ServeTLS',
  ]),
  [PKG.signal]: new Set(['Notify', 'NotifyContext']),
  [PKG.goleak]: new Set(['VerifyTestMain', 'VerifyNone']),
  [PKG.time]: new Set(['After', 'NewTimer', 'AfterFunc']),
};

/**
 * The package name Go code uses for an import path when the import has no alias. Without the
 * package's sources this is a convention, not a fact: the last path element, minus a major
 * version element (`/v2`), a gopkg.in version suffix (`yaml.v3` → `yaml`), a `go-` prefix and a
 * `-go`/`.go` suffix (`go-redis` → `redis`, `grpc-go` → `grpc`).
 */
export function defaultPackageName(path: string): string {
  const elems = path.split('/');
  let last = elems[elems.length - 1];
  if (/^v\d+$/.test(last) && elems.length > 1) last = elems[elems.length - 2];
  last = last.replace(/\.v\d+$/, '');
  if (last.startsWith('go-') && last.length > 3) last = last.slice(3);
  last = last.replace(/[-.]go$/, '');
  return last;
}

/** The import specs of a Go file (top-level `import` declarations only). */
export function readImports(src: GoSource): GoImport[] {
  const imports: GoImport[] = [];
  const { root } = src;
  for (let i = 0; i < root.namedChildCount; i++) {
    const decl = root.namedChild(i)!;
    if (
      decl.type === 'function_declaration' ||
      decl.type === 'method_declaration'
    )
      break;
    if (decl.type !== 'import_declaration') continue;
    const list = decl.namedChild(0);
    if (!list) continue;
    const specs =
      list.type === 'import_spec_list' ? list.namedChildren : [list];
    for (const spec of specs) {
      if (spec?.type !== 'import_spec') continue;
      const pathNode = spec.childForFieldName('path');
      const path = pathNode ? stringValue(src, pathNode) : undefined;
      if (path === undefined) continue;
      const name = spec.childForFieldName('name');
      imports.push(
        name
          ? { path, alias: textOf(src, name), line: lineOf(spec) }
          : { path, line: lineOf(spec) },
      );
    }
  }
  return imports;
}

/**
 * The import specs of a Go file read from its tokens alone, without parsing the rest (The Go
 * Programming Language Specification, "Import declarations"): for files the analyzer does not
 * extract, whose imports `go mod tidy` still reads (generated code). Stops at the first
 * declaration that is not an import.
 */
export function scanImports(source: string): GoImport[] {
  const lexer = new GoLexer(source);
  const imports: GoImport[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (t: Token) => {
    for (
      let i = source.indexOf('\n', counted);
      i >= 0 && i < t.start;
      i = source.indexOf('\n', i + 1)
    )
      line++;
    counted = t.start;
    return line;
  };
  const skipSemicolons = () => {
    while (lexer.peek().kind === ';') lexer.next();
  };
  const spec = () => {
    const first = lexer.next();
    const alias = first.kind === 'string' ? undefined : first;
    const pathToken = alias ? lexer.next() : first;
    const path =
      pathToken.kind === 'string'
        ? stringLiteralValue(pathToken.text)
        : undefined;
    if (path === undefined) return false;
    const at = lineAt(alias ?? pathToken);
    imports.push(
      alias ? { path, alias: alias.text, line: at } : { path, line: at },
    );
    return true;
  };
  skipSemicolons();
  if (lexer.next().text !== 'package') return imports;
  lexer.next();
  for (;;) {
    skipSemicolons();
    if (lexer.peek().text !== 'import') return imports;
    lexer.next();
    if (lexer.peek().text !== '(') {
      if (!spec()) return imports;
      continue;
    }
    lexer.next();
    for (;;) {
      skipSemicolons();
      const t = lexer.peek();
      if (t.kind === 'eof') return imports;
      if (t.kind === 'op' && t.text === ')') {
        lexer.next();
        break;
      }
      if (!spec()) return imports;
    }
  }
}

/**
 * Maps the local names of a file's imports to their paths. A file may import one path under
 * several names (`"context"` and `ctxpkg "context"`): every name counts.
 */
export class ImportResolver {
  private readonly pathsByName = new Map<string, string>();
  private readonly namesByPath = new Map<string, string[]>();

  constructor(imports: readonly GoImport[]) {
    const guesses: { name: string; path: string }[] = [];
    for (const imp of imports) {
      const name = imp.alias ?? defaultPackageName(imp.path);
      if (name === '_' || name === '.') continue;
      // A last element that is no identifier (`ozzo-routing`) is not the package's name: its
      // package clause is, most often its last word (`routing`) or the words run together.
      if (!imp.alias && !/^[A-Za-z_]\w*$/.test(name)) {
        const words = name.split(/[-.]/).filter(w => /^[A-Za-z_]\w*$/.test(w));
        if (words.length)
          guesses.push(
            { name: words[words.length - 1], path: imp.path },
            { name: words.join(''), path: imp.path },
          );
        continue;
      }
      this.add(name, imp.path);
    }
    // Guesses never shadow a name an import gives for sure.
    for (const g of guesses)
      if (!this.pathsByName.has(g.name)) this.add(g.name, g.path);
  }

  private add(name: string, path: string) {
    this.pathsByName.set(name, path);
    this.namesByPath.set(path, [...(this.namesByPath.get(path) ?? []), name]);
  }

  /** The names this file refers to the package by (none when it is not imported by name). */
  localNames(path: string): readonly string[] {
    return this.namesByPath.get(path) ?? [];
  }

  /** The import paths the file imports by name. */
  paths(): string[] {
    return [...this.namesByPath.keys()];
  }

  /** The import path a qualifier names in this file, if it names an import. */
  pathOf(qualifier: string): string | undefined {
    return this.pathsByName.get(qualifier);
  }

  /** Whether `qualifier` is one of this file's names for the package at `path`. */
  is(qualifier: string, path: string): boolean {
    return this.pathsByName.get(qualifier) === path;
  }
}
