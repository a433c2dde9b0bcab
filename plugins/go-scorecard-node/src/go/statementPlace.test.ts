import { Node } from 'web-tree-sitter';
import { statementPlace } from './statementPlace';
import { GoSource } from './syntax';
import { StatementPlace } from '../programFacts';
import { testParser } from '../__testUtils__/testParser';

/** A place as `stmt sync|later|deferred`. */
function placeText(p: StatementPlace): string {
  if (p.deferred) return `${p.stmt} deferred`;
  return `${p.stmt} ${p.sync ? 'sync' : 'later'}`;
}

/** The place of every call of `f`, as `line stmt sync|later|deferred`. */
async function places(source: string): Promise<string[]> {
  const tree = (await testParser()).parse(source);
  try {
    const src: GoSource = { path: 'a.go', source, root: tree.rootNode };
    const out: string[] = [];
    const visit = (n: Node) => {
      if (
        n.type === 'call_expression' &&
        n.childForFieldName('function')?.text === 'f'
      ) {
        const p = statementPlace(src, n);
        out.push(`${n.startPosition.row + 1} ${p ? placeText(p) : 'none'}`);
      }
      for (const c of n.namedChildren) if (c) visit(c);
    };
    visit(tree.rootNode);
    return out;
  } finally {
    tree.delete();
  }
}

describe('statementPlace', () => {
  it('tells the body statement of a call, and whether it runs before the next one', async () => {
    expect(
      await places(`package a

var x = f()

func main() {
	// a comment is no statement
	f()
	err := f()
	if err := f(); err != nil {
		f()
	}
	log.Fatal(f())
	go f()
	defer f()
	go func() { f() }()
	for {
		f()
	}
	switch f() {
	case 1:
		f()
	}
	if f() != nil {
	} else if f() != nil {
	}
	{
		f()
	}
	return f()
}
`),
    ).toEqual([
      '3 none',
      '7 0 sync',
      '8 1 sync',
      '9 2 sync',
      '10 2 later',
      '12 3 sync',
      '13 4 later',
      '14 5 deferred',
      '15 6 later',
      '17 7 later',
      '19 8 later',
      '21 8 later',
      '23 9 sync',
      '24 9 later',
      '27 10 later',
      '29 11 sync',
    ]);
  });

  it('tells a call deferred to the function return from one a function literal defers', async () => {
    expect(
      await places(`package a

func main() {
	defer func() {
		f()
	}()
	if debug {
		defer f()
	}
	defer g(f())
	func() {
		defer f()
	}()
	go func() {
		defer f()
	}()
}
`),
    ).toEqual([
      '5 0 deferred',
      '8 1 deferred',
      '10 2 sync',
      '12 3 later',
      '15 4 later',
    ]);
  });
});
