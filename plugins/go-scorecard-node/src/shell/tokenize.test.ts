import { tokenize } from './tokenize';

const words = (s: string) =>
  tokenize(s).map(t => (t.kind === 'word' ? t.value : `<${t.op}>`));

describe('tokenize', () => {
  it('removes quotes and escapes', () => {
    expect(words(`echo 'a b' "c \\"d\\" \\$e" f\\ g h'i'"j"`)).toEqual([
      'echo',
      'a b',
      'c "d" $e',
      'f g',
      'hij',
    ]);
  });

  it('keeps $(…), ${…} and backticks as written, spaces included', () => {
    expect(
      words('go install "$(go list -m)/cmd/x" ${A:-b c} `date +%s` $((1 + 2))'),
    ).toEqual([
      'go',
      'install',
      '$(go list -m)/cmd/x',
      '${A:-b c}',
      '`date +%s`',
      '$((1 + 2))',
    ]);
  });

  it('splits on operators and newlines, joins continuations, drops comments', () => {
    expect(
      words('a && b || c; d | e & f\ng \\\n  h # comment && x\r\ni'),
    ).toEqual([
      'a',
      '<&&>',
      'b',
      '<||>',
      'c',
      '<;>',
      'd',
      '<|>',
      'e',
      '<&>',
      'f',
      '<\n>',
      'g',
      'h',
      '<\n>',
      'i',
    ]);
  });

  it('treats # inside a word as part of it', () => {
    expect(words('echo a#b $#')).toEqual(['echo', 'a#b', '$#']);
  });

  it('reads redirections with file descriptors', () => {
    expect(words('go get x >/dev/null 2>&1 <in')).toEqual([
      'go',
      'get',
      'x',
      '<>>',
      '/dev/null',
      '<2>&>',
      '1',
      '<<>',
      'in',
    ]);
  });

  it('skips here-document bodies', () => {
    const script =
      'cat <<EOF > f\ngo get a/cmd/b\nEOF\ncat <<-"END"\n\tgo get c\n\tEND\ngo version\n';
    expect(words(script)).toEqual([
      'cat',
      '<<<>',
      'EOF',
      '<>>',
      'f',
      '<\n>',
      'cat',
      '<<<->',
      'END',
      '<\n>',
      'go',
      'version',
      '<\n>',
    ]);
  });

  it('reads a bash array assignment as one word, over lines and comments', () => {
    expect(words('tools=(go get y)\narr+=(z)\nlocal a=("$@")')).toEqual([
      'tools=(go get y)',
      '<\n>',
      'arr+=(z)',
      '<\n>',
      'local',
      'a=("$@")',
    ]);
    const script = 'x=(\n  a # not ) the end\n  "b)" $(c)\n) && go get y';
    expect(words(script)).toEqual([
      'x=(\n  a # not ) the end\n  "b)" $(c)\n)',
      '<&&>',
      'go',
      'get',
      'y',
    ]);
    expect(words('f() { a; }')).toEqual([
      'f',
      '<(>',
      '<)>',
      '{',
      'a',
      '<;>',
      '}',
    ]);
  });

  it('reads $"…" like "…"', () => {
    expect(words('echo $"hello $USER" a$"b" "$"')).toEqual([
      'echo',
      'hello $USER',
      'ab',
      '$',
    ]);
  });

  it('yields no token for (( … )) arithmetic', () => {
    expect(words('(( i++ ))\nif (( n > 1 )); then x; fi')).toEqual([
      '<\n>',
      'if',
      '<;>',
      'then',
      'x',
      '<;>',
      'fi',
    ]);
    expect(words('for ((i = 0; i < n; i++)); do x; done')).toEqual([
      'for',
      '<;>',
      'do',
      'x',
      '<;>',
      'done',
    ]);
    // `<<` inside is a shift, not a here-document that would swallow the next lines
    expect(words('(( m = 1 << n ))\ngo get x\nn')).toEqual([
      '<\n>',
      'go',
      'get',
      'x',
      '<\n>',
      'n',
    ]);
  });

  it('reads (( as two subshells when a single ) closes it', () => {
    expect(words('((cd a; make) || x)')).toEqual([
      '<(>',
      '<(>',
      'cd',
      'a',
      '<;>',
      'make',
      '<)>',
      '<||>',
      'x',
      '<)>',
    ]);
    expect(words('((a; b))')).toEqual([
      '<(>',
      '<(>',
      'a',
      '<;>',
      'b',
      '<)>',
      '<)>',
    ]);
  });

  it('survives unterminated quotes', () => {
    expect(words("echo 'abc")).toEqual(['echo', 'abc']);
    expect(words('echo "abc $(x')).toEqual(['echo', 'abc $(x']);
    expect(words('x=(a "b')).toEqual(['x=(a "b']);
    expect(words('(( a ( b')).toEqual(['<(>', '<(>', 'a', '<(>', 'b']);
  });

  // Before the look-ahead budget this input took 12-24 s: the test's timeout is the guard.
  it('reads unbalanced parentheses without a quadratic look-ahead', () => {
    const deep = tokenize(`${'(( '.repeat(30_000)}${') '.repeat(60_000)}`);
    expect(deep).toHaveLength(120_000);
    expect(tokenize('(('.repeat(50_000))).toHaveLength(100_000);
    expect(tokenize('x=('.repeat(50_000))).toHaveLength(1);
  }, 10_000);

  it('records offsets', () => {
    const [first, second] = tokenize('  go  "get"');
    expect(first).toMatchObject({ start: 2, end: 4, raw: 'go' });
    expect(second).toMatchObject({
      start: 6,
      end: 11,
      raw: '"get"',
      value: 'get',
    });
  });
});
