import { Scopes } from './scopes';
import { GoSource } from './syntax';
import { testParser } from '../__testUtils__/testParser';

/** The declarations of `name` in the file's first function, as `line kind`. */
async function declared(source: string, name: string): Promise<string[]> {
  const tree = (await testParser()).parse(source);
  try {
    const src: GoSource = { path: 'a.go', source, root: tree.rootNode };
    const fn = tree.rootNode.namedChildren.find(
      n =>
        n?.type === 'function_declaration' || n?.type === 'method_declaration',
    )!;
    return new Scopes(src, fn)
      .declarations(name)
      .map(d => `${d.id.startPosition.row + 1} ${d.kind}`);
  } finally {
    tree.delete();
  }
}

describe('Scopes', () => {
  it('finds every way Go declares a local name, and no use', async () => {
    const source = `package a

func (s *S) f(a, b int, c *T, d ...string) (n int, err error) {
	x := 1
	y, z := 2, 3
	var v int
	var (
		w = 4
		q []int
	)
	const (
		k = iota
		m
	)
	for i, e := range q {
		_ = i + e
	}
	switch t := any(v).(type) {
	default:
		_ = t
	}
	select {
	case r := <-ch:
		_ = r
	}
	x = x + 1
	x++
	g(x, y)
	return x
}
`;
    expect(await declared(source, 's')).toEqual(['3 receiver']);
    expect(await declared(source, 'a')).toEqual(['3 param']);
    expect(await declared(source, 'b')).toEqual(['3 param']);
    expect(await declared(source, 'c')).toEqual(['3 param']);
    expect(await declared(source, 'd')).toEqual(['3 param']);
    expect(await declared(source, 'n')).toEqual(['3 result']);
    expect(await declared(source, 'err')).toEqual(['3 result']);
    expect(await declared(source, 'x')).toEqual(['4 var']);
    expect(await declared(source, 'z')).toEqual(['5 var']);
    expect(await declared(source, 'v')).toEqual(['6 var']);
    expect(await declared(source, 'w')).toEqual(['8 var']);
    expect(await declared(source, 'q')).toEqual(['9 var']);
    expect(await declared(source, 'k')).toEqual(['12 const']);
    // A const spec that repeats the one before stands alone on its line.
    expect(await declared(source, 'm')).toEqual(['13 const']);
    expect(await declared(source, 'e')).toEqual(['15 var']);
    expect(await declared(source, 't')).toEqual(['18 var']);
    expect(await declared(source, 'r')).toEqual(['23 var']);
  });

  it('reads parameters written without gofmt spacing', async () => {
    const source = 'package a\n\nfunc f(a*int, b[]string, c<-chan int) {}\n';
    expect(await declared(source, 'a')).toEqual(['3 param']);
    expect(await declared(source, 'b')).toEqual(['3 param']);
    expect(await declared(source, 'c')).toEqual(['3 param']);
  });

  it('resolves a use to the innermost declaration in scope', async () => {
    const source = `package a

func f() int {
	x := 1
	if true {
		x := 2
		return x
	}
	return x
}
`;
    const tree = (await testParser()).parse(source);
    try {
      const src: GoSource = { path: 'a.go', source, root: tree.rootNode };
      const fn = tree.rootNode.namedChildren.find(
        n => n?.type === 'function_declaration',
      )!;
      const scopes = new Scopes(src, fn);
      const lineOfUse = (line: number) => {
        const at =
          source
            .split('\n')
            .slice(0, line - 1)
            .join('\n').length + 1;
        const use = source.indexOf('return x', at) + 'return '.length;
        const id = tree.rootNode.descendantForIndex(use)!;
        return scopes.resolve(id)!.id.startPosition.row + 1;
      };
      expect(lineOfUse(7)).toBe(6);
      expect(lineOfUse(9)).toBe(4);
    } finally {
      tree.delete();
    }
  });
});
