import { readDeclaration } from './declarations';
import {
  DeclarationsSyntax,
  ParamSyntax,
  TypeSyntax,
} from './declarationSyntax';
import { GoLexer, stringLiteralValue } from './lexer';

/** The declarations of `source`, read as one top-level declaration. */
function read(source: string): DeclarationsSyntax {
  const into: DeclarationsSyntax = { funcs: [], types: [], globals: [] };
  readDeclaration(source, 0, source.length, into);
  return into;
}

/**
 * `read`, but failing instead of hanging when the reader stops making progress: more lexer
 * lookups than any of these small inputs can need means a loop that consumes nothing.
 */
function readBounded(source: string): DeclarationsSyntax {
  const peek = GoLexer.prototype.peek;
  let calls = 0;
  const spy = jest
    .spyOn(GoLexer.prototype, 'peek')
    .mockImplementation(function bounded(this: GoLexer) {
      if (++calls > 100_000)
        throw new Error(`readDeclaration loops on ${JSON.stringify(source)}`);
      return peek.call(this);
    });
  try {
    return read(source);
  } finally {
    spy.mockRestore();
  }
}

/** The tokens of `source`, an inserted semicolon shown as `;`. */
function tokens(source: string): string[] {
  return new GoLexer(source).all().map(t => (t.kind === ';' ? ';' : t.text));
}

const named = (name: string, q?: string): TypeSyntax =>
  q ? { k: 'named', q, name } : { k: 'named', name };
const ptr = (elem: TypeSyntax): TypeSyntax => ({ k: 'pointer', elem });
const slice = (elem: TypeSyntax): TypeSyntax => ({ k: 'slice', elem });
const param = (name: string | undefined, type: TypeSyntax): ParamSyntax =>
  name === undefined ? { type } : { name, type };

