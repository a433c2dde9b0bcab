/**
 * Build constraints as the go command reads them when it loads every package whatever the
 * build (`go mod tidy`, `go list all`): cmd/go's "Build constraints" (`go help
 * buildconstraint`), go/build/constraint's grammar, and cmd/go/internal/imports, which
 * treats every tag but `ignore` as satisfied or not, whichever makes its term true. So a file
 * is left out only by a constraint that needs `ignore` (`//go:build ignore`, `// +build
 * ignore`, `ignore && linux`), or that does not parse.
 */

/** A build constraint expression. */
type Expr =
  | { tag: string }
  | { not: Expr }
  | { and: [Expr, Expr] }
  | { or: [Expr, Expr] };

class ConstraintSyntaxError extends Error {}

/** A tag: letters, digits, `_` and `.` (go/build/constraint). */
const TAG = /^[\p{L}\p{Nd}_.]+/u;
const VALID_TAG = /^[\p{L}\p{Nd}_.]+$/u;
const GO_BUILD = '//go:build';

/** go/build/constraint's `exprParser`: the expression of a `//go:build` line. */
class ExprParser {
  private pos = 0;
  private tok = '';
  private isTag = false;

  constructor(private readonly text: string) {}

  parse(): Expr {
    const x = this.or();
    if (this.tok !== '') throw new ConstraintSyntaxError();
    return x;
  }

  private lex() {
    const { text } = this;
    this.isTag = false;
    while (text[this.pos] === ' ' || text[this.pos] === '\t') this.pos++;
    if (this.pos >= text.length) {
      this.tok = '';
      return;
    }
    const c = text[this.pos];
    if (c === '(' || c === ')' || c === '!') {
      this.tok = c;
      this.pos++;
      return;
    }
    if (c === '&' || c === '|') {
      if (text[this.pos + 1] !== c) throw new ConstraintSyntaxError();
      this.tok = c + c;
      this.pos += 2;
      return;
    }
    const m = TAG.exec(text.slice(this.pos));
    if (!m) throw new ConstraintSyntaxError();
    this.tok = m[0];
    this.pos += m[0].length;
    this.isTag = true;
  }

  private or(): Expr {
    let x = this.and();
    while (this.tok === '||') x = { or: [x, this.and()] };
    return x;
  }

  private and(): Expr {
    let x = this.not();
    while (this.tok === '&&') x = { and: [x, this.not()] };
    return x;
  }

  private not(): Expr {
    this.lex();
    if (this.tok === '!') {
      this.lex();
      if (this.tok === '!') throw new ConstraintSyntaxError();
      return { not: this.atom() };
    }
    return this.atom();
  }

  private atom(): Expr {
    if (this.tok === '(') {
      const x = this.or();
      if (!this.closes()) throw new ConstraintSyntaxError();
      this.lex();
      return x;
    }
    if (!this.isTag) throw new ConstraintSyntaxError();
    const x = { tag: this.tok };
    this.lex();
    return x;
  }

  private closes(): boolean {
    return this.tok === ')';
  }
}

/**
 * The expression of a `// +build` line's text after `+build`: its space-separated options
 * are alternatives, an option's comma-separated terms all needed, `!` negates a term. A term
 * that is no valid tag (and an empty line) reads as `ignore`, as go/build/constraint has it.
 */
function parsePlusBuild(text: string): Expr {
  let x: Expr | undefined;
  for (const clause of text.split(/\s+/).filter(Boolean)) {
    let y: Expr | undefined;
    for (const lit of clause.split(',')) {
      let z: Expr;
      if (lit.startsWith('!!') || lit === '!') z = { tag: 'ignore' };
      else {
        const neg = lit.startsWith('!');
        const name = neg ? lit.slice(1) : lit;
        z = { tag: VALID_TAG.test(name) ? name : 'ignore' };
        if (neg) z = { not: z };
      }
      y = y ? { and: [y, z] } : z;
    }
    x = x ? { or: [x, y!] } : y;
  }
  return x ?? { tag: 'ignore' };
}

/**
 * What a tag is in a build: set, not set, or `undefined` for either, whichever makes its term
 * true (cmd/go/internal/imports' `prefer`).
 */
type TagValue = (tag: string) => boolean | undefined;

/** cmd/go/internal/imports' `eval`: a tag without a value is `prefer`. */
function satisfied(x: Expr, value: TagValue, prefer = true): boolean {
  if ('tag' in x) return value(x.tag) ?? prefer;
  if ('not' in x) return !satisfied(x.not, value, !prefer);
  if ('and' in x)
    return (
      satisfied(x.and[0], value, prefer) && satisfied(x.and[1], value, prefer)
    );
  return satisfied(x.or[0], value, prefer) || satisfied(x.or[1], value, prefer);
}

/** The tags `{"*": true}` of `go mod tidy`: every tag but `ignore` is `prefer`. */
const ANY_TAGS: TagValue = tag => (tag === 'ignore' ? false : undefined);

/** Values of `GOOS` (`go tool dist list`): a tag and a file name suffix of the go command. */
const GOOS = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'nacl',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'wasip1',
  'windows',
  'zos',
]);

