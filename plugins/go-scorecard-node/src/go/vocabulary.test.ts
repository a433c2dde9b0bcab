import {
  fileDeclarations,
  isFileDeclarations,
  noDeclarations,
} from './fileDeclarations';
import { GoLexer } from './lexer';
import { Vocabulary } from './vocabulary';
import { WordIndex, WordSet } from './wordSites';

/** The names a vocabulary declares after reading a Go source, sorted. */
function declared(source: string): string[] {
  const vocabulary = new Vocabulary();
  vocabulary.add(source, 'a');
  return [...vocabulary.declared].sort();
}

describe('Vocabulary: declared names', () => {
  it('collects functions, methods and generic functions', () => {
    expect(
      declared(`package a

func main() {}

func (s *Server) Start(ctx context.Context) error { return nil }

func (l *List[T]) Push(v T) {}

func (Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func Map[T, U any](xs []T, f func(T) U) []U { return nil }
`),
    ).toEqual(['Map', 'Push', 'ServeHTTP', 'Start', 'main']);
  });

  it('collects single type, var and const declarations, several names included', () => {
    expect(
      declared(`package a

type Server struct {
	addr string
}
type List[T any] struct{}
type ID = string
var ErrClosed = errors.New("closed")
var a, b int
var c,d = 1, 2
const Version = "1.0"
const x, y = 1, 2
`),
    ).toEqual([
      'ErrClosed',
      'ID',
      'List',
      'Server',
      'Version',
      'a',
      'b',
      'c',
      'd',
      'x',
      'y',
    ]);
  });

  it('collects the specs of var, const and type groups', () => {
    expect(
      declared(`package a

var (
	// mu guards state.
	mu    sync.Mutex
	state = map[string]int{}

	first, second = 1, 2
)

const (
	Unknown Kind = iota
	Low
	High
)

type (
	Name string
	Pair = [2]int
)

var(
	tight = 1
)
`),
    ).toEqual([
      'High',
      'Low',
      'Name',
      'Pair',
      'Unknown',
      'first',
      'mu',
      'second',
      'state',
      'tight',
    ]);
  });

  it('skips the blank identifier', () => {
    expect(
      declared(`package a

var _ = fmt.Sprintf
var _, kept = f()
var (
	_ io.Reader = (*R)(nil)
	_, also = g()
)
const (
	_ = iota
	KB
)
`),
    ).toEqual(['KB', 'also', 'kept']);
  });

  it('does not collect indented (local) declarations', () => {
    expect(
      declared(`package a

func run() {
	var local = 1
	const limit = 10
	type pair struct{ a, b int }
	var (
		grouped = 2
	)
	f := func() {}
}
`),
    ).toEqual(['run']);
  });

  it('reads generously: a comment line that starts like a declaration adds its name', () => {
    expect(declared('/*\nfunc commented() {}\n*/\n')).toEqual(['commented']);
  });

  it('reads CRLF line endings', () => {
    expect(
      declared(
        'package a\r\n\r\nfunc f() {}\r\nvar (\r\n\tv = 1\r\n)\r\nconst c = 2\r\n',
      ),
    ).toEqual(['c', 'f', 'v']);
  });

  it('reads a group past a multi-line call in a value', () => {
    expect(
      declared(`package a

var (
	requests = prometheus.NewCounterVec(
		prometheus.CounterOpts{Name: "requests_total"},
		[]string{"code"},
	)
	latency = prometheus.NewHistogram(prometheus.HistogramOpts{})
)
`),
    ).toEqual(['latency', 'requests']);
  });

  it('collects the specs of a one-line group separated by semicolons', () => {
    expect(declared('package a\n\nconst ( A = 1; B = 2 )\n')).toEqual([
      'A',
      'B',
    ]);
  });

  it('terminates on a file with a stray parenthesis in a struct', () => {
    const peek = GoLexer.prototype.peek;
    let calls = 0;
    const spy = jest
      .spyOn(GoLexer.prototype, 'peek')
      .mockImplementation(function bounded(this: GoLexer) {
        if (++calls > 100_000)
          throw new Error('Vocabulary.add does not terminate');
        return peek.call(this);
      });
    try {
      expect(
        declared('package a\n\ntype T struct {\n\ta int)\n}\n\nfunc f() {}\n'),
      ).toEqual(['T', 'f']);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('Vocabulary: functions that return a cancel func', () => {
  const source = `package ctxutil

import (
	stdctx "context"
	"time"
)

func WithBudget(parent stdctx.Context, d time.Duration) (ctx stdctx.Context, cancel stdctx.CancelFunc) {
	return stdctx.WithTimeout(parent, d)
}

func Stopper(parent stdctx.Context) stdctx.CancelCauseFunc { return nil }

func Pair(parent stdctx.Context) (a, b stdctx.CancelFunc) { return nil, nil }

func Other(parent stdctx.Context) (stdctx.Context, error) { return parent, nil }

func (s *Server) Cancel() stdctx.CancelFunc { return nil }
`;

  it('reads the result index of a cancel func under any name for context, of functions and methods', () => {
    const cancelAt = Object.fromEntries(
      fileDeclarations(source).funcs.map(f => [f.name, f.cancelAt]),
    );
    expect(cancelAt).toEqual({
      WithBudget: 1,
      Stopper: 0,
      Pair: 0,
      Other: undefined,
      Cancel: 0,
    });
    const v = new Vocabulary();
    v.add(source, 'ctxutil');
    v.add(
      'package retry\n\nfunc WithBudget(ctx context.Context, n int) (context.Context, context.CancelFunc) { return nil, nil }\n',
      'retry',
    );
    const plain = (m: ReadonlyMap<string, ReadonlySet<number>>) =>
      Object.fromEntries([...m].map(([name, at]) => [name, [...at]]));
    expect(plain(v.cancelReturners)).toEqual({
      WithBudget: [1],
      Stopper: [0],
      Pair: [0],
      Cancel: [0],
    });
    const copy = Vocabulary.fromSnapshot(structuredClone(v.snapshot()));
    expect(plain(copy.cancelReturners)).toEqual(plain(v.cancelReturners));
  });

  it('changes the fingerprint when a result becomes a cancel func', () => {
    const of = (text: string) => {
      const v = new Vocabulary();
      v.add(text, 'p');
      return v.fingerprint();
    };
    expect(
      of(
        'package p\n\nfunc F(ctx context.Context) (context.Context, context.CancelFunc)\n',
      ),
    ).not.toBe(
      of(
        'package p\n\nfunc F(ctx context.Context) (context.Context, func(error))\n',
      ),
    );
  });

  it('takes a func() beside a context.Context as a possible cancel func, not one alone', () => {
    const v = new Vocabulary();
    v.add(
      'package p\n\nimport "context"\n\nfunc Wrapped(ctx context.Context) (context.Context, func()) {}\n\nfunc Cleanup() (string, func()) {}\n',
      'p',
    );
    expect([...(v.cancelReturners.get('Wrapped') ?? [])]).toEqual([1]);
    expect(v.cancelReturners.has('Cleanup')).toBe(false);
  });
});

describe('Vocabulary: functions that never return', () => {
  it('follows the calls a body ends in, across files and packages, for every declaration of a name', () => {
    const v = new Vocabulary();
    v.add('package cli\n\nfunc Exit(code int) {\n\tos.Exit(code)\n}\n', 'cli');
    v.add(
      'package a\n\nfunc fail(what string) {\n\tlog.Print(what)\n\tcli.Exit(2)\n}\n\nfunc check(err error) {\n\tif err != nil {\n\t\tcli.Exit(1)\n\t}\n}\n\nfunc loop() {\n\tloop()\n}\n',
      'a',
    );
    v.add('package b\n\nfunc (n *Node) stop() { os.Exit(4) }\n', 'b');
    v.add('package c\n\nfunc (w *Worker) stop() { w.done = true }\n', 'c');
    expect(v.neverReturns('Exit')).toBe(true);
    expect(v.neverReturns('fail')).toBe(true);
    expect(v.neverReturns('check')).toBe(false);
    expect(v.neverReturns('loop')).toBe(false);
    expect(v.neverReturns('stop')).toBe(false);
    expect(v.neverReturns('undeclared')).toBe(false);
    const copy = Vocabulary.fromSnapshot(v.snapshot());
    expect(copy.neverReturns('fail')).toBe(true);
    expect(copy.fingerprint()).toBe(v.fingerprint());
  });
});

describe('Vocabulary: words', () => {
  it('holds the declared names, and them with the extractor words in its word set', () => {
    const vocabulary = new Vocabulary(['Dial', 'Shutdown']);
    vocabulary.add('package a\n\nfunc serve() {}\n', 'a');
    vocabulary.add('package b\n\ntype Config struct{}\nvar _ = 1\n', 'b');
    expect([...vocabulary.declared].sort()).toEqual(['Config', 'serve']);
    for (const word of ['Dial', 'Shutdown', 'serve', 'Config'])
      expect(vocabulary.words.has(word)).toBe(true);
    expect(vocabulary.words.has('_')).toBe(false);
    expect(vocabulary.declared.has('Dial')).toBe(false);
  });
});

describe('WordSet', () => {
  it('knows its words, and finds one in a text by the hash a scan computes', () => {
    const set = new WordSet(['serve', 'Stop']);
    set.add('');
    set.add('serve');
    expect(set.has('serve')).toBe(true);
    expect(set.has('Stop')).toBe(true);
    expect(set.has('')).toBe(false);
    expect(set.has('sever')).toBe(false);
    const hash = (w: string) =>
      [...w].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0);
    const text = 'a.serve() sever';
    expect(set.wordAt(text, 2, 7, hash('serve'))).toBe('serve');
    expect(set.wordAt(text, 10, 15, hash('sever'))).toBeUndefined();
    // The text must spell the word, whatever the hash says.
    expect(set.wordAt(text, 10, 15, hash('serve'))).toBeUndefined();
  });

  it('tells apart words of the same hash', () => {
    // 'Aa' and 'BB' share a hash (31 * 65 + 97 = 31 * 66 + 66), as in Java's String.hashCode.
    const one = new WordSet(['Aa']);
    expect([...new WordIndex('BB Aa BB', one).entries()]).toEqual([
      ['Aa', [3]],
    ]);
    const both = new WordSet(['Aa', 'BB']);
    expect(new WordIndex('BB Aa BB', both).at('BB')).toEqual([0, 6]);
  });
});

describe('WordIndex', () => {
  const source = `func serve(ctx context.Context) {
	srv.Stop() // Stop the server
	sever(ctx)
	serve2()
	observe(ctxs, _ctx)
	Stip, Stop = 1, "Stop"
}`;
  const set = new WordSet(['serve', 'ctx', 'Stop', 'missing']);
  const index = new WordIndex(source, set);

  /** Every offset of `word` in `source` where it is a whole word. */
  function wholeWordsAt(word: string): number[] {
    const out: number[] = [];
    const re = new RegExp(`(?<![\\w])${word}(?![\\w])`, 'g');
    for (const m of source.matchAll(re)) out.push(m.index!);
    return out;
  }

  it('finds every occurrence of the words, comments and strings included', () => {
    expect(index.at('serve')).toEqual([5]);
    expect(index.at('ctx')).toEqual(wholeWordsAt('ctx'));
    expect(index.at('ctx')).toHaveLength(2);
    expect(index.at('Stop')).toEqual(wholeWordsAt('Stop'));
    expect(index.at('Stop')).toHaveLength(4);
    for (const at of index.at('Stop'))
      expect(source.slice(at, at + 4)).toBe('Stop');
  });

  it('does not return words that are not in the set', () => {
    // `sever` has the letters of `serve`, `Stip` the length and ends of `Stop`.
    expect(index.at('sever')).toEqual([]);
    expect(index.at('Stip')).toEqual([]);
    expect([...index.entries()].map(([word]) => word).sort()).toEqual([
      'Stop',
      'ctx',
      'serve',
    ]);
  });

  it('does not return a word inside a longer identifier', () => {
    // serve2, observe, ctxs and _ctx are other identifiers.
    expect(index.at('serve')).toEqual([source.indexOf('serve(')]);
    expect(index.at('ctx').map(at => source.slice(at - 1, at + 4))).toEqual([
      '(ctx ',
      '(ctx)',
    ]);
  });

  it('filters a range [from, to)', () => {
    const stops = index.at('Stop');
    expect(index.at('Stop', stops[1])).toEqual(stops.slice(1));
    expect(index.at('Stop', stops[1], stops[3])).toEqual(stops.slice(1, 3));
    expect(index.at('Stop', stops[1] + 1, stops[2])).toEqual([]);
    expect(index.at('Stop', 0, stops[0] + 1)).toEqual([stops[0]]);
    expect(index.at('Stop', source.length)).toEqual([]);
    expect(index.at('missing', 0, 10)).toEqual([]);
  });

  it('covers the words of its set only', () => {
    expect(index.covers('Stop')).toBe(true);
    expect(index.covers('missing')).toBe(true);
    expect(index.covers('sever')).toBe(false);
  });

  it('reads non-ASCII identifiers and long words', () => {
    const long = 'a'.repeat(70);
    const text = `héllo hé ${'a'.repeat(64)} ${long} x${long} ${long}`;
    const words = new WordIndex(text, new WordSet(['héllo', long]));
    expect(words.at('héllo')).toEqual([0]);
    expect(words.at(long)).toEqual([
      text.indexOf(` ${long} `) + 1,
      text.lastIndexOf(long),
    ]);
  });

  it('does not take a word that starts with a digit', () => {
    const words = new WordIndex('1e5 e5 0x1F', new WordSet(['e5', 'x1F']));
    expect(words.at('e5')).toEqual([4]);
    expect(words.at('x1F')).toEqual([]);
  });
});

describe('Vocabulary: snapshot and fingerprint', () => {
  const a = `package a

type Config struct {
	Addr    string \`json:"addr"\`
	Timeout time.Duration
}

func Dial(target string, opts ...grpc.DialOption) {}
`;
  const b = `package a

import "google.golang.org/grpc"

var Port = 8080

func (s *Server) Shutdown(ctx context.Context) error { return nil }
`;
  const of = (...sources: string[]) => {
    const v = new Vocabulary(['go']);
    for (const s of sources) v.add(s, 'pkg');
    return v;
  };

  it('rebuilds an equal vocabulary from a snapshot cloned to another thread', () => {
    const v = of(a, b);
    const copy = Vocabulary.fromSnapshot(structuredClone(v.snapshot()));
    expect(copy.fingerprint()).toBe(v.fingerprint());
    for (const name of ['Config', 'Dial', 'Port', 'Shutdown', 'Addr', 'x']) {
      expect(copy.kindOf(name)).toBe(v.kindOf(name));
      expect(copy.isField(name)).toBe(v.isField(name));
      expect(copy.valueField(name)).toBe(v.valueField(name));
      expect([0, 1, 2, 3].map(copy.valueArgs(name))).toEqual(
        [0, 1, 2, 3].map(v.valueArgs(name)),
      );
      expect(copy.words.has(name)).toBe(v.words.has(name));
    }
    expect([copy.dials, copy.drains]).toEqual([v.dials, v.drains]);
    expect([...copy.declared].sort()).toEqual([...v.declared].sort());
  });

  it('carries its import roots into the snapshot and its fingerprint', () => {
    const roots = [
      { path: 'example.com/svc', dir: '.' },
      { path: 'example.com/lib', dir: 'third_party/lib' },
    ];
    const v = of(a, b);
    expect(v.mayNameTreePackage('fmt')).toBe(true); // roots not known: any path
    const unknown = v.fingerprint();
    v.setImportRoots(roots);
    expect(v.fingerprint()).not.toBe(unknown);
    expect(v.mayNameTreePackage('fmt')).toBe(false);
    expect(v.mayNameTreePackage('example.com/lib/retry')).toBe(true);
    const copy = Vocabulary.fromSnapshot(structuredClone(v.snapshot()));
    expect(copy.fingerprint()).toBe(v.fingerprint());
    expect(copy.mayNameTreePackage('fmt')).toBe(false);
    expect(copy.mayNameTreePackage('example.com/svc/db')).toBe(true);
    const reordered = of(a, b);
    reordered.setImportRoots([...roots].reverse());
    expect(reordered.fingerprint()).toBe(v.fingerprint());
    const moved = of(a, b);
    moved.setImportRoots([{ path: 'example.com/svc2', dir: '.' }, roots[1]]);
    expect(moved.fingerprint()).not.toBe(v.fingerprint());
    const gopath = of(a, b);
    gopath.setImportRoots([]);
    expect(gopath.fingerprint()).not.toBe(unknown);
  });

  it('answers the same from declarations read back from a cache as from the sources', () => {
    const v = of(a, b);
    const copy = new Vocabulary(['go']);
    for (const source of [a, b])
      copy.addDeclarations(
        JSON.parse(JSON.stringify(fileDeclarations(source))),
        'pkg',
      );
    expect(copy.fingerprint()).toBe(v.fingerprint());
    expect(copy.snapshot()).toEqual(v.snapshot());
  });

  it('reads a malformed cached declarations value as not declarations', () => {
    expect(isFileDeclarations(fileDeclarations(a))).toBe(true);
    expect(isFileDeclarations({ funcs: [], types: [] })).toBe(false);
    expect(isFileDeclarations(null)).toBe(false);
    expect(noDeclarations()).toEqual(fileDeclarations(''));
  });

  it('keeps its fingerprint whatever the order of the files and where declarations sit', () => {
    const moved = a.replace('type Config', '// moved down\n\n\ntype Config');
    expect(of(b, moved).fingerprint()).toBe(of(a, b).fingerprint());
  });

  it('keeps its fingerprint when a declaration moves to another file, and counts each one', () => {
    const dial = 'func Dial(target string, opts ...grpc.DialOption) {}\n';
    expect(of(a.replace(dial, ''), b + dial).fingerprint()).toBe(
      of(a, b).fingerprint(),
    );
    // A second declaration of the same function (another build of the package) is an
    // answer of its own.
    expect(of(a, b, `package a\n\n${dial}`).fingerprint()).not.toBe(
      of(a, b).fingerprint(),
    );
  });

  it('changes its fingerprint with any answer it gives', () => {
    const base = of(a, b).fingerprint();
    expect(
      of(a.replace('target string', 'target int'), b).fingerprint(),
    ).not.toBe(base);
    expect(of(a, b, 'package a\n\nfunc Extra() {}\n').fingerprint()).not.toBe(
      base,
    );
    expect(
      of(a, b.replace('google.golang.org/grpc', 'example.com/x')).fingerprint(),
    ).not.toBe(base);
    expect(
      of(a.replace('Timeout time.Duration', 'Timeout int'), b).fingerprint(),
    ).not.toBe(base);
  });

  it("knows each directory's package-level names, and changes its fingerprint when a file changes directory", () => {
    const v = new Vocabulary(['go']);
    v.add(a, 'svc/api');
    v.add(b, 'svc/db');
    // Functions, types, variables and constants; a method is no name of the package block.
    expect([...v.packageNamesIn('svc/api')].sort()).toEqual(
      [
        ...fileDeclarations(a)
          .funcs.filter(f => !f.method)
          .map(f => f.name),
        ...fileDeclarations(a).types.map(t => t.name),
        ...fileDeclarations(a).globals,
      ].sort(),
    );
    expect(v.packageNamesIn('svc/db').has('Port')).toBe(true);
    expect(v.packageNamesIn('svc/db').has('Shutdown')).toBe(false);
    expect(v.packageNamesIn('svc/none').size).toBe(0);

    const together = new Vocabulary(['go']);
    together.add(a, 'svc/api');
    together.add(b, 'svc/api');
    expect(together.fingerprint()).not.toBe(v.fingerprint());
    const copy = Vocabulary.fromSnapshot(structuredClone(v.snapshot()));
    expect([...copy.packageNamesIn('svc/api')]).toEqual([
      ...v.packageNamesIn('svc/api'),
    ]);
  });
});

describe("WordIndex with a file's own words", () => {
  it('finds the extra words without adding them to the shared set', () => {
    const set = new WordSet(['alpha']);
    const extra = set.missing(['beta', 'alpha']);
    expect([...extra.all()]).toEqual(['beta']);
    const index = new WordIndex('alpha beta gamma beta', set, extra);
    expect(index.at('beta')).toEqual([6, 17]);
    expect(index.at('alpha')).toEqual([0]);
    expect(index.covers('beta')).toBe(true);
    expect(index.covers('gamma')).toBe(false);
    expect(set.has('beta')).toBe(false);
  });
});
