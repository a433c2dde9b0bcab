import {
  gitlabGlobalVariables,
  gitlabLocalIncludes,
  matchesLocalInclude,
} from './gitlabIncludes';

describe('gitlabLocalIncludes', () => {
  it('reads every form of a local include, from the root', () => {
    expect(gitlabLocalIncludes("include: 'ci/proto.yml'\n")).toEqual([
      'ci/proto.yml',
    ]);
    expect(gitlabLocalIncludes('include:\n  local: /ci/proto.yml\n')).toEqual([
      'ci/proto.yml',
    ]);
    const list = [
      'include:',
      '  - local: ci/proto.yml',
      '    rules:',
      '      - if: $CI_COMMIT_BRANCH',
      "  - '/templates/lint.yml'",
      '  - remote: https://example.com/ci/go.yml',
      '  - https://example.com/ci/plain.yml',
      '  - template: Go.gitlab-ci.yml',
      '  - project: group/ci',
      '    file: /templates/go.yml',
      '  - component: $CI_SERVER_FQDN/group/comp/go@1.0',
      '  - local: /ci/jobs/**.yml',
      'stages: [test]',
    ].join('\n');
    expect(gitlabLocalIncludes(list)).toEqual([
      'ci/proto.yml',
      'templates/lint.yml',
      'ci/jobs/**.yml',
    ]);
    expect(
      gitlabLocalIncludes('include: [{local: a.yml}, b.yaml]\nx: 1'),
    ).toEqual(['a.yml', 'b.yaml']);
  });

  it('reads none from a file without include, or that does not parse', () => {
    expect(gitlabLocalIncludes('test:\n  script: [go test]\n')).toEqual([]);
    expect(gitlabLocalIncludes('include:\n  - local: [a\n')).toEqual([]);
  });
});

describe('matchesLocalInclude', () => {
  it('reads * within a folder and ** across folders, as GitLab documents', () => {
    expect(matchesLocalInclude('ci/proto.yml', 'ci/proto.yml')).toBe(true);
    expect(matchesLocalInclude('ci/proto.yml', 'ci/protoXyml')).toBe(false);
    expect(matchesLocalInclude('configs/*.yml', 'configs/a.yml')).toBe(true);
    expect(matchesLocalInclude('configs/*.yml', 'configs/x/a.yml')).toBe(false);
    expect(matchesLocalInclude('configs/**.yml', 'configs/x/a.yml')).toBe(true);
    expect(matchesLocalInclude('configs/**/*.yml', 'configs/a.yml')).toBe(
      false,
    );
    expect(matchesLocalInclude('configs/**/*.yml', 'configs/x/a.yml')).toBe(
      true,
    );
  });
});

describe('gitlabGlobalVariables', () => {
  it('reads top-level variables: plain values and value mappings, not jobs', () => {
    expect(
      gitlabGlobalVariables(`variables:
  GO111MODULE: "off"
  RETRIES: 3
  GOLANGCI_VERSION:
    value: v1.59.1
    description: linter version
  EMPTY:
lint:
  variables:
    JOB_ONLY: x
  script: [golangci-lint run]
`),
    ).toEqual({
      GO111MODULE: 'off',
      RETRIES: '3',
      GOLANGCI_VERSION: 'v1.59.1',
    });
  });

  it('sets nothing for a file without them or that does not parse', () => {
    expect(gitlabGlobalVariables('lint:\n  script: [x]\n')).toEqual({});
    expect(gitlabGlobalVariables('variables: [\n')).toEqual({});
  });
});
