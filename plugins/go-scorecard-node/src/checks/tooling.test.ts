import { runCheck } from '../testing/runCheck';
import { ServiceFacts } from '../facts';
import { extractCiCommands } from '../ci/extractCiCommands';
import { parseGoMod } from '../gomod/parseGoMod';
import { goGetInstallCheck } from './go-get-install';
import { goInstallUnpinnedCheck } from './go-install-unpinned';

function facts(files: Record<string, string>, goMod?: string): ServiceFacts {
  const paths = Object.keys(files);
  return {
    goFiles: [],
    modules: goMod ? [{ dir: '.', mod: parseGoMod('go.mod', goMod) }] : [],
    ciFiles: paths,
    ciCommands: paths.flatMap(p => extractCiCommands(p, files[p])),
    manifestFiles: [],
    workloads: [],
    configMaps: [],
    configValues: [],
  };
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
