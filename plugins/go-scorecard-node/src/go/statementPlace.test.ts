import { Node } from 'web-tree-sitter';
import { statementPlace } from './statementPlace';
import { GoSource } from './syntax';
import { testParser } from '../__testUtils__/testParser';

/** The place of every call of `f`, as `line stmt sync|later`. */
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
        out.push(
          `${n.startPosition.row + 1} ${
            p ? `${p.stmt} ${p.sync ? 'sync' : 'later'}` : 'none'
          }`,
        );
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
      '14 5 later',
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
});