describe('GoLexer', () => {
  it('skips comments and reads identifiers, literals and operators', () => {
    expect(tokens('x := a.b[1] + 2.5 // note\n')).toEqual([
      'x',
      ':=',
      'a',
      '.',
      'b',
      '[',
      '1',
      ']',
      '+',
      '2.5',
      ';',
    ]);
    expect(tokens('a /* x */ + /* y */ b')).toEqual(['a', '+', 'b', ';']);
  });

  it('gives each token its kind and offsets', () => {
    expect(new GoLexer('f("s", \'c\', 0x1F, 1e3, 2i)').all()).toEqual([
      { kind: 'ident', text: 'f', start: 0, end: 1 },
      { kind: 'op', text: '(', start: 1, end: 2 },
      { kind: 'string', text: '"s"', start: 2, end: 5 },
      { kind: 'op', text: ',', start: 5, end: 6 },
      { kind: 'rune', text: "'c'", start: 7, end: 10 },
      { kind: 'op', text: ',', start: 10, end: 11 },
      { kind: 'int', text: '0x1F', start: 12, end: 16 },
      { kind: 'op', text: ',', start: 16, end: 17 },
      { kind: 'float', text: '1e3', start: 18, end: 21 },
      { kind: 'op', text: ',', start: 21, end: 22 },
      { kind: 'imag', text: '2i', start: 23, end: 25 },
      { kind: 'op', text: ')', start: 25, end: 26 },
      { kind: ';', text: '\n', start: 26, end: 26 },
    ]);
  });

  it.each([
    ['1_000', 'int'],
    ['0b101', 'int'],
    ['0o17', 'int'],
    ['1.5', 'float'],
    ['.5', 'float'],
    ['0x1p-2', 'float'],
    ['1e+10', 'float'],
    ["'\\''", 'rune'],
    ['"a\\"b"', 'string'],
    ['`raw\nstring`', 'string'],
    ['héllo', 'ident'],
    ['func', 'ident'],
  ])('reads %j as one %s token', (text, kind) => {
    const [token] = new GoLexer(text).all();
    expect(token).toMatchObject({ kind, text });
  });

  it('reads the longest operator', () => {
    expect(tokens('a <<= b &^ c ... <-d != e')).toEqual([
      'a',
      '<<=',
      'b',
      '&^',
      'c',
      '...',
      '<-',
      'd',
      '!=',
      'e',
      ';',
    ]);
  });

  it('reads an unknown character as a one-character operator', () => {
    expect(tokens('a @ # b')).toEqual(['a', '@', '#', 'b', ';']);
  });

  describe('automatic semicolons', () => {
    it.each([
      ['an identifier', 'x\ny', ['x', ';', 'y', ';']],
      [
        'a closing parenthesis',
        'f(x)\ng()',
        ['f', '(', 'x', ')', ';', 'g', '(', ')', ';'],
      ],
      ['a closing bracket', 'a[i]\n', ['a', '[', 'i', ']', ';']],
      ['a closing brace', '}\n', ['}', ';']],
      ['a string literal', '"s"\n', ['"s"', ';']],
      ['a number', '42\n', ['42', ';']],
      ['return', 'return\n', ['return', ';']],
      ['break', 'break\n', ['break', ';']],
      ['++', 'i++\n', ['i', '++', ';']],
      ['a line comment', 'x // c\ny', ['x', ';', 'y', ';']],
      ['a comment spanning lines', 'x /* a\nb */ y', ['x', ';', 'y', ';']],
    ])('are inserted at a line end after %s', (_what, source, want) => {
      expect(tokens(source)).toEqual(want);
    });

    it.each([
      [
        'an opening brace',
        'if x {\ny\n}',
        ['if', 'x', '{', 'y', ';', '}', ';'],
      ],
      ['an opening parenthesis', 'f(\nx)', ['f', '(', 'x', ')', ';']],
      ['a comma', 'a,\nb', ['a', ',', 'b', ';']],
      ['a binary operator', 'a +\nb', ['a', '+', 'b', ';']],
      ['an assignment', 'a =\nb', ['a', '=', 'b', ';']],
      ['a keyword such as func', 'func\nf', ['func', 'f', ';']],
      ['a comment within one line', 'a + /* c */\nb', ['a', '+', 'b', ';']],
    ])('are not inserted after %s', (_what, source, want) => {
      expect(tokens(source)).toEqual(want);
    });

    it('are spelled "\\n" and sit at the newline (or at the end)', () => {
      const [, semi] = new GoLexer('ab\ncd').all();
      expect(semi).toEqual({ kind: ';', text: '\n', start: 2, end: 2 });
      const all = new GoLexer('ab').all();
      expect(all[all.length - 1]).toEqual({
        kind: ';',
        text: '\n',
        start: 2,
        end: 2,
      });
    });

    it('are not inserted for blank lines', () => {
      expect(tokens('x\n\n\n')).toEqual(['x', ';']);
    });
  });

  it('reads only its range', () => {
    const source = 'aaa bbb `ccc ddd` eee';
    expect(new GoLexer(source, 4, 7).all().map(t => t.text)).toEqual([
      'bbb',
      '\n',
    ]);
    // A raw string cut by the range's end runs to the end.
    expect(new GoLexer(source, 8, 12).all()[0]).toEqual({
      kind: 'string',
      text: '`ccc',
      start: 8,
      end: 12,
    });
  });

  it('runs an unterminated literal or comment to the end', () => {
    expect(tokens('`never closed')).toEqual(['`never closed', ';']);
    expect(tokens('"never closed')).toEqual(['"never closed', ';']);
    expect(tokens('x /* never closed')).toEqual(['x', ';']);
    expect(tokens("'")).toEqual(["'", ';']);
  });

  it('peeks without consuming, and clones for lookahead', () => {
    const lexer = new GoLexer('a b c');
    expect(lexer.peek().text).toBe('a');
    expect(lexer.next().text).toBe('a');
    const probe = lexer.clone();
    expect(probe.next().text).toBe('b');
    expect(probe.next().text).toBe('c');
    expect(lexer.next().text).toBe('b');
  });
});

