import { commandSubstitutions, heredocScript } from './substitutions';
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

  it('records each here-document body on its << token', () => {
    const script =
      "cat <<EOF > f\nline $(x)\nEOF\nbash <<-'END'\n\tgo get c\n\t  go vet\n\tEND\n";
    const [first, second] = tokenize(script).flatMap(t =>
      t.kind === 'redirect' && t.op.startsWith('<<') ? [t] : [],
    );
    expect(first).toMatchObject({
      heredoc: { start: 14, end: 24, stripTabs: false, expands: true },
    });
    expect(script.slice(14, 24)).toBe('line $(x)\n');
    expect(second).toMatchObject({
      heredoc: { stripTabs: true, expands: false },
    });
    const body = heredocScript(script, second.heredoc!);
    expect(body.script).toBe('go get c\n  go vet\n');
    expect(script[body.offsetOf(0)]).toBe('g');
    expect(script.slice(body.offsetOf(9), body.offsetOf(9) + 8)).toBe(
      '  go vet',
    );
    // a here-document the script ends in, and one never closed
    expect(tokenize('cat <<EOF').at(1)).toMatchObject({
      heredoc: { start: 9, end: 9 },
    });
    expect(tokenize('cat <<"E"\na\nb').at(1)).toMatchObject({
      heredoc: { start: 10, end: 13, expands: false },
    });
  });
});

describe('commandSubstitutions', () => {
  const scripts = (text: string, heredoc = false) =>
    commandSubstitutions(text, 0, text.length, heredoc).map(s => s.script);

  it('finds $(…) and backticks unquoted, in double quotes and in ${…}', () => {
    expect(scripts('V=$(go get a/b 2>&1)')).toEqual(['go get a/b 2>&1']);
    expect(scripts('"v: $(go install c/d@latest) `date`"x$(y)')).toEqual([
      'go install c/d@latest',
      'date',
      'y',
    ]);
    expect(scripts('"${GOBIN:-$(go env GOPATH)/bin}"')).toEqual([
      'go env GOPATH',
    ]);
    expect(scripts('${a:-{b}}$(c)')).toEqual(['c']);
    // the outermost only: nested ones belong to its script
    expect(scripts('$(echo "$(go get a/b)" )')).toEqual([
      'echo "$(go get a/b)" ',
    ]);
    expect(scripts('$(a')).toEqual(['a']);
  });

  it('reads no substitution in arithmetic, single quotes or escapes', () => {
    expect(
      scripts(
        `$((1 + 2))$(( n * (m - 1) ))'$(a)'$'\`b\`'\\$(c)"\\$(d) '$(e)'"`,
      ),
    ).toEqual(['e']);
    // commands inside arithmetic run
    expect(scripts('$(( $(wc -l < f) + 1 ))')).toEqual(['wc -l < f']);
    // a single ) closing the inner ( : a subshell in a substitution
    expect(scripts('$((cd a; go get b) || c)')).toEqual([
      '(cd a; go get b) || c',
    ]);
  });

  it('removes the escapes of backquoted bodies and maps their offsets', () => {
    const text = 'x="`a \\`b\\` \\"c\\" \\$d`"';
    const [sub] = commandSubstitutions(text, 0, text.length);
    expect(sub.script).toBe('a `b` "c" $d');
    expect(text[sub.offsetOf(2)]).toBe('`');
    expect(text.slice(sub.offsetOf(10), sub.offsetOf(10) + 2)).toBe('$d');
    expect(scripts('`a \\"b\\"`')).toEqual(['a \\"b\\"']);
  });

  it('reads a here-document body, where quotes are text', () => {
    expect(scripts(`it's "$(go get a)"\n\`b\` '$(c)'\n`, true)).toEqual([
      'go get a',
      'b',
      'c',
    ]);
  });

  it('skips the comments of an array assignment', () => {
    expect(scripts("x=(\n  a # it's $(no)\n  $(yes)\n)")).toEqual(['yes']);
  });

  it('scans deep nesting in linear time', () => {
    const count = (text: string) =>
      commandSubstitutions(text, 0, text.length).length;
    expect(count('$(('.repeat(50_000))).toBe(1);
    expect(count('${'.repeat(50_000))).toBe(0);
    const n = 20_000;
    expect(count('$(( i + 1 ))"$((j))"'.repeat(n))).toBe(0);
    // Nesting deeper than the look-ahead budget allows is no arithmetic any more; it
    // is read in linear time all the same (the test's timeout is the guard).
    count(`${'$(( 1 + '.repeat(n)}1${' ))'.repeat(n)}`);
    count(`"${'$(( $(( '.repeat(n)}1${' ))'.repeat(2 * n)}"`);
  }, 10_000);
});
