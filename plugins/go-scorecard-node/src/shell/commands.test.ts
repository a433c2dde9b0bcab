import { argvCommands, shellCommands } from './commands';

const argvs = (script: string) =>
  shellCommands(script, 1, 'x.sh').map(c => c.argv);

describe('shellCommands', () => {
  it('yields simple commands with lines relative to the first line', () => {
    const cmds = shellCommands(
      'set -e\n\napt-get update && \\\n  go get -u github.com/golang/protobuf/protoc-gen-go\n',
      10,
      'ci.sh',
    );
    expect(cmds.map(c => [c.line, c.argv])).toEqual([
      [10, ['set', '-e']],
      [12, ['apt-get', 'update']],
      [13, ['go', 'get', '-u', 'github.com/golang/protobuf/protoc-gen-go']],
    ]);
    expect(cmds[2]).toMatchObject({
      path: 'ci.sh',
      snippet: 'go get -u github.com/golang/protobuf/protoc-gen-go',
    });
  });

  it('separates assignment prefixes into env', () => {
    const [cmd] = shellCommands(
      'GO111MODULE=off CGO_ENABLED="0" go get github.com/x/tool',
      1,
      'a.sh',
    );
    expect(cmd.argv).toEqual(['go', 'get', 'github.com/x/tool']);
    expect(cmd.env).toEqual({ GO111MODULE: 'off', CGO_ENABLED: '0' });
  });

  it('keeps exported variables for later commands and skips pure assignments', () => {
    const cmds = shellCommands(
      'export GO111MODULE=off\nX=1\ngo get a/b',
      1,
      'a.sh',
    );
    expect(cmds.map(c => c.argv[0])).toEqual(['export', 'go']);
    expect(cmds[1].env).toEqual({ GO111MODULE: 'off' });
  });

  it('removes sudo, env and time wrappers', () => {
    expect(
      argvs(
        'sudo -E -u root go get x\nenv -i GO111MODULE=off go get y\ntime go build',
      ),
    ).toEqual([
      ['go', 'get', 'x'],
      ['go', 'get', 'y'],
      ['go', 'build'],
    ]);
    expect(
      shellCommands('env GO111MODULE=off go get y', 1, 'a').at(0)?.env,
    ).toEqual({ GO111MODULE: 'off' });
  });

  it("removes Travis's retry and wait helpers and timeout, with their arguments", () => {
    expect(
      argvs(
        'travis_retry go get github.com/wadey/gocovmerge\ntravis_wait 30 go get a/b\ntravis_wait go get c/d\ntimeout -k 5s 10m go install x@latest\ntimeout 90 go get e/f',
      ),
    ).toEqual([
      ['go', 'get', 'github.com/wadey/gocovmerge'],
      ['go', 'get', 'a/b'],
      ['go', 'get', 'c/d'],
      ['go', 'install', 'x@latest'],
      ['go', 'get', 'e/f'],
    ]);
  });

  it('removes the command builtin, but command -v runs nothing', () => {
    expect(
      argvs(
        'command go get a/cmd/b\ncommand -p -- go get c/d\ncommand -v golangci-lint\ncommand -pV go',
      ),
    ).toEqual([
      ['go', 'get', 'a/cmd/b'],
      ['go', 'get', 'c/d'],
      ['command', '-v', 'golangci-lint'],
      ['command', '-pV', 'go'],
    ]);
  });

  it('does not mistake quoted text for assignments or keywords', () => {
    expect(argvs('"A=1" go\n"if" x')).toEqual([
      ['A=1', 'go'],
      ['if', 'x'],
    ]);
  });

  it('reads commands inside if, loops, case, subshells and functions', () => {
    const script = [
      'if ! command -v protoc-gen-go; then go install x@v1; fi',
      'for t in a b; do go get $t; done',
      'case "$OS" in',
      '  linux|darwin) go env ;;',
      '  *) echo other ;;',
      'esac',
      '(cd tools && go generate)',
      'setup() { go mod download; }',
      'while read -r l; do echo "$l"; done < list.txt',
    ].join('\n');
    expect(argvs(script)).toEqual([
      ['command', '-v', 'protoc-gen-go'],
      ['go', 'install', 'x@v1'],
      ['go', 'get', 'a', 'b'],
      ['go', 'env'],
      ['echo', 'other'],
      ['cd', 'tools'],
      ['go', 'generate'],
      ['go', 'mod', 'download'],
      ['read', '-r', 'l'],
      ['echo', '$l'],
    ]);
  });

  it('reads array assignments as assignments, not commands', () => {
    const script = [
      'tools=(go get y)', // 1
      'arr+=(z)',
      'local a=("$@")', // 3
      'deps=(',
      '  github.com/x/lint-rules # a comment (with parens)',
      '  errcheck',
      ')',
      'go get "${deps[@]}"', // 8
    ].join('\n');
    const cmds = shellCommands(script, 1, 'a.sh');
    expect(cmds.map(c => [c.line, c.argv])).toEqual([
      [3, ['local', 'a=("$@")']],
      [8, ['go', 'get', 'github.com/x/lint-rules', 'errcheck']],
    ]);
    expect(shellCommands('X=(a b) go version', 1, 'a').at(0)?.env).toEqual({
      X: '(a b)',
    });
    expect(argvs('errors["$key"]="$value"\na[0]+=x go vet')).toEqual([
      ['go', 'vet'],
    ]);
  });

  it('splits an unquoted variable into fields at blanks, as the shell does; a quoted one stays whole', () => {
    const script = [
      'tools="github.com/a/one github.com/b/two"',
      'tools+=" github.com/c/three"',
      'go get -u $tools',
      'go get "$tools"',
      'gotools=" \\',
      '   github.com/golang/lint/golint \\',
      '"',
      'go get ${gotools}',
    ].join('\n');
    expect(argvs(script)).toEqual([
      [
        'go',
        'get',
        '-u',
        'github.com/a/one',
        'github.com/b/two',
        'github.com/c/three',
      ],
      ['go', 'get', 'github.com/a/one github.com/b/two github.com/c/three'],
      ['go', 'get', 'github.com/golang/lint/golint'],
    ]);
  });

  it('reads the commands xargs and find -exec run, and the scripts of shells they run', () => {
    expect(
      argvs(
        [
          'git ls-files | xargs -n 1 -P 4 jsonfmt -w',
          "find . -name '*.hcl' -exec sh -c 'hclfmt -w {}' ';' -exec echo {} +",
        ].join('\n'),
      ),
    ).toEqual([
      ['git', 'ls-files'],
      ['xargs', '-n', '1', '-P', '4', 'jsonfmt', '-w'],
      ['jsonfmt', '-w'],
      [
        'find',
        '.',
        '-name',
        '*.hcl',
        '-exec',
        'sh',
        '-c',
        'hclfmt -w {}',
        ';',
        '-exec',
        'echo',
        '{}',
        '+',
      ],
      ['sh', '-c', 'hclfmt -w {}'],
      ['hclfmt', '-w', '{}'],
      ['echo', '{}'],
    ]);
  });

  it('reads no commands from (( … ))', () => {
    expect(
      argvs(
        '(( i++ ))\nif (( n > 1 )); then go get x; fi\nfor ((i=0; i<3; i++)); do go vet; done',
      ),
    ).toEqual([
      ['go', 'get', 'x'],
      ['go', 'vet'],
    ]);
  });

  it('reads [[ … ]] as one test, not commands; [ … ] is a command', () => {
    expect(
      argvs(
        [
          '[[ $a =~ ^(x|y)$ ]] && go get z',
          '[[ -z $a || $b == c ]] && go get z',
          'if ! [[ $a < b &&',
          '  -f x ]]; then go env; fi',
          'while [[ -n $x ]]; do go vet; done',
          'if [ -z "$CI" ] || [ "$a" = b ]; then go version; fi',
        ].join('\n'),
      ),
    ).toEqual([
      ['go', 'get', 'z'],
      ['go', 'get', 'z'],
      ['go', 'env'],
      ['go', 'vet'],
      ['[', '-z', '$CI', ']'],
      ['[', '$a', '=', 'b', ']'],
      ['go', 'version'],
    ]);
    // not at a command's start, or never closed: an ordinary word
    expect(argvs('echo [[ a ]]\n[[ -n $x\ngo get y')).toEqual([
      ['echo', '[[', 'a', ']]'],
      ['[[', '-n', '$x'],
      ['go', 'get', 'y'],
    ]);
  });

  it('reads the bodies of functions of every form', () => {
    const script = [
      'f() { go get a; }', // 1
      'function g { go install b; }',
      'function h() {', // 3
      '  go get c',
      '}',
      'function k', // 6
      '{',
      '  go get d',
      '}',
      'm () ( go get e )', // 10
      'g',
    ].join('\n');
    const cmds = shellCommands(script, 1, 'a.sh');
    expect(cmds.map(c => [c.line, c.argv])).toEqual([
      [1, ['go', 'get', 'a']],
      [2, ['go', 'install', 'b']],
      [4, ['go', 'get', 'c']],
      [8, ['go', 'get', 'd']],
      [10, ['go', 'get', 'e']],
      [11, ['g']],
    ]);
    expect(argvs('echo function x')).toEqual([['echo', 'function', 'x']]);
  });

  it('reads a function body again where it is called, with the arguments as $1, $@, …', () => {
    const script = [
      'tool() { go get "$1"; }', // 1
      'all() {',
      '  for t in "$@"; do go get -u "${t}"; done', // 3
      '}',
      'function each {',
      '  for p; do GO111MODULE=on go get "$p"; done', // 6
      '  tool "$1"', // 7: a function calling another
      '}',
      'fixed() { go get x/cmd/y; }',
      'tool a/cmd/b', // 10
      'all c/cmd/d e/f',
      'each g/cmd/h',
      'fixed',
      'fixed', // 14
      'rec() { go get "$1"; rec "$1"; }',
      'rec r/cmd/s', // 16
    ].join('\n');
    const cmds = shellCommands(script, 1, 'a.sh');
    const called = cmds
      .filter(c => c.calledFrom)
      .map(c => [c.line, c.argv.join(' '), c.calledFrom!.line]);
    expect(called).toEqual([
      [1, 'go get a/cmd/b', 10],
      [3, 'go get -u c/cmd/d e/f', 11],
      [6, 'go get g/cmd/h', 12],
      [7, 'tool g/cmd/h', 12],
      [1, 'go get g/cmd/h', 7],
      // the body's commands that no argument changes are read once, at the definition
      [15, 'go get r/cmd/s', 16],
      [15, 'rec r/cmd/s', 16],
    ]);
    expect(cmds.find(c => c.argv.join(' ') === 'go get x/cmd/y')).toMatchObject(
      {
        line: 9,
      },
    );
    expect(
      cmds.filter(c => c.argv.join(' ') === 'go get x/cmd/y'),
    ).toHaveLength(1);
    // without a call, `$1` is not known and stays as written
    expect(argvs('f() { go get "$1"; }')).toEqual([['go', 'get', '$1']]);
    expect(argvs('go get "$1" "$@"')).toEqual([['go', 'get', '$1', '$@']]);
  });

  it('drops redirection targets', () => {
    expect(argvs('go get x > log 2>&1')).toEqual([['go', 'get', 'x']]);
  });

  it('reads the script of sh -c with its lines', () => {
    const cmds = shellCommands(
      'echo start\nbash -ec "cd x\ngo get a/cmd/b"',
      1,
      'a.sh',
    );
    expect(cmds.map(c => [c.line, c.argv])).toEqual([
      [1, ['echo', 'start']],
      [2, ['bash', '-ec', 'cd x\ngo get a/cmd/b']],
      [2, ['cd', 'x']],
      [3, ['go', 'get', 'a/cmd/b']],
    ]);
  });

  it('uses a custom line map', () => {
    const [cmd] = shellCommands('a b', 1, 'f', o => (o < 2 ? 7 : 8));
    expect(cmd.line).toBe(7);
  });

  describe('command substitutions', () => {
    const lines = (script: string) =>
      shellCommands(script, 1, 'a.sh').map(
        c => `${c.line}: ${c.argv.join(' ')}`,
      );

    it('reads the commands of $(…) and backticks in any word, at their own lines', () => {
      const script = [
        'V=$(go get a/b 2>&1)', // 1
        'echo "v: $(go install c/d@latest)"',
        'X=`go get e/f`', // 3
        'go build -ldflags "-X main.v=$(git describe \\',
        '  --tags)" ./...', // 5
        'OUT="$(echo "$(',
        '  go get g/h', // 7
        ')")"',
        'for t in $(go list ./tools/...); do go install "$t"; done', // 9
        'cat > "$(mktemp)" <<< "${GOBIN:-$(go env GOPATH)/bin}"',
        'case $(uname) in *) ;; esac; [[ -n $(go env GOOS) ]] && :', // 11
      ].join('\n');
      expect(lines(script)).toEqual([
        '1: go get a/b',
        '2: go install c/d@latest',
        '2: echo v: $(go install c/d@latest)',
        '3: go get e/f',
        '4: git describe --tags',
        '4: go build -ldflags -X main.v=$(git describe \\\n  --tags) ./...',
        '7: go get g/h',
        '6: echo $(\n  go get g/h\n)',
        '9: go list ./tools/...',
        '9: go install $t',
        '10: mktemp',
        '10: go env GOPATH',
        '10: cat',
        '11: uname',
        '11: go env GOOS',
        '11: :',
      ]);
    });

    it('reads nested substitutions three deep, as it reads sh -c', () => {
      expect(lines('a $(b $(c $(d $(e))))')).toEqual([
        '1: d $(e)',
        '1: c $(d $(e))',
        '1: b $(c $(d $(e)))',
        '1: a $(b $(c $(d $(e))))',
      ]);
      expect(lines("sh -c 'echo `go get a/b`'")).toEqual([
        '1: sh -c echo `go get a/b`',
        '1: go get a/b',
        '1: echo `go get a/b`',
      ]);
      // read once: with the script sh runs, not also as a word of the outer command
      expect(lines('sh -c "echo $(go get a/b)"')).toEqual([
        '1: sh -c echo $(go get a/b)',
        '1: go get a/b',
        '1: echo $(go get a/b)',
      ]);
    });

    it('gives them the exported variables, not the prefixes of the command', () => {
      const cmds = shellCommands(
        'export GOFLAGS=-mod=mod\nGO111MODULE=off V=$(go get a/b)\nGOBIN=/x echo $(go get c/d)',
        1,
        'a.sh',
      );
      expect(cmds.map(c => [c.argv.slice(0, 2).join(' '), c.env])).toEqual([
        ['export GOFLAGS=-mod=mod', {}],
        ['go get', { GOFLAGS: '-mod=mod' }],
        ['go get', { GOFLAGS: '-mod=mod' }],
        ['echo $(go get c/d)', { GOFLAGS: '-mod=mod', GOBIN: '/x' }],
      ]);
    });

    it('reads no command from arithmetic, single quotes or escapes', () => {
      const script = [
        'echo $(( 1 + 2 )) "$((n * (m - 1)))"',
        'if (( $((x)) > 1 )); then :; fi',
        "echo '$(go get a/b)' '`go get c/d`' $'$(go get e/f)'",
        'echo "\\$(go get g/h) \\`go get i/j\\`" x\\$y',
      ].join('\n');
      expect(lines(script)).toEqual([
        '1: echo $(( 1 + 2 )) $((n * (m - 1)))',
        '2: :',
        '3: echo $(go get a/b) `go get c/d` $(go get e/f)',
        '4: echo $(go get g/h) `go get i/j` x$y',
      ]);
      // a name in capitals is a variable: make leaves `$(CURDIR)` as written in a recipe
      expect(
        lines('cd $(CURDIR) && echo $(.SHELLFLAGS) `pwd` $(GO_1)'),
      ).toEqual([
        '1: cd $(CURDIR)',
        '1: pwd',
        '1: echo $(.SHELLFLAGS) `pwd` $(GO_1)',
      ]);
    });
  });

  describe('here-documents', () => {
    const lines = (script: string) =>
      shellCommands(script, 1, 'a.sh').map(
        c => `${c.line}: ${c.argv.join(' ')}`,
      );

    it('reads the body cat pipes into a shell, also one ssh runs, as its script', () => {
      const script = [
        "cat <<'EOF' | ssh -o BatchMode=yes builder /bin/bash -s", // 1
        'go get a/cmd/b',
        'EOF',
        'cat <<EOF | grep x', // 4
        'go get not/a/command',
        'EOF',
        'ssh builder sh <<EOF', // 7
        'go get c/cmd/d',
        'EOF',
      ].join('\n');
      expect(lines(script)).toEqual([
        '1: cat',
        '1: ssh -o BatchMode=yes builder /bin/bash -s',
        '2: go get a/cmd/b',
        '4: cat',
        '4: grep x',
        '7: ssh builder sh',
        '8: go get c/cmd/d',
      ]);
    });

    it('reads the body a shell reads as its script', () => {
      const script = [
        'sudo bash -e <<-EOT', // 1
        '\tgo get a/b',
        '\tcat <<X', // 3
        '\tgo get not/a/command',
        'X', // 5
        '\tEOT',
        'GO111MODULE=off sh -s -- x <<"EOF"', // 7
        'go install c/d@v1',
        'EOF', // 9
        '<<EOF /bin/bash -o pipefail && go version',
        'go get e/f', // 11
        'EOF',
      ].join('\n');
      expect(lines(script)).toEqual([
        '1: bash -e',
        '2: go get a/b',
        '3: cat',
        '7: sh -s -- x',
        '8: go install c/d@v1',
        '10: /bin/bash -o pipefail',
        '11: go get e/f',
        '10: go version',
      ]);
      expect(shellCommands(script, 1, 'a.sh')[4].env).toEqual({
        GO111MODULE: 'off',
      });
    });

    it('reads any other body as data, expanding only its substitutions', () => {
      const script = [
        'cat <<EOF > notes', // 1
        'go get not/1',
        'v: $(go version) `go env GOOS` "$(go get a/b)"', // 3
        'EOF',
        "bash tools.sh <<'EOF'", // 5
        'go get not/2 $(go get not/3)',
        'EOF', // 7
        'bash -c "read x" <<EOF',
        'go get not/4', // 9
        'EOF',
        'bash <<EOF < input.sh', // 11
        'go get not/5',
        'EOF',
      ].join('\n');
      expect(lines(script)).toEqual([
        '3: go version',
        '3: go env GOOS',
        '3: go get a/b',
        '1: cat',
        '5: bash tools.sh',
        '8: bash -c read x',
        '8: read x',
        '11: bash',
      ]);
    });
  });
});

describe('argvCommands', () => {
  it('takes the words of an exec-form argv as given: no splitting, quoting or expansion', () => {
    const cmds = argvCommands(
      ['go', 'install', "it's a path/$(x)@v1", 'two words'],
      7,
      'Dockerfile',
    );
    expect(cmds.map(c => [c.line, c.argv])).toEqual([
      [7, ['go', 'install', "it's a path/$(x)@v1", 'two words']],
    ]);
  });

  it('still reads the script a shell in the argv is given, and unwraps env', () => {
    const cmds = argvCommands(
      ['env', 'GO111MODULE=off', 'sh', '-c', 'go get a/b && go vet ./...'],
      3,
      'Dockerfile',
    );
    expect(cmds.map(c => c.argv)).toEqual([
      ['sh', '-c', 'go get a/b && go vet ./...'],
      ['go', 'get', 'a/b'],
      ['go', 'vet', './...'],
    ]);
    expect(cmds[1].env).toMatchObject({ GO111MODULE: 'off' });
  });
});