describe('stringLiteralValue', () => {
  it.each([
    ['`json:"id" db:"user_id"`', 'json:"id" db:"user_id"'],
    ['`a\\nb`', 'a\\nb'],
    ['`a\r\nb`', 'a\nb'], // carriage returns are discarded from raw strings
    ['``', ''],
    ['"plain"', 'plain'],
    ['"json:\\"name\\""', 'json:"name"'],
    ['"tab\\tnewline\\n"', 'tab\tnewline\n'],
    ['"\\u00e9"', 'é'],
    ['""', ''],
  ])('%j → %j', (literal, value) => {
    expect(stringLiteralValue(literal)).toBe(value);
  });

  it.each([['"abc'], ['`abc'], ['"'], ['`'], ['abc'], ["'a'"], ['"\\"']])(
    '%j is malformed',
    literal => {
      expect(stringLiteralValue(literal)).toBeUndefined();
    },
  );

  it.each([
    ['"\\x41"', 'A'],
    ['"\\101"', 'A'],
    ['"\\a\\v"', '\x07\x0b'],
    ['"\\U0001F600"', '😀'],
    ['"a\tb\\n"', 'a\tb\n'],
  ])('decodes the Go escape in %j (→ %j)', (literal, value) => {
    expect(stringLiteralValue(literal)).toBe(value);
  });
});

