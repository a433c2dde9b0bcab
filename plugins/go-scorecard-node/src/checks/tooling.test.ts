import { runCheck } from '../__testUtils__/runCheck';
import { ServiceFacts, serviceFacts } from '../facts';
import { extractCiCommands } from '../ci/extractCiCommands';
import { readBuildFiles } from '../ci/buildFiles';
import { parseGoMod } from '../gomod/parseGoMod';
import { goGetInstallCheck } from './go-get-install';
import { goInstallUnpinnedCheck } from './go-install-unpinned';

function facts(files: Record<string, string>, goMod?: string): ServiceFacts {
  const paths = Object.keys(files);
  return serviceFacts({
    modules: goMod ? [{ dir: '.', mod: parseGoMod('go.mod', goMod) }] : [],
    ciFiles: paths,
    ciCommands: paths.flatMap(p => extractCiCommands(p, files[p])),
  });
}

const lines = (outcome: ReturnType<typeof goGetInstallCheck.run>) =>
  'findings' in outcome
    ? outcome.findings.map(f => `${f.path}:${f.line}`)
    : outcome.notApplicable;

describe('go-get-install', () => {
  it('flags tools installed with go get, wherever the command is', () => {
    const result = runCheck(
      goGetInstallCheck,
      facts({
        Dockerfile:
          'FROM golang:1.22\nRUN apt-get update && apt-get install -y protobuf-compiler \\\n    && go get -u github.com/golang/protobuf/protoc-gen-go\n',
        'scripts/tools.sh': [
          'GO111MODULE=off go get github.com/x/tool', // 1
          'go get -t ./...',
          'go get -d github.com/x/y/cmd/z',
          'go get example.com/lib@v1.2.3',
          'go get -u github.com/lib/pq',
          'go get -tags netgo golang.org/x/tools/cmd/goimports@v0.20.0', // 6
          'sudo go get github.com/golang/mock/mockgen', // 7
          'go get github.com/google/wire github.com/swaggo/swag',
          'go get -u $(TOOLS)',
        ].join('\n'),
      }),
    );
    expect(lines(result)).toEqual([
      'Dockerfile:3',
      'scripts/tools.sh:1',
      'scripts/tools.sh:6',
      'scripts/tools.sh:7',
    ]);
    const [docker, gopath] = 'findings' in result ? result.findings : [];
    expect(docker.message).toContain(
      'github.com/golang/protobuf/protoc-gen-go (a protoc plugin)',
    );
    expect(docker.message).toContain(
      'go install github.com/golang/protobuf/protoc-gen-go@<version>',
    );
    expect(docker.snippet).toBe(
      'go get -u github.com/golang/protobuf/protoc-gen-go',
    );
    expect(gopath.message).toContain('GO111MODULE=off');
  });

  it('counts a tool run anywhere in the Make group or by a caller, and in the same file only later', () => {
    const build = readBuildFiles(
      [
        {
          path: 'Makefile',
          text: [
            'include build/tools.mk',
            'lint: tools',
            '\tgolint-extra ./...',
            '\t./hack/install',
            '\tdepscan --strict',
          ].join('\n'),
        },
        { path: 'other.sh', text: 'vendorcheck ./...\nassertlib\n' },
      ],
      [
        {
          path: 'build/tools.mk',
          text: 'tools:\n\tgo get github.com/acme/golint-extra\n',
        },
        {
          path: 'hack/install',
          text: [
            'go get github.com/acme/depscan/v2',
            'go get github.com/acme/vendorcheck',
            'assertlib',
            'go get github.com/acme/assertlib',
          ].join('\n'),
        },
      ],
    );
    const result = runCheck(goGetInstallCheck, {
      ...facts({}),
      ciFiles: build.paths,
      ciCommands: build.commands,
      ciRelatedFiles: build.related,
    });
    expect(lines(result)).toEqual(['build/tools.mk:2', 'hack/install:1']);
    const [tools, install] = 'findings' in result ? result.findings : [];
    expect(tools.message).toContain(
      '(a tool: `golint-extra` runs at Makefile:3)',
    );
    expect(install.message).toContain('(a tool: `depscan` runs at Makefile:5)');
  });

  it('tells a GOPATH-mode get of a library to use go.mod, and a tool to use go install', () => {
    const result = runCheck(
      goGetInstallCheck,
      facts({
        'ci.sh': [
          'export GO111MODULE=off',
          'go get github.com/stretchr/testify',
          'go get github.com/golang/mock/mockgen github.com/pkg/errors',
          'go get -u github.com/golang/mock/mockgen',
        ].join('\n'),
      }),
    );
    const [library, both, tool] =
      'findings' in result ? result.findings.map(f => f.message) : [];
    expect(library).toBe(
      '`go get` fetches github.com/stretchr/testify into GOPATH (GO111MODULE=off); Go 1.22 removed `go get` in GOPATH mode: add it to go.mod with `go get github.com/stretchr/testify@<version>` in module mode (or, for a command, `go install github.com/stretchr/testify@<version>`)',
    );
    expect(library).not.toContain('use `go install');
    expect(both).toContain(
      'use `go install github.com/golang/mock/mockgen@<version>` with a pinned version; add it to go.mod with `go get github.com/pkg/errors@<version>`',
    );
    expect(tool).toBe(
      '`go get` is used to install github.com/golang/mock/mockgen (the mockgen tool); since Go 1.17 `go get` only changes go.mod and Go 1.22 no longer supports GOPATH mode: use `go install github.com/golang/mock/mockgen@<version>` with a pinned version',
    );
  });

  it('is not applicable without CI files', () => {
    expect(runCheck(goGetInstallCheck, facts({}))).toEqual({
      notApplicable: 'no CI or build file',
    });
  });
});

describe('go-install-unpinned', () => {
  it('flags @latest, branches and versionless remote packages not required by go.mod', () => {
    const result = runCheck(
      goInstallUnpinnedCheck,
      facts(
        {
          Makefile: [
            'tools:',
            '\tgo install github.com/a/b/cmd/c@latest', // 2
            '\tgo install github.com/a/b/cmd/c@v1.2.3',
            '\tgo install ./cmd/...',
            '\tgo install -ldflags "-s -w" golang.org/x/tools/cmd/goimports', // 5
            '\tgo install github.com/golang/mock/mockgen',
            '\tgo install $(TOOL)@$(VERSION)',
            '\tgo install',
            '\tgo install github.com/x/y@master', // 9
          ].join('\n'),
        },
        'module example.com/m\nrequire github.com/golang/mock v1.6.0\n',
      ),
    );
    expect(lines(result)).toEqual(['Makefile:2', 'Makefile:5', 'Makefile:9']);
    const messages =
      'findings' in result ? result.findings.map(f => f.message) : [];
    expect(messages[0]).toContain(
      'github.com/a/b/cmd/c@latest follows a moving version',
    );
    expect(messages[1]).toContain(
      'golang.org/x/tools/cmd/goimports has no @version',
    );
  });
});
