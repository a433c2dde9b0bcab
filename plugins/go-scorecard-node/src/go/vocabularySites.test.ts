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

/** The callees and store targets a file's facts record, as `func pkg.name`, `method .name`, `store name`. */
async function sitesOf(path: string): Promise<string[]> {
  const vocabulary = new Vocabulary(EXTRACTOR_WORDS);
  for (const [p, text] of Object.entries(files))
    vocabulary.add(text, posix.dirname(p));
  const { program } = extractGoFacts(
    await testParser(),
    path,
    files[path],
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
});
