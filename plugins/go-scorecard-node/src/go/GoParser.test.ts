import { GoParser, isNewExpression } from './GoParser';

describe('isNewExpression', () => {
  it.each([
    ['"x"', true],
    ['opts.id + "=http://" + port', true],
    ['jobWrapper.Job.Schedule', true],
    ['map[string]any{"a": 1}', true],
    ['trs[0].GetKey()', true],
    ['peers[0].ID', true],
    ['peers[i].ID', true],
    ['names["a"]', true],
    ['List[int]', false],
    ['pkg.Set[string]', false],
    ['[4]int', false],
    ['[]int{10, 20}', true],
    ['Server', false],
    ['pkg.Server', false],
    ['map[string]*Server', false],
    ['struct{ a int }', false],
    ['func(int) error', false],
    ['[]chan<- int', false],
  ])('new(%s) is an expression: %s', (arg, expected) => {
    expect(isNewExpression(arg)).toBe(expected);
  });
});

describe('GoParser', () => {
  it("reads Go 1.26's new(expr) as a call, keeping new(T) a type and every offset", async () => {
    const parser = await GoParser.create();
    const source = [
      'package p',
      'var a = new("x")',
      'var b = new(int64(5))',
      'var c = new(-1)',
      'var d = new(Server)',
      'var e = new(func() int)',
      'var f = renew("x")',
    ].join('\n');
    const tree = parser.parse(source);
    try {
      expect(tree.rootNode.hasError).toBe(false);
      const calls = tree.rootNode
        .descendantsOfType('call_expression')
        .map(c => c!.childForFieldName('arguments')!.namedChildren[0]!.type);
      expect(calls).toEqual([
        'interpreted_string_literal',
        'call_expression',
        'int_literal', // the conversion int64(5) inside
        'unary_expression',
        'type_identifier',
        'function_type',
        'interpreted_string_literal',
      ]);
      // offsets are the source's: the name reads `new`
      const first = tree.rootNode.descendantsOfType('call_expression')[0]!;
      expect(source.slice(first.startIndex, first.endIndex)).toBe('new("x")');
    } finally {
      tree.delete();
    }
  });

  it('keeps a file without new(expr) as the grammar parses it, errors and all', async () => {
    const parser = await GoParser.create();
    const tree = parser.parse('package p\nfunc f() { x := new(T); y := }\n');
    try {
      expect(tree.rootNode.hasError).toBe(true);
    } finally {
      tree.delete();
    }
  });

  it('reads an explicitly instantiated generic function called with one argument as a call', async () => {
    const parser = await GoParser.create();
    const source = [
      'package p',
      'func New[T any](addr string) *Client[T] { return &Client[T]{addr: addr} }',
      'func f() {',
      '\ta := New[int]("orders:9000")',
      '\tb := clients.Connect[*pb.Stock, string](\n\t\t"stock:9000")',
      '\tc := handlers[name](w)',
      '\td := []byte(s)',
      '}',
    ].join('\n');
    const tree = parser.parse(source);
    try {
      expect(tree.rootNode.hasError).toBe(false);
      // `[]byte(s)` stays a conversion
      expect(
        tree.rootNode
          .descendantsOfType('type_conversion_expression')
          .map(c => c!.childForFieldName('type')!.type),
      ).toEqual(['slice_type']);
      const calls = tree.rootNode
        .descendantsOfType('call_expression')
        .map(c => {
          const fn = c!.childForFieldName('function')!;
          return source.slice(fn.startIndex, fn.endIndex);
        });
      expect(calls).toEqual(['New', 'clients.Connect', 'handlers']);
      // the declaration keeps its type parameters, the literal its type arguments
      expect(
        tree.rootNode.descendantsOfType('type_parameter_list'),
      ).toHaveLength(1);
      expect(tree.rootNode.descendantsOfType('generic_type')).toHaveLength(2);
      // offsets and lines are the source's
      const b = tree.rootNode.descendantsOfType('call_expression')[1]!;
      expect(source.slice(b.startIndex, b.endIndex)).toBe(
        'clients.Connect[*pb.Stock, string](\n\t\t"stock:9000")',
      );
    } finally {
      tree.delete();
    }
  });
});
