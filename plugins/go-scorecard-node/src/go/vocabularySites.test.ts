import { posix } from 'node:path';
import { testParser } from '../__testUtils__/testParser';
import { EXTRACTOR_WORDS, extractGoFacts } from './extractGoFacts';
import { Vocabulary } from './vocabulary';

/** Two packages: `svc/lib` declares the helpers, `svc/app` uses them. */
const files: Record<string, string> = {
  'svc/lib/dial.go': `package lib

import "google.golang.org/grpc"

var Target = "orders:50051"

type Options struct{ Addr string }

func connect(target string) {}

func Dial(target string) { grpc.NewClient(target) }

func Register(target string) {}
`,
  'svc/lib/use.go': `package lib

func start() {
	connect(Target)
	Target = "orders.prod.svc.cluster.local:50051"
	_ = Options{Addr: Target}
}
`,
  'svc/app/main.go': `package app

import (
	"example.com/svc/lib"
	. "example.com/svc/lib/dot"
)

func run(c *lib.Client) {
	connect := func(string) {}
	connect("orders:50051")
	Register("orders:50051")
	Target := "x"
	_ = Target
	lib.Dial("orders:50051")
	c.
		Dial("orders:50051")
	c.
		// a comment line between
		Dial("orders:50051")
	type Options struct{ Addr string }
	_ = Options{Addr: "orders:50051"}
}
`,
};

/**
 * A service of module `example.com/svc` whose own packages declare names that packages outside
 * the tree (`fmt`, `net/http`, `github.com/pkg/errors`) declare too.
 */
const outside: Record<string, string> = {
  'errs/errs.go': `package errs

import "google.golang.org/grpc"

func Dial(target string) { grpc.NewClient(target) }

type Server struct{ Addr string }

var Default = "orders:50051"

func Errorf(format string) string { return format }

func Wrap(target string) string { return target }

type Formatter struct{}

func (Formatter) Errorf(target string) {}
`,
  'app/main.go': `package main

import (
	"fmt"
	"net/http"

	"example.com/svc/errs"
	"github.com/pkg/errors"
)

// main: fmt formats, errors wraps
func main() {
	fmt.Errorf("orders:50051")
	errors.Wrap("orders:50051") // errors wraps
	_ = "errors" + config.fmt
	errs.Wrap("orders:50051")
	errors.Default = "orders:50051"
	_ = &http.Server{Addr: "orders:50051"}
	_ = fmt.
		Errorf("orders:50051")
}
`,
  'app/shadow.go': `package main

import (
	"fmt"

	"example.com/svc/errs"
)

func shadow() {
	fmt.Errorf("orders:50051")
	fmt := errs.Formatter{}
	fmt.Errorf("orders:50051")
}

func other() {
	fmt.Errorf("orders:50051")
}
`,
};

/** The callees and store targets a file's facts record, as `func pkg.name`, `method .name`, `store name`. */
async function sitesOf(
  path: string,
  tree: Record<string, string> = files,
  setUp: (v: Vocabulary) => void = () => {},
): Promise<string[]> {
  const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
  setUp(vocabulary);
  for (const [p, text] of Object.entries(tree))
    vocabulary.add(text, posix.dirname(p));
  const { program } = extractGoFacts(
    await testParser(),
    path,
    tree[path],
    vocabulary,
  );
  return [
    ...program.calls.map(c =>
      c.callee.k === 'func'
        ? `func ${c.callee.pkg}.${c.callee.name} line ${c.at.line}`
        : `method .${c.callee.name} line ${c.at.line}`,
    ),
    ...program.stores.map(s =>
      s.target.k === 'field'
        ? `store field ${s.target.name}`
        : `store ${s.target.k}`,
    ),
  ];
}

describe('VocabularySiteReader', () => {
  it("reads unqualified uses of the names its own package declares, in the package's other files", async () => {
    expect(await sitesOf('svc/lib/use.go')).toEqual([
      'func .connect line 4',
      'store global',
      'store field Addr',
    ]);
  });

  // `Register` comes from the dot-import (the link step resolves an unqualified callee in the
  // file's own package only), `connect` and `Target` are locals.
  it('skips unqualified names no file of the directory declares: locals, dot-imports; reads qualified ones across a line break', async () => {
    expect(await sitesOf('svc/app/main.go')).toEqual([
      'func example.com/svc/lib.Dial line 14',
      'method .Dial line 15',
      'method .Dial line 17',
      // A type opening a composite literal is still read: it may be a local type.
      'store field Addr',
    ]);
  });

  describe('members of packages outside the tree', () => {
    const roots = (v: Vocabulary) =>
      v.setImportRoots([{ path: 'example.com/svc', dir: '.' }]);

    // `fmt` and `errors` also stand in comments, a literal and a selector: none declares them.
    it('passes over their calls, values and stores; keeps composite literals of their types', async () => {
      expect(await sitesOf('app/main.go', outside, roots)).toEqual([
        'func example.com/svc/errs.Wrap line 16',
        'store field Addr',
      ]);
    });

    it('reads them all while the import roots are not known', async () => {
      expect(await sitesOf('app/main.go', outside)).toEqual([
        'func fmt.Errorf line 13',
        'func fmt.Errorf line 19',
        'func github.com/pkg/errors.Wrap line 14',
        'func example.com/svc/errs.Wrap line 16',
        'store global',
        'store field Addr',
      ]);
    });

    // `fmt` is also a local of `shadow`: there `fmt.Errorf` may be a method call on it.
    it('reads every use of a package name in a function that may declare it as a local', async () => {
      expect(await sitesOf('app/shadow.go', outside, roots)).toEqual([
        'func fmt.Errorf line 10',
        'method .Errorf line 12',
      ]);
    });
  });
});
