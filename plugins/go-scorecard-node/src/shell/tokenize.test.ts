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

  it('survives unterminated quotes', () => {
    expect(words("echo 'abc")).toEqual(['echo', 'abc']);
    expect(words('echo "abc $(x')).toEqual(['echo', 'abc $(x']);
  });

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
