/** The kinds of CI and build files whose shell commands the analyzer reads. */
export type CiFileKind =
  | 'github-actions'
  | 'gitlab-ci'
  | 'circleci'
  | 'travis'
  | 'azure-pipelines'
  | 'jenkinsfile'
  | 'makefile'
  | 'dockerfile'
  | 'shell'
  | 'taskfile';

/**
 * The kind of CI or build file at `path` (relative, POSIX), or undefined for any other
 * file. GitHub workflows are the YAML files directly in a `.github/workflows` folder;
 * the other kinds are recognized by file name anywhere in the tree.
 */
export function ciFileKind(path: string): CiFileKind | undefined {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  const parent = parts.slice(-3, -1).join('/');
  if (/\.ya?ml$/.test(name) && parent === '.github/workflows')
    return 'github-actions';
  if (name === '.gitlab-ci.yml' || name === '.gitlab-ci.yaml')
    return 'gitlab-ci';
  if (name === 'config.yml' && parts[parts.length - 2] === '.circleci')
    return 'circleci';
  if (name === '.travis.yml') return 'travis';
  if (/^azure-pipelines\.ya?ml$/.test(name)) return 'azure-pipelines';
  if (
    name === 'Jenkinsfile' ||
    /^Jenkinsfile\.[\w-]+$/.test(name) ||
    name.endsWith('.Jenkinsfile')
  ) {
    return 'jenkinsfile';
  }
  if (
    name === 'Makefile' ||
    name === 'makefile' ||
    name === 'GNUmakefile' ||
    name.endsWith('.mk')
  ) {
    return 'makefile';
  }
  if (
    name === 'Dockerfile' ||
    name.endsWith('.Dockerfile') ||
    (name.startsWith('Dockerfile.') && !name.endsWith('.dockerignore'))
  ) {
    return 'dockerfile';
  }
  if (name.endsWith('.sh') && name.length > 3) return 'shell';
  if (/^Taskfile(\.dist)?\.ya?ml$/.test(name)) return 'taskfile';
  return undefined;
}
