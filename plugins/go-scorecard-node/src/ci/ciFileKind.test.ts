import { ciFileKind } from './ciFileKind';

describe('ciFileKind', () => {
  it.each([
    ['.github/workflows/ci.yml', 'github-actions'],
    ['.github/workflows/release.yaml', 'github-actions'],
    ['svc/.github/workflows/ci.yml', 'github-actions'],
    ['.github/actions/setup-tools/action.yml', 'github-action'],
    ['.github/actions/setup-tools/action.yaml', 'github-action'],
    ['action.yml', 'github-action'],
    ['tools/actions/lint/action.yaml', 'github-action'],
    ['.gitlab-ci.yml', 'gitlab-ci'],
    ['.circleci/config.yml', 'circleci'],
    ['.travis.yml', 'travis'],
    ['azure-pipelines.yml', 'azure-pipelines'],
    ['Jenkinsfile', 'jenkinsfile'],
    ['ci/Jenkinsfile.release', 'jenkinsfile'],
    ['Makefile', 'makefile'],
    ['GNUmakefile', 'makefile'],
    ['build/tools.mk', 'makefile'],
    ['Dockerfile', 'dockerfile'],
    ['build/api.Dockerfile', 'dockerfile'],
    ['Dockerfile.dev', 'dockerfile'],
    ['Dockerfile-arm64', 'dockerfile'],
    ['build/Containerfile', 'dockerfile'],
    ['Containerfile.ci', 'dockerfile'],
    ['api.dockerfile', 'dockerfile'],
    ['scripts/install-tools.sh', 'shell'],
    ['hack/setup.bash', 'shell'],
    ['build/common.make', 'makefile'],
    ['Taskfile.yml', 'taskfile'],
    ['Taskfile.yaml', 'taskfile'],
    ['appveyor.yml', 'appveyor'],
    ['.appveyor.yml', 'appveyor'],
    ['.drone.yml', 'drone'],
    ['.woodpecker.yaml', 'woodpecker'],
    ['.woodpecker/test.yml', 'woodpecker'],
    ['bitbucket-pipelines.yml', 'bitbucket-pipelines'],
    ['.buildkite/pipeline.yml', 'buildkite'],
    ['.buildkite/release.yaml', 'buildkite'],
    ['.semaphore/semaphore.yml', 'semaphore'],
    ['cloudbuild.yaml', 'cloudbuild'],
    ['deploy/cloudbuild-prod.yml', 'cloudbuild'],
  ])('classifies %s as %s', (path, kind) => {
    expect(ciFileKind(path)).toBe(kind);
  });

  it.each([
    'deploy/deployment.yaml',
    '.github/dependabot.yml',
    '.github/workflows/scripts/x.yml',
    '.github/actions/setup-tools/actions.yml',
    '.github/actions/setup-tools/action.json',
    '.github/workflows/README.md',
    'config.yml',
    'Dockerfile.dockerignore',
    'main.go',
    '.sh',
    'Makefile.bak/x',
    '.buildkite/hooks/pre-command',
    '.semaphore/README.md',
    'drone.yml',
  ])('ignores %s', path => {
    expect(ciFileKind(path)).toBeUndefined();
  });
});
