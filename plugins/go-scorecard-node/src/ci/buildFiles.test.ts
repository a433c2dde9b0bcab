import { readBuildFiles } from './buildFiles';

const texts = (files: Record<string, string>) =>
  Object.entries(files).map(([path, text]) => ({ path, text }));

/** Reads `ci` as CI/build files and `candidates` as files of no known kind. */
const read = (
  ci: Record<string, string>,
  candidates: Record<string, string> = {},
) => readBuildFiles(texts(ci), texts(candidates));

/** `path:line argv [GO111MODULE]` of each `go get` command read. */
const goGets = (build: ReturnType<typeof read>) =>
  build.commands
    .filter(c => c.argv[0] === 'go' && c.argv[1] === 'get')
    .map(
      c =>
        `${c.path}:${c.line} ${c.argv.slice(2).join(' ')}${
          c.env.GO111MODULE ? ` [GO111MODULE=${c.env.GO111MODULE}]` : ''
        }`,
    );

describe('readBuildFiles', () => {
  it('follows $(MAKE) -f, ${MAKE} --file=, make -C and /usr/bin/make', () => {
    const build = read(
      {
        Makefile: [
          'setup:',
          '\t$(MAKE) -f build/app_makefile gen',
          '\t${MAKE} --file=build/other_makefile',
          '\t$(MAKE) -C tools',
          '\t/usr/bin/make -Cdeps -f deps_makefile',
        ].join('\n'),
      },
      {
        'build/app_makefile': 'gen:\n\tgo get github.com/a/one\n',
        'build/other_makefile': 'all:\n\tgo get github.com/a/two\n',
        'tools/GNUmakefile': 'all:\n\tgo get github.com/a/three\n',
        'deps/deps_makefile': 'all:\n\tgo get github.com/a/four\n',
      },
    );
    expect(goGets(build)).toEqual([
      'build/app_makefile:2 github.com/a/one',
      'build/other_makefile:2 github.com/a/two',
      'deps/deps_makefile:2 github.com/a/four',
      'tools/GNUmakefile:2 github.com/a/three',
    ]);
  });

  it("gives a Makefile's recipes the variables it and its include group export", () => {
    const build = read(
      {
        Makefile: [
          'include build/env.mk',
          'deps:',
          '\tgo get github.com/a/one',
        ].join('\n'),
        'other/Makefile': [
          'GO111MODULE := off',
          'deps:',
          '\tgo get github.com/a/two',
        ].join('\n'),
      },
      {
        'build/env.mk': 'GO111MODULE := off\nexport GO111MODULE\n',
      },
    );
    expect(goGets(build)).toEqual([
      'Makefile:3 github.com/a/one [GO111MODULE=off]',
      'other/Makefile:3 github.com/a/two',
    ]);
  });

  it('runs a script or Makefile with the environment of the command that runs it, down the chain', () => {
    const build = read(
      {
        '.github/workflows/ci.yml': [
          'env:',
          '  GO111MODULE: "off"',
          'jobs:',
          '  a:',
          '    steps:',
          '      - run: ./hack/bootstrap && ./hack/deps',
          '      - run: make tools',
        ].join('\n'),
        Makefile: 'tools:\n\tgo get github.com/a/make\n\tbash scripts/more',
        'scripts/local.sh': 'GO111MODULE=on ./hack/late\n',
      },
      {
        'hack/bootstrap': '#!/usr/bin/env bash\ngo get github.com/a/boot\n',
        'hack/deps': 'go get github.com/a/deps\n',
        'scripts/more': 'go get github.com/a/more\n',
        'hack/late': 'go get github.com/a/late\n',
        'hack/unrun': '#!/bin/sh\ngo get github.com/a/unrun\n',
      },
    );
    expect(goGets(build)).toEqual([
      'Makefile:2 github.com/a/make [GO111MODULE=off]',
      'hack/bootstrap:2 github.com/a/boot [GO111MODULE=off]',
      'hack/deps:1 github.com/a/deps [GO111MODULE=off]',
      'hack/late:1 github.com/a/late [GO111MODULE=on]',
      'hack/unrun:2 github.com/a/unrun',
      'scripts/more:1 github.com/a/more [GO111MODULE=off]',
    ]);
  });

  it("passes exported Make variables to the scripts a recipe runs, and a script's own setting wins", () => {
    const build = read(
      {
        Makefile: [
          'export GO111MODULE = off',
          'deps:',
          '\t./hack/deps',
          '\t./hack/modules',
        ].join('\n'),
      },
      {
        'hack/deps': 'go get github.com/a/deps\n',
        'hack/modules': 'export GO111MODULE=on\ngo get github.com/a/mod\n',
      },
    );
    expect(goGets(build)).toEqual([
      'hack/deps:1 github.com/a/deps [GO111MODULE=off]',
      'hack/modules:2 github.com/a/mod [GO111MODULE=on]',
    ]);
  });

  it('merges the environments of several callers, the first caller read winning a variable they disagree on', () => {
    const build = read(
      {
        'a.sh': 'GO111MODULE=off GOFLAGS=-mod=mod ./hack/deps\n',
        'b.sh': 'GO111MODULE=on CGO_ENABLED=0 ./hack/deps\n',
      },
      { 'hack/deps': 'go get github.com/a/deps\n' },
    );
    const deps = build.commands.find(c => c.path === 'hack/deps')!;
    expect(deps.env).toEqual({
      GO111MODULE: 'off',
      GOFLAGS: '-mod=mod',
      CGO_ENABLED: '0',
    });
  });

  it('relates each file to its Make group, the files that run it and those it runs, up and down the chain', () => {
    const build = read(
      {
        '.gitlab-ci.yml': 'a:\n  script:\n    - make lint\n',
        Makefile: 'include build/tools.mk\nlint:\n\t./hack/lint\n',
        'other.sh': 'echo unrelated\n',
      },
      {
        'build/tools.mk': 'tools:\n\tgo get github.com/a/tool\n',
        'hack/lint': 'tool ./...\n',
      },
    );
    expect(build.related).toEqual({
      '.gitlab-ci.yml': ['Makefile', 'build/tools.mk', 'hack/lint'],
      Makefile: ['.gitlab-ci.yml', 'build/tools.mk', 'hack/lint'],
      'build/tools.mk': ['.gitlab-ci.yml', 'Makefile', 'hack/lint'],
      'hack/lint': ['.gitlab-ci.yml', 'Makefile', 'build/tools.mk'],
    });
  });

  it('takes a path with a variable the command does not set as every file it may be', () => {
    const build = read(
      {
        '.travis.yml':
          'script:\n  - ./test_${TRAVIS_OS_NAME}.sh\n  - ./ci/$STEP\n',
        'test_linux.sh': 'gover\n',
        'test_osx.sh': 'gover\n',
        'other.sh': 'echo unrelated\n',
      },
      { 'ci/run-a': 'echo a\n' },
    );
    expect(build.related['.travis.yml']).toEqual([
      'test_linux.sh',
      'test_osx.sh',
    ]);
  });

  it('names a file that cannot be read once: its problem message does not repeat the path', () => {
    const build = read({
      '.github/workflows/ci.yml':
        'jobs:\n  a:\n    steps:\n      - run: go get x\n       - run: go test\n',
    });
    expect(build.problems).toEqual([
      {
        path: '.github/workflows/ci.yml',
        message: expect.stringMatching(/^invalid YAML at line 5\b/),
      },
    ]);
  });

  it('reads the YAML files a GitLab pipeline includes as GitLab pipelines, nested, and relates them', () => {
    const build = readBuildFiles(
      texts({
        '.gitlab-ci.yml':
          'include:\n  - local: /ci/proto.yml\nlint:\n  script: [golint ./...]\n',
      }),
      [],
      texts({
        'ci/proto.yml': [
          "include: 'ci/jobs/*.yml'",
          'generate:',
          '  script:',
          '    - go get github.com/golang/protobuf/protoc-gen-go@v1.3.2',
        ].join('\n'),
        'ci/jobs/lint.yml':
          'lint-tools:\n  before_script:\n    - go get golang.org/x/lint/golint\n',
        'ci/jobs/deep/not.yml': 'x:\n  script: [go get not/included]\n',
        'deploy/app.yaml': 'kind: Deployment\nscript: go get not/a/pipeline\n',
      }),
    );
    expect(goGets(build)).toEqual([
      'ci/jobs/lint.yml:3 golang.org/x/lint/golint',
      'ci/proto.yml:4 github.com/golang/protobuf/protoc-gen-go@v1.3.2',
    ]);
    expect(build.paths).toEqual([
      '.gitlab-ci.yml',
      'ci/jobs/lint.yml',
      'ci/proto.yml',
    ]);
    expect(build.related['ci/jobs/lint.yml']).toEqual([
      '.gitlab-ci.yml',
      'ci/proto.yml',
    ]);
  });

  it('takes a YAML file only as an included GitLab pipeline, never as a script a command runs', () => {
    const build = readBuildFiles(
      texts({ 'build.sh': 'bash ci/tools.yml\n' }),
      [],
      texts({ 'ci/tools.yml': '#!/bin/sh\ngo get github.com/a/cmd/b\n' }),
    );
    expect(build.paths).toEqual(['build.sh']);
  });
});
