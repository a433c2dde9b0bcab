import { inputKind, isAnalyzedPath } from './inputKind';

describe('inputKind', () => {
  it.each([
    // Go
    ['cmd/api/main.go', 'go'],
    ['go.mod', 'go.mod'],
    ['tools/go.sum', 'go.sum'],
    // CI and build files by name (the table is ci/ciFileKind.ts)
    ['.github/workflows/ci.yml', 'ci'],
    ['Makefile', 'ci'],
    ['Makefile.release', 'ci'],
    ['build/ci.Makefile', 'ci'],
    ['Makefile.md', 'candidate'],
    ['build/common.mk', 'ci'],
    ['Dockerfile-arm64', 'ci'],
    ['deploy/Dockerfile.dev', 'ci'],
    ['api.dockerfile', 'ci'],
    ['build/Containerfile', 'ci'],
    ['scripts/setup.sh', 'ci'],
    ['hack/lint.bash', 'ci'],
    ['Jenkinsfile', 'ci'],
    ['.github/actions/setup-tools/action.yml', 'ci'],
    // Manifests, kustomizations, JSON6902 patches
    ['deploy/api.yaml', 'manifest'],
    ['charts/api/templates/deployment.yml', 'manifest'],
    ['overlays/prod/Kustomization', 'manifest'],
    ['overlays/prod/grace-patch.json', 'manifest'],
    // Helm named templates
    ['charts/api/templates/_helpers.tpl', 'template'],
    // Configuration
    ['configs/app.json', 'config'],
    ['config.production.json', 'config'],
    ['app.toml', 'config'],
    ['k8s/base/app.env', 'env'],
    ['.env', 'env'],
    // Files that may be build files: read, kept only if they are
    ['hack/bootstrap', 'candidate'],
    ['tools/setup', 'candidate'],
    ['app_makefile', 'candidate'],
    ['build/Makefile.common.txt', 'candidate'],
    ['rules.inc', 'candidate'],
  ])('%s is %s', (path, kind) => {
    expect(inputKind(path)).toBe(kind);
    expect(isAnalyzedPath(path)).toBe(true);
  });

  it.each([
    'LICENSE',
    'README',
    'OWNERS',
    '.dockerignore',
    '.gitignore',
    'package.json',
    'tsconfig.json',
    'docs/index.md',
    'assets/logo.png',
    'vendor/github.com/x/y/main.go',
    'testdata/Dockerfile',
    'node_modules/x/Makefile',
  ])('%s is not read', path => {
    expect(inputKind(path)).toBeUndefined();
    expect(isAnalyzedPath(path)).toBe(false);
  });
});
