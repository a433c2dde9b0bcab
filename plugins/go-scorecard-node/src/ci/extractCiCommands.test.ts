import { extractCiCommands } from './extractCiCommands';

/** `line: argv` of each command, for compact assertions. */
const summary = (path: string, text: string) =>
  extractCiCommands(path, text).map(c => `${c.line}: ${c.argv.join(' ')}`);

describe('extractCiCommands', () => {
  describe('GitHub Actions', () => {
    it('reads the run steps of a composite action, not of another kind of action', () => {
      const composite = [
        'name: setup-tools', // 1
        'inputs:',
        '  run:',
        '    description: go get not/an/input', // 4
        'runs:',
        '  using: composite',
        '  steps:', // 7
        '    - uses: actions/setup-go@v5',
        '    - shell: bash',
        '      env:', // 10
        '        GO111MODULE: "off"',
        '      run: |',
        '        go get github.com/golang/mock/mockgen@v1.6.0', // 13
        '    - run: go install github.com/swaggo/swag/cmd/swag@latest',
        '      shell: bash',
      ].join('\n');
      const path = '.github/actions/setup-tools/action.yml';
      expect(summary(path, composite)).toEqual([
        '13: go get github.com/golang/mock/mockgen@v1.6.0',
        '14: go install github.com/swaggo/swag/cmd/swag@latest',
      ]);
      expect(extractCiCommands(path, composite)[0].env).toEqual({
        GO111MODULE: 'off',
      });
      expect(
        summary(
          'action.yaml',
          "runs:\n  using: 'Composite'\n  steps:\n    - run: go vet\n      shell: sh",
        ),
      ).toEqual(['4: go vet']);
      for (const using of ['node20', 'docker']) {
        expect(
          summary(
            'action.yml',
            `runs:\n  using: ${using}\n  main: index.js\n  steps:\n    - run: go get a/cmd/b\nrun: go get c/cmd/d`,
          ),
        ).toEqual([]);
      }
    });

    it('reads run: strings, literal and folded block scalars with file lines', () => {
      const text = [
        'name: ci', // 1
        'on: push',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: go get -t ./...', // 8
        '      - name: tools',
        '        run: |', // 10
        '          set -e',
        '          # comment',
        '          go install github.com/x/y@latest \\',
        '            && echo done', // 14
        '      - run: >-', // 15
        '          GO111MODULE=off',
        '          go get',
        '          github.com/x/tool', // 18
        '',
        '          go version', // 20
        '      - run: "go get \\"a/cmd/b\\""', // 21
        '      - with:',
        '          script: go get not/a/shell', // 23
      ].join('\n');
      expect(summary('.github/workflows/ci.yml', text)).toEqual([
        '8: go get -t ./...',
        '11: set -e',
        '13: go install github.com/x/y@latest',
        '14: echo done',
        '17: go get github.com/x/tool',
        '20: go version',
        '21: go get a/cmd/b',
      ]);
      const folded = extractCiCommands('.github/workflows/ci.yml', text)[4];
      expect(folded.env).toEqual({ GO111MODULE: 'off' });
    });

    it('reads CRLF files and block indentation indicators', () => {
      const text =
        'jobs:\r\n  a:\r\n    steps:\r\n      - run: |2-\r\n           go get a/cmd/b\r\n          \tgo vet\r\n';
      expect(summary('.github/workflows/a.yaml', text)).toEqual([
        '5: go get a/cmd/b',
        '6: go vet',
      ]);
    });

    it('names the line, not the file (its reader names that), when the YAML is broken', () => {
      expect(() =>
        extractCiCommands('.github/workflows/bad.yml', 'jobs: [\n  a: b\n'),
      ).toThrow(/^invalid YAML at line \d+/);
    });
  });

  it('reads each anchored script once, so an alias bomb stays cheap', () => {
    const names = 'abcdefghi';
    let text =
      'a: &a ["go vet", "go vet", "go vet", "go vet", "go vet", "go vet", "go vet", "go vet", "go vet"]\n';
    for (let i = 1; i < names.length; i++) {
      text += `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]\n`;
    }
    text += 'job:\n  script: *i\n';
    const started = Date.now();
    const commands = extractCiCommands('.gitlab-ci.yml', text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(commands).toHaveLength(9);
  });

  it('reads GitLab scripts: strings, lists, nested anchors once, skipping !reference', () => {
    const text = [
      '.tools: &tools', // 1
      '  - go get -u github.com/golang/protobuf/protoc-gen-go',
      'default:',
      '  before_script:',
      '    - *tools', // 5
      'test:',
      '  script:',
      '    - !reference [.setup, script]',
      '    - go test ./...', // 9
      '    - - nested one', // 10
      '  after_script: echo bye', // 11
    ].join('\n');
    expect(summary('.gitlab-ci.yml', text)).toEqual([
      '2: go get -u github.com/golang/protobuf/protoc-gen-go',
      '9: go test ./...',
      '10: nested one',
      '11: echo bye',
    ]);
  });

  it('reads CircleCI run strings and commands, also in reusable commands', () => {
    const text = [
      'version: 2.1',
      'commands:',
      '  tools:',
      '    steps:',
      '      - run: go get github.com/golang/mock/mockgen', // 5
      'jobs:',
      '  build:',
      '    steps:',
      '      - run:',
      '          name: lint',
      '          command: |', // 11
      '            go install honnef.co/go/tools/cmd/staticcheck',
    ].join('\n');
    expect(summary('.circleci/config.yml', text)).toEqual([
      '5: go get github.com/golang/mock/mockgen',
      '12: go install honnef.co/go/tools/cmd/staticcheck',
    ]);
  });

  it('reads Travis phases, Azure script/bash/pwsh/powershell and Taskfile cmds', () => {
    expect(
      summary(
        '.travis.yml',
        'install:\n  - go get golang.org/x/lint/golint\nscript: make test\n',
      ),
    ).toEqual(['2: go get golang.org/x/lint/golint', '3: make test']);
    expect(
      summary(
        'azure-pipelines.yml',
        'steps:\n- script: go get a/cmd/b\n- bash: |\n    go vet\n- powershell: go get c/cmd/d\n- pwsh: go install e/cmd/f@latest\n',
      ),
    ).toEqual([
      '2: go get a/cmd/b',
      '4: go vet',
      '5: go get c/cmd/d',
      '6: go install e/cmd/f@latest',
    ]);
    expect(
      summary(
        'Taskfile.yml',
        "version: '3'\ntasks:\n  gen:\n    cmds:\n      - go get a/cmd/b\n      - cmd: go generate\n      - task: other\n  one:\n    cmd: go vet\n",
      ),
    ).toEqual(['5: go get a/cmd/b', '6: go generate', '9: go vet']);
  });

  it('reads AppVeyor phases, Drone, Woodpecker, Buildkite and Semaphore commands, Bitbucket scripts', () => {
    expect(
      summary(
        'appveyor.yml',
        'install:\n  - go get a/cmd/b\n  - sh: go get c/cmd/d\n  - ps: go get e/cmd/f\nbuild: off\n',
      ),
    ).toEqual(['2: go get a/cmd/b', '3: go get c/cmd/d', '4: go get e/cmd/f']);
    const drone = extractCiCommands(
      '.drone.yml',
      'steps:\n  - name: lint\n    environment:\n      GO111MODULE: "off"\n    commands:\n      - go get x/y\n',
    );
    expect(drone.map(c => [c.line, c.argv.join(' '), c.env])).toEqual([
      [6, 'go get x/y', { GO111MODULE: 'off' }],
    ]);
    expect(
      summary(
        '.woodpecker/ci.yml',
        'steps:\n  build:\n    commands: [go vet]\n',
      ),
    ).toEqual(['3: go vet']);
    expect(
      summary(
        '.buildkite/pipeline.yml',
        'steps:\n  - command: go get a/cmd/b && b\n  - commands:\n      - go vet\n',
      ),
    ).toEqual(['2: go get a/cmd/b', '2: b', '4: go vet']);
    expect(
      summary(
        '.semaphore/semaphore.yml',
        'blocks:\n  - task:\n      prologue:\n        commands: [checkout]\n      jobs:\n        - commands:\n            - go test ./...\n',
      ),
    ).toEqual(['4: checkout', '7: go test ./...']);
    expect(
      summary(
        'bitbucket-pipelines.yml',
        'pipelines:\n  default:\n    - step:\n        script:\n          - go get a/cmd/b\n        after-script:\n          - go vet\n',
      ),
    ).toEqual(['5: go get a/cmd/b', '7: go vet']);
  });

  it('reads Cloud Build scripts and args: the entrypoint, else args[0], else the go builder', () => {
    const text = [
      'steps:', // 1
      '  - name: golang',
      '    args: ["go", "get", "a/cmd/b"]', // 3
      '  - name: golang',
      '    entrypoint: bash', // 5
      '    env: ["GO111MODULE=off"]',
      '    args:',
      '      - -c',
      '      - go get c/cmd/d && go vet', // 9
      '  - name: gcr.io/cloud-builders/go',
      '    args: [get, e/cmd/f]', // 11
      '  - name: golang',
      '    script: |',
      '      go get g/cmd/h', // 14
    ].join('\n');
    const commands = extractCiCommands('cloudbuild.yaml', text);
    expect(commands.map(c => `${c.line}: ${c.argv.join(' ')}`)).toEqual([
      '14: go get g/cmd/h',
      '3: go get a/cmd/b',
      '9: bash -c go get c/cmd/d && go vet',
      '9: go get c/cmd/d',
      '9: go vet',
      '11: go get e/cmd/f',
    ]);
    expect(commands[3].env).toEqual({ GO111MODULE: 'off' });
  });

  it('reads Makefile recipes with prefixes, continuations, $$, variables and inline recipes', () => {
    const text = [
      'GO ?= go', // 1
      'TOOLS = github.com/a/cmd/x \\',
      '  github.com/b/cmd/y',
      '.PHONY: tools',
      'tools: deps', // 5
      '\t@echo "installing $(TOOLS)"',
      '\t-go get -u \\',
      '\t\tgithub.com/golang/protobuf/protoc-gen-go', // 8
      '# a comment',
      '\tfor t in $(TOOLS); do \\', // 10
      '\t\tgo install $$t@v1.0.0; \\',
      '\tdone',
      '',
      'lint: ; golangci-lint run', // 14
      'define HELP',
      '\tgo get never/cmd/run',
      'endef',
      'ifeq ($(CI),true)',
      'x:',
      '\t+$(GO) build ./...', // 20
      'endif',
      '\tgo vet', // 22: still x's recipe
      'VAR := 1',
      '\tnot a recipe',
    ].join('\n');
    expect(summary('Makefile', text)).toEqual([
      '6: echo installing github.com/a/cmd/x github.com/b/cmd/y',
      '7: go get -u github.com/golang/protobuf/protoc-gen-go',
      '11: go install github.com/a/cmd/x@v1.0.0 github.com/b/cmd/y@v1.0.0',
      '14: golangci-lint run',
      '20: go build ./...',
      '22: go vet',
    ]);
  });

  it('reads Dockerfile RUN: shell form, exec form, heredocs, ENV', () => {
    const text = [
      '# syntax=docker/dockerfile:1', // 1
      'FROM golang:1.22 AS build',
      'ENV GO111MODULE=off',
      'RUN apt-get update && apt-get install -y protobuf-compiler \\',
      '    # a comment inside',
      '    && go get -u github.com/golang/protobuf/protoc-gen-go', // 6
      'RUN ["go", "install", "github.com/x/y@latest"]', // 7
      'RUN --mount=type=cache,target=/root/.cache go build ./...', // 8
      'RUN <<EOF', // 9
      'set -e',
      'go get a/cmd/b', // 11
      'EOF',
      'RUN cat <<EOF > /etc/conf', // 13
      'go get not/a/command',
      'EOF',
      'FROM alpine',
      'RUN go version', // 17
    ].join('\n');
    const cmds = extractCiCommands('Dockerfile', text);
    expect(cmds.map(c => `${c.line}: ${c.argv.join(' ')}`)).toEqual([
      '4: apt-get update',
      '4: apt-get install -y protobuf-compiler',
      '6: go get -u github.com/golang/protobuf/protoc-gen-go',
      '7: go install github.com/x/y@latest',
      '8: go build ./...',
      '10: set -e',
      '11: go get a/cmd/b',
      '13: cat',
      '17: go version',
    ]);
    expect(cmds[2].env).toEqual({ GO111MODULE: 'off' });
    expect(cmds[8].env).toEqual({});
  });

  it('honours the Dockerfile escape directive', () => {
    const text = '# escape=`\nFROM x\nRUN echo a `\n  && go get b/cmd/c\n';
    expect(summary('build/win.Dockerfile', text)).toEqual([
      '3: echo a',
      '4: go get b/cmd/c',
    ]);
  });

  it('reads Jenkinsfile sh steps, skipping comments and other strings', () => {
    const text = [
      'pipeline {', // 1
      '  agent any',
      '  stages {',
      "    stage('sh x') {", // 4
      '      steps {',
      "        sh 'go get -u github.com/x/cmd/y'", // 6
      '        // sh "go get commented/cmd/out"',
      '        sh(script: """',
      '          go install a/b@latest', // 9
      '          echo \\${HOME} ${env.X}',
      '        """, returnStdout: true)',
      "        sh label: 'gen', script: 'go generate ./...'", // 12
      '        echo \'sh "not a step"\'',
      '      }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    expect(summary('Jenkinsfile', text)).toEqual([
      '6: go get -u github.com/x/cmd/y',
      '9: go install a/b@latest',
      '10: echo ${HOME} ${env.X}',
      '12: go generate ./...',
    ]);
  });

  it('reads a whole shell script', () => {
    expect(
      summary(
        'scripts/tools.sh',
        '#!/bin/sh\nset -eu\nGO111MODULE=off go get github.com/x/tool\n',
      ),
    ).toEqual(['2: set -eu', '3: go get github.com/x/tool']);
  });

  it('returns nothing for other files', () => {
    expect(extractCiCommands('README.md', 'go get x')).toEqual([]);
  });
});