describe('readDeclaration: functions', () => {
  it('reads a method with a pointer receiver of a generic type', () => {
    const src =
      'func (l *List[T]) Push(v T) {\n\tl.items = append(l.items, v)\n}';
    expect(read(src).funcs).toEqual([
      {
        name: 'Push',
        nameAt: src.indexOf('Push'),
        recv: param('l', ptr(named('List'))),
        params: [param('v', named('T'))],
        results: [],
        start: 0,
        bodyStart: src.indexOf('{'),
      },
    ]);
  });

  it('reads a method with a value receiver and a generic receiver of two parameters', () => {
    expect(
      read('func (s Server) Addr() string { return s.addr }').funcs[0],
    ).toMatchObject({
      name: 'Addr',
      recv: param('s', named('Server')),
      results: [param(undefined, named('string'))],
    });
    expect(
      read('func (m *Map[K, V]) Get(k K) (V, bool) {}').funcs[0],
    ).toMatchObject({
      name: 'Get',
      recv: param('m', ptr(named('Map'))),
      params: [param('k', named('K'))],
      results: [param(undefined, named('V')), param(undefined, named('bool'))],
    });
  });

  it('reads a method whose receiver is unnamed', () => {
    expect(
      read('func (*Server) Close() error { return nil }').funcs[0],
    ).toMatchObject({
      name: 'Close',
      recv: param(undefined, ptr(named('Server'))),
    });
  });

  it('reads a generic function, skipping its type parameters', () => {
    const src =
      'func Map[T, U any](xs []T, f func(T) U) []U {\n\treturn nil\n}';
    expect(read(src).funcs).toEqual([
      {
        name: 'Map',
        nameAt: 5,
        params: [
          param('xs', slice(named('T'))),
          param('f', {
            k: 'func',
            params: [param(undefined, named('T'))],
            results: [param(undefined, named('U'))],
          }),
        ],
        results: [param(undefined, slice(named('U')))],
        start: 0,
        bodyStart: src.indexOf('{'),
      },
    ]);
  });

  it('gives grouped parameters the type that follows them', () => {
    expect(
      read('func Join(a, b string, sep rune) string {}').funcs[0],
    ).toMatchObject({
      params: [
        param('a', named('string')),
        param('b', named('string')),
        param('sep', named('rune')),
      ],
      results: [param(undefined, named('string'))],
    });
  });

  it('reads unnamed parameters as types', () => {
    expect(
      read('func check(int, string) error { return nil }').funcs[0],
    ).toMatchObject({
      params: [
        param(undefined, named('int')),
        param(undefined, named('string')),
      ],
      results: [param(undefined, named('error'))],
    });
    expect(
      read('func serve(context.Context, *http.Request, []byte) {}').funcs[0]
        .params,
    ).toEqual([
      param(undefined, named('Context', 'context')),
      param(undefined, ptr(named('Request', 'http'))),
      param(undefined, slice(named('byte'))),
    ]);
  });

  it('reads a parameter of a generic type instantiated', () => {
    expect(
      read('func f(l List[int], m pkg.Set[string]) {}').funcs[0].params,
    ).toEqual([param('l', named('List')), param('m', named('Set', 'pkg'))]);
  });

  it('reads an unnamed parameter of an instantiated generic type', () => {
    expect(read('func f(List[int]) {}').funcs[0].params).toEqual([
      param(undefined, named('List')),
    ]);
  });

  it('reads an unnamed generic receiver', () => {
    expect(read('func (List[T]) Len() int { return 0 }').funcs[0].recv).toEqual(
      param(undefined, named('List')),
    );
  });

  it('reads variadic parameters, named and unnamed', () => {
    expect(
      read('func Printf(format string, args ...any) {}').funcs[0].params,
    ).toEqual([
      param('format', named('string')),
      { name: 'args', type: named('any'), variadic: true },
    ]);
    expect(read('func sum(...int) int { return 0 }').funcs[0].params).toEqual([
      { type: named('int'), variadic: true },
    ]);
    expect(
      read('func log(a, b int, rest ...fmt.Stringer) {}').funcs[0].params,
    ).toEqual([
      param('a', named('int')),
      param('b', named('int')),
      { name: 'rest', type: named('Stringer', 'fmt'), variadic: true },
    ]);
  });

  it('reads func-typed parameters and results', () => {
    const src =
      'func Retry(n int, op func(ctx context.Context) error, done func()) func() error {}';
    expect(read(src).funcs[0]).toMatchObject({
      params: [
        param('n', named('int')),
        param('op', {
          k: 'func',
          params: [param('ctx', named('Context', 'context'))],
          results: [param(undefined, named('error'))],
        }),
        param('done', { k: 'func', params: [], results: [] }),
      ],
      results: [
        param(undefined, {
          k: 'func',
          params: [],
          results: [param(undefined, named('error'))],
        }),
      ],
      bodyStart: src.lastIndexOf('{'),
    });
  });

  it('reads an unnamed func-typed parameter', () => {
    expect(
      read('func Handle(func(int, string) error) {}').funcs[0].params,
    ).toEqual([
      param(undefined, {
        k: 'func',
        params: [
          param(undefined, named('int')),
          param(undefined, named('string')),
        ],
        results: [param(undefined, named('error'))],
      }),
    ]);
  });

  it('reads named results', () => {
    expect(
      read('func Split(s string) (head, tail string, err error) { return }')
        .funcs[0].results,
    ).toEqual([
      param('head', named('string')),
      param('tail', named('string')),
      param('err', named('error')),
    ]);
  });

  it('reads map, chan, array and pointer parameter types', () => {
    expect(
      read(
        'func f(m map[string][]int, in <-chan int, out chan<- error, buf [4]byte, pp **T) {}',
      ).funcs[0].params,
    ).toEqual([
      param('m', { k: 'map', key: named('string'), elem: slice(named('int')) }),
      param('in', { k: 'chan', elem: named('int') }),
      param('out', { k: 'chan', elem: named('error') }),
      param('buf', { k: 'array', elem: named('byte') }),
      param('pp', ptr(ptr(named('T')))),
    ]);
  });

  it('reads a parameter list over several lines, with comments', () => {
    const src = `func NewServer(
	addr string, // where to listen
	/* the handler */ h http.Handler,
	// options, applied in order
	opts ...Option,
) (*Server, error) {
	return nil, nil
}`;
    expect(read(src).funcs[0]).toMatchObject({
      name: 'NewServer',
      params: [
        param('addr', named('string')),
        param('h', named('Handler', 'http')),
        { name: 'opts', type: named('Option'), variadic: true },
      ],
      results: [
        param(undefined, ptr(named('Server'))),
        param(undefined, named('error')),
      ],
      bodyStart: src.indexOf('{'),
    });
  });

  it('reads a function without body', () => {
    const src = '//go:noescape\nfunc nanotime() int64\n';
    expect(read(src).funcs).toEqual([
      {
        name: 'nanotime',
        nameAt: src.indexOf('nanotime'),
        params: [],
        results: [param(undefined, named('int64'))],
        start: src.indexOf('func'),
      },
    ]);
    expect(read('func stop()').funcs[0]).not.toHaveProperty('bodyStart');
  });

  it('reads a declaration within a range of the file, with offsets into the file', () => {
    const src = 'package a\n\nfunc one() {}\n\nfunc two(x int) {}\n';
    const start = src.indexOf('func two');
    const into: DeclarationsSyntax = { funcs: [], types: [], globals: [] };
    readDeclaration(src, start, src.length, into);
    expect(into.funcs).toEqual([
      {
        name: 'two',
        nameAt: start + 5,
        params: [param('x', named('int'))],
        results: [],
        start,
        bodyStart: src.lastIndexOf('{'),
      },
    ]);
    // Ranges that do not start at a declaration keyword yield nothing.
    readDeclaration(src, 0, start, into);
    readDeclaration('import "fmt"', 0, 12, into);
    expect(into.funcs).toHaveLength(1);
    expect(into.types).toEqual([]);
    expect(into.globals).toEqual([]);
  });

  it('adds to what the declarations already hold', () => {
    const into: DeclarationsSyntax = { funcs: [], types: [], globals: [] };
    for (const src of ['func a() {}', 'type T int', 'var v int', 'func b() {}'])
      readDeclaration(src, 0, src.length, into);
    expect(into.funcs.map(f => f.name)).toEqual(['a', 'b']);
    expect(into.types.map(t => t.name)).toEqual(['T']);
    expect(into.globals.map(g => g.name)).toEqual(['v']);
  });
});

