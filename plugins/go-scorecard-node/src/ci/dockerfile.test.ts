import { dockerfileCommands } from './dockerfile';

/** `line: argv` of each command, for compact assertions. */
const summary = (text: string) =>
  dockerfileCommands('Dockerfile', text).map(
    c => `${c.line}: ${c.argv.join(' ')}`,
  );

describe('dockerfileCommands', () => {
  describe('parser directives', () => {
    const body = 'FROM x\nRUN echo a `\n  && go get b/cmd/c';

    it('reads escape from any line of the leading directives', () => {
      expect(
        summary(`# syntax=docker/dockerfile:1\n# escape=\`\n${body}`),
      ).toEqual(['4: echo a', '5: go get b/cmd/c']);
      expect(
        summary(
          `# syntax=docker/dockerfile:1\n#check=skip=all\n  #ESCAPE = \`\n${body}`,
        ),
      ).toEqual(['5: echo a', '6: go get b/cmd/c']);
      expect(summary(`\uFEFF# escape=\`\n${body}`)).toEqual([
        '3: echo a',
        '4: go get b/cmd/c',
      ]);
    });

    it('stops at the first line that is no directive, as BuildKit does', () => {
      for (const before of ['# hello\n', '\n', '# unknown=1\n']) {
        expect(summary(`${before}# escape=\`\n${body}`)).toEqual([
          '4: echo a `',
        ]);
      }
      expect(
        summary(`FROM x\n# escape=\`\nRUN echo a \`\n  && go get b`),
      ).toEqual(['3: echo a `']);
    });
  });

  describe('continuation lines', () => {
    it('joins them without adding a space, as BuildKit does', () => {
      expect(summary('FROM x\nRUN echo foo\\\nbar && go get a/b')).toEqual([
        '2: echo foobar',
        '3: go get a/b',
      ]);
      expect(
        summary('# escape=`\nFROM x\nRUN echo foo`\nbar `  \n  && go get a/b'),
      ).toEqual(['3: echo foobar', '5: go get a/b']);
    });

    it('keeps the line of each command word', () => {
      const text = [
        'FROM x', // 1
        'RUN \\',
        '    go get a/b \\', // 3
        '    # a comment inside',
        '',
        '    &&go install c@v1 \\', // 6
        '\t \\',
        '    && apt-get update &&\\', // 8
        'go vet',
        'ENV A=1 \\', // 10
        '    B=2',
        'RUN ["go", \\', // 12
        '     "version"]',
      ].join('\n');
      const cmds = dockerfileCommands('Dockerfile', text);
      expect(cmds.map(c => `${c.line}: ${c.argv.join(' ')}`)).toEqual([
        '3: go get a/b',
        '6: go install c@v1',
        '8: apt-get update',
        '9: go vet',
        '12: go version',
      ]);
      expect(cmds[4].env).toEqual({ A: '1', B: '2' });
    });
  });

  describe('here-documents', () => {
    it('runs the body of one given to a shell as a script, with its lines', () => {
      const text = [
        'FROM x', // 1
        'RUN <<EOF bash',
        'set -e', // 3
        'go get a/b',
        'EOF', // 5
        'RUN <<-EOT sh',
        '\tgo install c/d@v1', // 7
        '\tEOT',
        'RUN --mount=type=cache,target=/go <<EOF /bin/bash -e', // 9
        'go get e/f',
        'EOF', // 11
        'RUN go version',
      ].join('\n');
      expect(summary(text)).toEqual([
        '2: bash',
        '3: set -e',
        '4: go get a/b',
        '6: sh',
        '7: go install c/d@v1',
        '9: /bin/bash -e',
        '10: go get e/f',
        '12: go version',
      ]);
    });

    it('reads one given to any other command as data', () => {
      const text = [
        'FROM x', // 1
        'RUN <<EOF tee /etc/notes.txt',
        'go get not/a/command', // 3
        'EOF',
        'RUN cat <<EOF > /etc/conf && go version', // 5
        'go get not/either',
        'EOF', // 7
        'RUN <<EOF python3',
        'import os', // 9
        'EOF',
        'RUN <<A sh && <<B cat', // 11
        'go get a/b',
        'A', // 13
        'go get not/b',
        'B', // 15
        'RUN go env',
      ].join('\n');
      expect(summary(text)).toEqual([
        '2: tee /etc/notes.txt',
        '5: cat',
        '5: go version',
        '8: python3',
        '11: sh',
        '12: go get a/b',
        '11: cat',
        '16: go env',
      ]);
      // `<<EOF` in quotes is no here-document to the shell: its lines are not read
      expect(
        summary('FROM x\nRUN echo "<<EOF"\ngo get a/b\nEOF\nRUN go vet'),
      ).toEqual(['2: echo <<EOF', '5: go vet']);
    });
  });

  it('reads what the image runs: ENTRYPOINT, CMD and a HEALTHCHECK command', () => {
    expect(
      summary(
        [
          'FROM alpine',
          'ENTRYPOINT ["/bin/drone", "serve"]',
          'CMD render /etc/a.tmpl && exec \\',
          '  server --port 8080',
          'HEALTHCHECK --interval=10s --timeout=3s CMD ["grpc-probe", "-addr=:50051"]',
          'HEALTHCHECK NONE',
          'COPY --from=tools /go/bin/drone /bin/drone',
        ].join('\n'),
      ),
    ).toEqual([
      '2: /bin/drone serve',
      '3: render /etc/a.tmpl',
      '4: server --port 8080',
      '5: grpc-probe -addr=:50051',
    ]);
  });

  it('reads the commands of command substitutions in RUN', () => {
    expect(
      summary(
        'FROM x\nRUN V=$(go get a/b) \\\n  && echo "`go install c/d@latest`" $((1 + 2))',
      ),
    ).toEqual([
      '2: go get a/b',
      '3: go install c/d@latest',
      '3: echo `go install c/d@latest` $((1 + 2))',
    ]);
  });

  describe('stages and variables', () => {
    it('gives a stage built FROM an earlier one its ENV, not its ARGs', () => {
      const text = [
        'FROM golang:1.13 AS Legacy-Tools', // 1
        'ENV GO111MODULE=off',
        'ARG TOOL=github.com/a/cmd/x', // 3
        'FROM legacy-tools AS generate',
        'RUN go get $TOOL', // 5
        'FROM generate',
        'RUN go get c/d', // 7
        'FROM golang:1.22',
        'RUN go get e/f', // 9
      ].join('\n');
      const cmds = dockerfileCommands('Dockerfile', text);
      expect(cmds.map(c => [c.line, c.argv.join(' '), c.env])).toEqual([
        [5, 'go get $TOOL', { GO111MODULE: 'off' }],
        [7, 'go get c/d', { GO111MODULE: 'off' }],
        [9, 'go get e/f', {}],
      ]);
    });

    it('expands ARG defaults and ENV values in shell-form words, not in exec form', () => {
      const text = [
        'ARG BASE=golang:1.22',
        'FROM ${BASE} AS build', // 2
        'ARG PROTOC_GEN_GO_VERSION=latest',
        'ARG BUF_VERSION=v1.34.0', // 4
        'ENV BUF=github.com/bufbuild/buf/cmd/buf',
        'RUN go install google.golang.org/protobuf/cmd/protoc-gen-go@${PROTOC_GEN_GO_VERSION}', // 6
        'RUN go install "$BUF@$BUF_VERSION" && sh -c "go install $BUF@${BUF_VERSION}"',
        'RUN ["go", "install", "$BUF@latest"]', // 8
        "RUN go install '$BUF'@v1",
      ].join('\n');
      expect(summary(text)).toEqual([
        '6: go install google.golang.org/protobuf/cmd/protoc-gen-go@latest',
        '7: go install github.com/bufbuild/buf/cmd/buf@v1.34.0',
        '7: sh -c go install github.com/bufbuild/buf/cmd/buf@v1.34.0',
        '7: go install github.com/bufbuild/buf/cmd/buf@v1.34.0',
        '8: go install $BUF@latest',
        // in single quotes `$` is a plain character
        '9: go install $BUF@v1',
      ]);
    });

    it('keeps global ARGs to FROM lines, unless a stage declares them again', () => {
      const text = [
        'ARG VERSION=latest',
        'FROM golang:1.22 AS a', // 2
        'RUN go install x/cmd/y@${VERSION}',
        'FROM golang:1.22 AS b', // 4
        'ARG VERSION',
        'RUN go install x/cmd/y@${VERSION}', // 6
      ].join('\n');
      expect(summary(text)).toEqual([
        '3: go install x/cmd/y@${VERSION}',
        '6: go install x/cmd/y@latest',
      ]);
    });
  });
});
