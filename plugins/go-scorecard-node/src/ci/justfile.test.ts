import { justfileCommands } from './justfile';

describe('justfileCommands', () => {
  it('reads recipe bodies with prefixes, continuations, interpolation and shebang recipes', () => {
    const text = [
      'go := "go"', // 1
      "pkg := 'golang.org/x/tools/cmd/stringer'",
      'export GOFLAGS := "-mod=mod"',
      '',
      '# a comment',
      'tools dir="bin": deps', // 6
      '    @{{ go }} install {{pkg}}@latest',
      '    -go vet \\',
      '      ./...',
      '    # a recipe comment',
      '    echo {{ unknown }}', // 11
      'run:',
      '    #!/usr/bin/env bash',
      '    set -e',
      '    go get x/cmd/y', // 15
      'not_a_recipe := "go get a/cmd/b"',
    ].join('\n');
    expect(
      justfileCommands('justfile', text).map(c => [c.line, c.argv.join(' ')]),
    ).toEqual([
      [7, 'go install golang.org/x/tools/cmd/stringer@latest'],
      [8, 'go vet ./...'],
      [11, 'echo {{ unknown }}'],
      [14, 'set -e'],
      [15, 'go get x/cmd/y'],
    ]);
  });
});
