import { shellCommands } from './commands';

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
      ['go', 'get', '$t'],
      ['go', 'env'],
      ['echo', 'other'],
      ['cd', 'tools'],
      ['go', 'generate'],
      ['go', 'mod', 'download'],
      ['read', '-r', 'l'],
      ['echo', '$l'],
    ]);
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
});