describe('readDeclaration: types', () => {
  it('reads struct fields with their tags, several names per line, and embedded fields', () => {
    const src = `type User struct {
	ID          int64  \`json:"id" db:"user_id"\`
	First, Last string \`json:"name,omitempty"\`
	*log.Logger
	sync.Mutex
	Store
	Legacy string "legacy:\\"yes\\""
	handler func(int) error
	tags    map[string][]string
}`;
    const at = (text: string) => src.indexOf(text);
    expect(read(src).types).toEqual([
      {
        name: 'User',
        at: 5,
        type: {
          k: 'struct',
          fields: [
            {
              name: 'ID',
              type: named('int64'),
              tag: 'json:"id" db:"user_id"',
              at: at('ID'),
            },
            {
              name: 'First',
              type: named('string'),
              tag: 'json:"name,omitempty"',
              at: at('First'),
            },
            {
              name: 'Last',
              type: named('string'),
              tag: 'json:"name,omitempty"',
              at: at('First'),
            },
            {
              name: 'Logger',
              type: ptr(named('Logger', 'log')),
              embedded: true,
              at: at('*log'),
            },
            {
              name: 'Mutex',
              type: named('Mutex', 'sync'),
              embedded: true,
              at: at('sync'),
            },
            {
              name: 'Store',
              type: named('Store'),
              embedded: true,
              at: at('Store'),
            },
            {
              name: 'Legacy',
              type: named('string'),
              tag: 'legacy:"yes"',
              at: at('Legacy'),
            },
            {
              name: 'handler',
              type: {
                k: 'func',
                params: [param(undefined, named('int'))],
                results: [param(undefined, named('error'))],
              },
              at: at('handler'),
            },
            {
              name: 'tags',
              type: {
                k: 'map',
                key: named('string'),
                elem: slice(named('string')),
              },
              at: at('tags'),
            },
          ],
        },
      },
    ]);
  });

  it('reads an embedded field with a tag', () => {
    expect(
      read('type T struct {\n\tBase `json:",inline"`\n}').types[0].type,
    ).toEqual({
      k: 'struct',
      fields: [
        {
          name: 'Base',
          type: named('Base'),
          embedded: true,
          tag: 'json:",inline"',
          at: 17,
        },
      ],
    });
  });

  it('reads a nested anonymous struct with its own fields and tag', () => {
    const src = `type Config struct {
	Server struct {
		Addr string \`yaml:"addr"\`
		TLS  *struct{ Cert string }
	} \`yaml:"server"\`
	Debug bool
}`;
    expect(read(src).types[0].type).toEqual({
      k: 'struct',
      fields: [
        {
          name: 'Server',
          type: {
            k: 'struct',
            fields: [
              {
                name: 'Addr',
                type: named('string'),
                tag: 'yaml:"addr"',
                at: src.indexOf('Addr'),
              },
              {
                name: 'TLS',
                type: ptr({
                  k: 'struct',
                  fields: [
                    {
                      name: 'Cert',
                      type: named('string'),
                      at: src.indexOf('Cert'),
                    },
                  ],
                }),
                at: src.indexOf('TLS'),
              },
            ],
          },
          tag: 'yaml:"server"',
          at: src.indexOf('Server'),
        },
        { name: 'Debug', type: named('bool'), at: src.indexOf('Debug') },
      ],
    });
  });

  it('reads the fields of a one-line struct separated by semicolons', () => {
    expect(read('type T struct { A int; B string }').types[0].type).toEqual({
      k: 'struct',
      fields: [
        { name: 'A', type: named('int'), at: 16 },
        { name: 'B', type: named('string'), at: 23 },
      ],
    });
  });

  it('reads an embedded instantiated generic type', () => {
    expect(read('type S struct {\n\tList[int]\n}').types[0].type).toEqual({
      k: 'struct',
      fields: [{ name: 'List', type: named('List'), embedded: true, at: 17 }],
    });
  });

  it('reads a field of an array type', () => {
    expect(read('type S struct {\n\tbuf [N]byte\n}').types[0].type).toEqual({
      k: 'struct',
      fields: [
        { name: 'buf', type: { k: 'array', elem: named('byte') }, at: 17 },
      ],
    });
  });

  it('reads interface methods, their shapes and embedded interfaces', () => {
    const src = `type ReadCloser interface {
	io.Reader
	Closer
	// Read reads.
	Read(p []byte) (n int, err error)
	Close() error
	Stat(ctx context.Context, opts ...func(*Options)) (
		Info,
		error,
	)
}`;
    expect(read(src).types).toEqual([
      {
        name: 'ReadCloser',
        at: 5,
        type: {
          k: 'interface',
          methods: ['Read', 'Close', 'Stat'],
          shapes: [
            { params: 1, results: 2 },
            { params: 0, results: 1 },
            { params: 2, results: 2, variadic: true },
          ],
          embeds: [named('Reader', 'io'), named('Closer')],
        },
      },
    ]);
  });

  it('reads an empty interface and a type-set constraint without methods', () => {
    expect(read('type Any interface{}').types[0].type).toEqual({
      k: 'interface',
      methods: [],
      shapes: [],
      embeds: [],
    });
    expect(
      read('type Number interface {\n\t~int | ~float64\n}').types[0].type,
    ).toMatchObject({ k: 'interface', methods: [] });
  });

  it('reads the methods of a one-line interface separated by semicolons', () => {
    expect(
      read('type RC interface{ Read(a, b []byte) error; Close() }').types[0]
        .type,
    ).toEqual({
      k: 'interface',
      methods: ['Read', 'Close'],
      shapes: [
        { params: 2, results: 1 },
        { params: 0, results: 0 },
      ],
      embeds: [],
    });
  });

  it('reads a type group', () => {
    const src = `type (
	// ID identifies.
	ID int64
	Name = string
	Pair[K comparable, V any] struct {
		Key K
		Val V
	}
	Handler func(int, string) error
)`;
    const types = read(src).types;
    expect(types.map(t => [t.name, t.at])).toEqual([
      ['ID', src.indexOf('ID int64')],
      ['Name', src.indexOf('Name')],
      ['Pair', src.indexOf('Pair')],
      ['Handler', src.indexOf('Handler')],
    ]);
    expect(types.map(t => t.type)).toEqual([
      named('int64'),
      named('string'),
      {
        k: 'struct',
        fields: [
          { name: 'Key', type: named('K'), at: src.indexOf('Key') },
          { name: 'Val', type: named('V'), at: src.indexOf('Val') },
        ],
      },
      {
        k: 'func',
        params: [
          param(undefined, named('int')),
          param(undefined, named('string')),
        ],
        results: [param(undefined, named('error'))],
      },
    ]);
  });

  it('reads an alias', () => {
    expect(read('type A = B').types).toEqual([
      { name: 'A', type: named('B'), at: 5 },
    ]);
    expect(read('type Ctx = context.Context').types[0].type).toEqual(
      named('Context', 'context'),
    );
    expect(
      read('type Set[T comparable] = map[T]struct{}').types[0].type,
    ).toEqual({
      k: 'map',
      key: named('T'),
      elem: { k: 'struct', fields: [] },
    });
  });

  it('tells type parameters from an array length', () => {
    expect(read('type L[T any] struct{ items []T }').types[0]).toEqual({
      name: 'L',
      at: 5,
      type: {
        k: 'struct',
        fields: [{ name: 'items', type: slice(named('T')), at: 22 }],
      },
    });
    expect(read('type P[K comparable, V any] map[K]V').types[0].type).toEqual({
      k: 'map',
      key: named('K'),
      elem: named('V'),
    });
    expect(read('type A [5]int').types[0].type).toEqual({
      k: 'array',
      elem: named('int'),
    });
    expect(read('type A [N]int').types[0].type).toEqual({
      k: 'array',
      elem: named('int'),
    });
    expect(read('type A [...]int').types[0].type).toMatchObject({ k: 'array' });
  });

  it.each([['type Digest [sha256.Size]byte'], ['type Buf [N + 1]byte']])(
    'reads %j as an array type',
    src => {
      expect(read(src).types[0].type).toEqual({
        k: 'array',
        elem: named('byte'),
      });
    },
  );

  it.each([
    ['type P *T', ptr(named('T'))],
    ['type C <-chan int', { k: 'chan', elem: named('int') }],
    ['type C chan<- int', { k: 'chan', elem: named('int') }],
    ['type S []*pkg.T', slice(ptr(named('T', 'pkg')))],
    [
      'type M map[string]func() error',
      {
        k: 'map',
        key: named('string'),
        elem: {
          k: 'func',
          params: [],
          results: [param(undefined, named('error'))],
        },
      },
    ],
    ['type G List[int]', named('List')],
    ['type T (int)', named('int')],
  ] as [string, TypeSyntax][])('reads %j', (src, type) => {
    expect(read(src).types[0].type).toEqual(type);
  });
});

