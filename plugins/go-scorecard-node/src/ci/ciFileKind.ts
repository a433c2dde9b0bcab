/** The kinds of CI and build files whose shell commands the analyzer reads. */
export type CiFileKind =
  | 'github-actions'
  | 'github-action'
  | 'gitlab-ci'
  | 'circleci'
  | 'travis'
  | 'azure-pipelines'
  | 'appveyor'
  | 'drone'
  | 'woodpecker'
  | 'bitbucket-pipelines'
  | 'buildkite'
  | 'semaphore'
  | 'cloudbuild'
  | 'jenkinsfile'
  | 'makefile'
  | 'justfile'
  | 'earthfile'
  | 'dockerfile'
  | 'shell'
  | 'taskfile'
  | 'goreleaser'
  | 'snapcraft';

/**
 * Dockerfiles by name (design.md, Rule notes: "Files read"): `Dockerfile` and any name it
 * starts (`Dockerfile.dev`, `Dockerfile-arm64`), `*.Dockerfile`, `*.dockerfile`, and
 * `Containerfile*` (Podman, Buildah); never a `.dockerignore`.
 */
function isDockerfileName(name: string): boolean {
  if (name.endsWith('.dockerignore')) return false;
  return (
    name.startsWith('Dockerfile') ||
    name.startsWith('Containerfile') ||
    /.\.(Dockerfile|dockerfile|Containerfile|containerfile)$/.test(name)
  );
}

/**
 * The kind of CI or build file at `path` (relative, POSIX), or undefined for any other
 * file. GitHub workflows are the YAML files directly in a `.github/workflows` folder; a
 * GitHub action's metadata file is `action.yml` or `action.yaml` in any folder (GitHub
 * docs, "Metadata syntax for GitHub Actions": a workflow runs an action of its repository
 * with `uses: ./path/to/dir`; `.github/actions/<name>/` and the root are the usual places);
 * the pipelines of folders are YAML files directly in `.woodpecker/`, `.buildkite/` and
 * `.semaphore/` (each tool's docs: Woodpecker "Workflows", Buildkite "Defining steps",
 * Semaphore "Pipelines"); the other kinds are recognized by file name anywhere in the tree.
 */
export function ciFileKind(path: string): CiFileKind | undefined {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  const parent = parts.slice(-3, -1).join('/');
  if (/\.ya?ml$/.test(name) && parent === '.github/workflows')
    return 'github-actions';
  if (name === 'action.yml' || name === 'action.yaml') return 'github-action';
  if (name === '.gitlab-ci.yml' || name === '.gitlab-ci.yaml')
    return 'gitlab-ci';
  if (name === 'config.yml' && parts[parts.length - 2] === '.circleci')
    return 'circleci';
  if (name === '.travis.yml') return 'travis';
  if (/^azure-pipelines\.ya?ml$/.test(name)) return 'azure-pipelines';
  const folder = parts[parts.length - 2];
  if (/\.ya?ml$/.test(name)) {
    if (/^\.?appveyor\.ya?ml$/.test(name)) return 'appveyor';
    if (/^\.drone\.ya?ml$/.test(name)) return 'drone';
    if (/^\.woodpecker\.ya?ml$/.test(name) || folder === '.woodpecker')
      return 'woodpecker';
    if (name === 'bitbucket-pipelines.yml') return 'bitbucket-pipelines';
    if (/^\.?buildkite\.ya?ml$/.test(name) || folder === '.buildkite')
      return 'buildkite';
    if (folder === '.semaphore') return 'semaphore';
    if (/^cloudbuild([._-][\w.-]+)?\.ya?ml$/.test(name)) return 'cloudbuild';
    // GoReleaser's config (its `before.hooks` and builds' `hooks.pre`/`post` run commands).
    if (/^\.?goreleaser(\.[\w-]+)?\.ya?ml$/.test(name)) return 'goreleaser';
    // A snap's parts run their `override-*` scriptlets (snapcraft docs, "Override build steps").
    if (name === 'snapcraft.yaml' || name === '.snapcraft.yaml')
      return 'snapcraft';
  }
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
    /.\.(mk|make)$/.test(name) ||
    // `make -f Makefile.release`, `make -f ci.Makefile`: GNU make's convention for other makefiles.
    (/^(GNU)?[Mm]akefile\.[\w-]+$/.test(name) &&
      !/\.(txt|md|bak|orig|old|sample|example)$/.test(name)) ||
    /.\.[Mm]akefile$/.test(name)
  ) {
    return 'makefile';
  }
  if (
    name === 'justfile' ||
    name === 'Justfile' ||
    name === '.justfile' ||
    /.\.just$/.test(name)
  )
    return 'justfile';
  if (name === 'Earthfile') return 'earthfile';
  if (isDockerfileName(name)) return 'dockerfile';
  if (/.\.(sh|bash)$/.test(name)) return 'shell';
  if (/^Taskfile(\.dist)?\.ya?ml$/.test(name)) return 'taskfile';
  return undefined;
}