/** Values of `GOARCH` (`go tool dist list`), for file name suffixes. */
const GOARCH = new Set([
  '386',
  'amd64',
  'arm',
  'arm64',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'ppc64',
  'ppc64le',
  'riscv64',
  's390x',
  'wasm',
]);

/**
 * The tags of a service's container build: `GOOS=linux` (so `linux` and `unix` are set, every
 * other GOOS tag is not), `ignore` never, nor `gofuzz` (only go-fuzz-build sets it); any other
 * tag (an architecture, `cgo`, a release tag, a custom `-tags` value) may be either.
 */
const LINUX_BUILD: TagValue = tag => {
  if (tag === 'linux' || tag === 'unix') return true;
  if (tag === 'ignore' || tag === 'gofuzz' || GOOS.has(tag)) return false;
  return undefined;
};

/** Whether a trimmed line is a `//go:build` line: the prefix, then a blank or nothing. */
function isGoBuildLine(line: string): boolean {
  if (!line.startsWith(GO_BUILD)) return false;
  const rest = line.slice(GO_BUILD.length);
  return rest === '' || /^\s/.test(rest);
}

/**
 * Reads a trimmed line as comments: whether it holds code (outside comments), and whether a
 * block comment is open at its end.
 */
function commentsOf(
  line: string,
  inBlock: boolean,
): { code: boolean; inBlock: boolean } {
  let rest = line;
  let open = inBlock;
  while (rest.length > 0) {
    if (open) {
      const close = rest.indexOf('*/');
      if (close < 0) return { code: false, inBlock: true };
      open = false;
      rest = rest.slice(close + 2).trim();
    } else if (rest.startsWith('//')) {
      return { code: false, inBlock: false };
    } else if (rest.startsWith('/*')) {
      open = true;
      rest = rest.slice(2).trim();
    } else return { code: true, inBlock: false };
  }
  return { code: false, inBlock: open };
}

/**
 * A Go file's header as cmd/go/internal/imports' `parseFileHeader` reads it: the `//go:build`
 * line (outside block comments, before the first line of code), and the lines up to the last
 * blank line before that first line, where `// +build` lines count.
 *
 * @throws ConstraintSyntaxError for a second `//go:build` line.
 */
function fileHeader(source: string): {
  goBuild?: string;
  plusBuildLines: string[];
} {
  const lines = source.replace(/^\uFEFF/, '').split('\n');
  let goBuild: string | undefined;
  let end = 0;
  let ended = false;
  let inBlock = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line === '' && !ended) {
      end = n + 1;
      continue;
    }
    if (!line.startsWith('//')) ended = true;
    if (!inBlock && isGoBuildLine(line)) {
      if (goBuild !== undefined) throw new ConstraintSyntaxError();
      goBuild = line;
    }
    const read = commentsOf(line, inBlock);
    if (read.code) break;
    inBlock = read.inBlock;
  }
  const plusBuildLines = lines
    .slice(0, end)
    .map(l => l.trim())
    .filter(l => /^\/\/\s*\+build(\s|$)/.test(l))
    .map(l => l.replace(/^\/\/\s*\+build/, ''));
  return { goBuild, plusBuildLines };
}

/**
 * Whether the go command leaves a Go file out when it loads every package of a module
 * whatever the build (`go mod tidy`: "all build tags are enabled, except `ignore`"): its
 * `//go:build` line (or, without one, its `// +build` lines) cannot be satisfied without
 * the `ignore` tag, or does not parse. Such a file (a `go run gen.go` generator) brings no
 * import into the module's requirements. A file without constraints is never left out.
 */
export function ignoredByTidy(source: string): boolean {
  return !constraintsHold(source, ANY_TAGS);
}

/**
 * Whether `go build` leaves a Go file out of a service's Linux binaries (go/build's
 * `goodOSArchFile` and `shouldBuild`): a file name suffix `_GOOS`, `_GOARCH` or `_GOOS_GOARCH`
 * of another OS (`signal_windows.go`), or constraints that do not hold for `GOOS=linux` with
 * any other tags ({@link LINUX_BUILD}): `//go:build windows`, `//go:build gofuzz`, `ignore`.
 */
export function leftOutOfLinuxBuild(path: string, source: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.go$/, '');
  const parts = name.split('_');
  if (parts.length > 1) {
    const last = parts[parts.length - 1];
    const before = parts.length > 2 ? parts[parts.length - 2] : undefined;
    const os = GOARCH.has(last) && before && GOOS.has(before) ? before : last;
    if (GOOS.has(os) && os !== 'linux') return true;
  }
  return !constraintsHold(source, LINUX_BUILD);
}

/** Whether a file's `//go:build` line (or its `// +build` lines) holds; one that does not parse does not. */
function constraintsHold(source: string, value: TagValue): boolean {
  if (!source.includes('build')) return true;
  try {
    const { goBuild, plusBuildLines } = fileHeader(source);
    if (goBuild !== undefined)
      return satisfied(
        new ExprParser(goBuild.slice(GO_BUILD.length)).parse(),
        value,
      );
    return plusBuildLines.every(text => satisfied(parsePlusBuild(text), value));
  } catch (e) {
    if (e instanceof ConstraintSyntaxError) return false;
    throw e;
  }
}