describe('readDeclaration: variables and constants', () => {
  it('reads a var group with several names per spec', () => {
    const src = 'var (\n\ta, b = 1, 2\n\tc    string\n)';
    expect(read(src).globals).toEqual([
      { name: 'a', isConst: false, at: src.indexOf('a,') },
      { name: 'b', isConst: false, at: src.indexOf('b =') },
      {
        name: 'c',
        isConst: false,
        at: src.indexOf('c '),
        type: named('string'),
      },
    ]);
  });

  it('reads a const group with iota, skipping the blank identifier', () => {
    const src = `const (
	Unknown Kind = iota
	_
	Low
	High // the last
)`;
    expect(read(src).globals).toEqual([
      {
        name: 'Unknown',
        isConst: true,
        at: src.indexOf('Unknown'),
        type: named('Kind'),
      },
      { name: 'Low', isConst: true, at: src.indexOf('Low') },
      { name: 'High', isConst: true, at: src.indexOf('High') },
    ]);
  });

  it('reads the declared type of single specs', () => {
    expect(read('var mu sync.Mutex').globals).toEqual([
      { name: 'mu', isConst: false, at: 4, type: named('Mutex', 'sync') },
    ]);
    expect(read('const Pi, E float64 = 3.14, 2.71').globals).toEqual([
      { name: 'Pi', isConst: true, at: 6, type: named('float64') },
      { name: 'E', isConst: true, at: 10, type: named('float64') },
    ]);
    expect(read('var _ = x').globals).toEqual([]);
  });

  it('reads a struct-typed variable', () => {
    const src = 'var config struct {\n\tAddr string `env:"ADDR"`\n}';
    expect(read(src).globals).toEqual([
      {
        name: 'config',
        isConst: false,
        at: 4,
        type: {
          k: 'struct',
          fields: [
            {
              name: 'Addr',
              type: named('string'),
              tag: 'env:"ADDR"',
              at: src.indexOf('Addr'),
            },
          ],
        },
      },
    ]);
  });

  it('skips values, however long, to the next spec', () => {
    const src = `var (
	ErrClosed = errors.New("closed")
	defaults  = map[string]int{
		"a": 1,
		"b": 2,
	}
	handler http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var inner = 1
		_ = inner
	})
	last, _ = strconv.Atoi("1")
)`;
    expect(read(src).globals).toEqual([
      { name: 'ErrClosed', isConst: false, at: src.indexOf('ErrClosed') },
      { name: 'defaults', isConst: false, at: src.indexOf('defaults') },
      {
        name: 'handler',
        isConst: false,
        at: src.indexOf('handler'),
        type: named('Handler', 'http'),
      },
      { name: 'last', isConst: false, at: src.indexOf('last') },
    ]);
  });

  it('reads specs separated by explicit semicolons', () => {
    expect(read('const ( A = 1; B = 2 )').globals.map(g => g.name)).toEqual([
      'A',
      'B',
    ]);
  });
});

