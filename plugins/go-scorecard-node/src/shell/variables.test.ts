import { shellCommands } from './commands';
import { ShellVariables } from './variables';

const argvs = (script: string) =>
  shellCommands(script, 1, 'a.sh').map(c => c.argv.join(' '));

describe('ShellVariables', () => {
  it('knows scalars, arrays and loop words the script writes out', () => {
    const v = new ShellVariables();
    v.assign('V=github.com/a/cmd/x');
    v.assign('A=( one "two" # a comment\n three )');
    v.assign('A+=(four)');
    v.loop('t', ['x', '${A[@]}']);
    expect(v.expand('$V')).toEqual(['github.com/a/cmd/x']);
    expect(v.expand('${V}@latest')).toEqual(['github.com/a/cmd/x@latest']);
    expect(v.expand('${A[@]}')).toEqual(['one', 'two', 'three', 'four']);
    // $A of an array is its first element, as in bash
    expect(v.expand('$A')).toEqual(['one']);
    expect(v.expand('$t')).toEqual(['x', 'one', 'two', 'three', 'four']);
    expect(v.expand('plain')).toEqual(['plain']);
    // several references: at most one may stand for several words
    expect(v.expand('$V@${V}')).toEqual([
      'github.com/a/cmd/x@github.com/a/cmd/x',
    ]);
    expect(v.expand('$t/$V')).toHaveLength(5);
    expect(v.expand('$t/$t')).toBeUndefined();
  });

  it('knows the positional parameters of a call, and nothing of them outside one', () => {
    const v = new ShellVariables();
    expect(v.expand('$1')).toBeUndefined();
    expect(v.expand('$@')).toBeUndefined();
    v.positional(['a/cmd/x', 'b/cmd/y']);
    expect(v.expand('$1')).toEqual(['a/cmd/x']);
    expect(v.expand('${2}@latest')).toEqual(['b/cmd/y@latest']);
    // `$10` is `$1` and a `0`, as in bash
    expect(v.expand('$10')).toEqual(['a/cmd/x0']);
    expect(v.expand('$@')).toEqual(['a/cmd/x', 'b/cmd/y']);
    expect(v.expand('$*')).toEqual(['a/cmd/x', 'b/cmd/y']);
    // `for t; do` loops over "$@"
    v.loop('t', []);
    expect(v.expand('$t')).toEqual(['a/cmd/x', 'b/cmd/y']);
    // a call with fewer arguments forgets the ones it does not give
    v.positional(['c']);
    expect(v.expand('$2')).toBeUndefined();
    expect(v.expand('$@')).toEqual(['c']);
    v.positional([]);
    expect(v.expand('$@')).toBeUndefined();
  });

  it('leaves unknown what it cannot expand', () => {
    const v = new ShellVariables();
    v.assign('S=$(cat tools.txt)');
    v.assign('B=`go env GOPATH`');
    v.assign('ARGS=("$@")');
    v.loop('f', ['./internal/*']);
    v.loop('n', []);
    v.assign('V=x');
    for (const word of ['$S', '$B', '${ARGS[@]}', '$f', '$n', '$HOME', '$V$1'])
      expect({ word, words: v.expand(word) }).toEqual({
        word,
        words: undefined,
      });
    // appending to an unknown array keeps it unknown
    v.assign('ARGS+=(x)');
    expect(v.expand('${ARGS[@]}')).toBeUndefined();
  });

  it('expands the commands of a loop body and a later use, and leaves prefix assignments alone', () => {
    const script = [
      'TOOLS=(github.com/a/cmd/x golang.org/x/tools/cmd/goimports)',
      'for tool in "${TOOLS[@]}"; do',
      '  GO111MODULE=on go get -u "${tool}"',
      'done',
      'export PKG=github.com/b/cmd/y',
      'go install "$PKG@v1.2.3"',
      'X=1 go get "$X"',
      'for f in *.go; do gofmt -l "$f"; done',
    ].join('\n');
    expect(argvs(script)).toEqual([
      'go get -u github.com/a/cmd/x golang.org/x/tools/cmd/goimports',
      'export PKG=github.com/b/cmd/y',
      'go install github.com/b/cmd/y@v1.2.3',
      'go get $X',
      'gofmt -l $f',
    ]);
  });

  it('expands the environment a shell starts with, and hands it to nested scripts', () => {
    const commands = shellCommands(
      'go install "x/cmd/y@${V}" && sh -c \'go install z/cmd/w@$V\'\nV=v2 go install a/cmd/b@$V $P \\$V',
      1,
      'a.sh',
      undefined,
      { V: 'latest', P: '$HOME/go' },
    );
    expect(commands.map(c => c.argv.join(' '))).toEqual([
      'go install x/cmd/y@latest',
      'sh -c go install z/cmd/w@$V',
      'go install z/cmd/w@latest',
      // a prefix assignment is not seen by the words of its own command; `$HOME` is not
      // known; an escaped `$` expands nothing
      'go install a/cmd/b@latest $P $V',
    ]);
    expect(commands[3].env).toEqual({ V: 'v2', P: '$HOME/go' });
  });
});