describe('readDeclaration: malformed and truncated input', () => {
  it.each([
    [''],
    ['func'],
    ['func ('],
    ['func (l *List[T]'],
    ['func f(a int'],
    ['func f(a, b'],
    ['func f() ('],
    ['func f(,,,) {'],
    ['func f(a int ] b) {'],
    ['func 42()'],
    ['type'],
    ['type T'],
    ['type T struct {'],
    ['type T struct { A int `json:"a'],
    ['type T struct { a, }'],
    ['type T struct { A int }}}}'],
    ['type T interface {'],
    ['type T interface { ) }'],
    ['type T ['],
    ['type T[ '],
    ['type T map['],
    ['type ('],
    ['type ( A ] )'],
    ['type ( ) )'],
    ['var'],
    ['var ('],
    ['var x = ['],
    ['var x struct { f func(,'],
    ['var ( = 1 )'],
    ['const (A = iota'],
    ['const ( ; ; ) x'],
    ['"unterminated'],
    ['/* never closed'],
    ['func f() { /* never closed'],
  ])('reads %j without throwing', src => {
    expect(() => readBounded(src)).not.toThrow();
  });

  it('keeps what it read before the input stops', () => {
    expect(readBounded('type T struct {\n\tA int\n\tB').types).toEqual([
      {
        name: 'T',
        at: 5,
        type: {
          k: 'struct',
          fields: [
            { name: 'A', type: named('int'), at: 17 },
            { name: 'B', type: named('B'), embedded: true, at: 24 },
          ],
        },
      },
    ]);
    expect(readBounded('func f(a int, b').funcs[0]).toMatchObject({
      name: 'f',
      params: [param('a', named('int')), param('b', { k: 'unknown' })],
    });
  });

  it('reads nothing from a range that ends before it starts', () => {
    const into: DeclarationsSyntax = { funcs: [], types: [], globals: [] };
    readDeclaration('func f() {}', 5, 2, into);
    expect(into).toEqual({ funcs: [], types: [], globals: [] });
  });

  it.each([
    ['type T struct { ) }'],
    ['type T struct {\n\ta int)\n}'],
    ['type T struct {\n\ta int ]\n\tb string\n}'],
  ])('terminates on %j', src => {
    expect(() => readBounded(src)).not.toThrow();
  });
});
