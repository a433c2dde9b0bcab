import { ciFileKind } from './ci/ciFileKind';
import { isInSkippedDir } from './tree/skippedDirs';
import { POLICY_FILE } from './policy/policyTypes';

/**
 * The kinds of file the analyzer reads. A `candidate` may be a build file: a script without
 * extension or a Make fragment of any name; it is read, then taken as a shell script when its
 * first line is a shell shebang or a CI/build file runs it by path, as a Makefile when a
 * Makefile includes it, and dropped otherwise. A YAML `manifest` is also taken as a GitLab
 * pipeline when a GitLab pipeline includes it (`include: local`). A `template` is a Helm chart's named-template
 * file (`_helpers.tpl`), read to render the chart's manifests. The `policy` is the
 * repository's `.go-scorecard.yaml` at the scanned root (waivers and check settings).
 */
export type InputKind =
  | 'go'
  | 'go.mod'
  | 'go.sum'
  | 'ci'
  | 'manifest'
  | 'config'
  | 'candidate'
  | 'template'
  | 'policy'
  | 'env';

/** Extension-less files that are never scripts. */
const NOT_SCRIPTS = new Set([
  'LICENSE',
  'LICENCE',
  'COPYING',
  'NOTICE',
  'AUTHORS',
  'CONTRIBUTORS',
  'MAINTAINERS',
  'OWNERS',
  'CODEOWNERS',
  'PATENTS',
  'README',
  'CHANGELOG',
  'VERSION',
  'Procfile',
  'Vagrantfile',
  'Gemfile',
  'Brewfile',
]);

/** Whether a file of no known kind may be a build file: extension-less, or a Make fragment's name. */
function isCandidate(name: string): boolean {
  if (name.startsWith('.') || NOT_SCRIPTS.has(name)) return false;
  if (/makefile/i.test(name) || /\.inc$/.test(name)) return true;
  return !name.includes('.');
}

/** TOML files (`*.toml`) are read as configuration too. JSON files read as configuration: named or placed as such (`config.json`, `configs/app.json`). */
const CONFIG_JSON =
  /(^|\/)(configs?|conf|settings)\/[^/]+\.json$|(^|\/)[^/]*(config|settings|application)[^/]*\.json$/i;

/**
 * What kind of input a path is, or undefined when the analyzer does not read it
 * (other files, and everything under vendor/, testdata/, node_modules/, ...).
 */
export function inputKind(path: string): InputKind | undefined {
  if (isInSkippedDir(path)) return undefined;
  if (path === POLICY_FILE) return 'policy';
  const name = path.slice(path.lastIndexOf('/') + 1);
  // go.work shares go.mod's syntax, and its replaces override the used modules' (go.mod's kind).
  if (name === 'go.mod' || name === 'go.work') return 'go.mod';
  if (name === 'go.sum') return 'go.sum';
  if (name.endsWith('.go')) return 'go';
  if (ciFileKind(path)) return 'ci';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'manifest';
  // Kustomize's extension-less kustomization, and JSON6902 patch files (JSON is YAML).
  if (name === 'Kustomization' || /patch.*\.json$/i.test(name))
    return 'manifest';
  if (name.endsWith('.tpl')) return 'template';
  if (
    CONFIG_JSON.test(path) &&
    !/^(package|tsconfig|jsconfig|composer)[.-]/.test(name)
  )
    return 'config';
  if (name.endsWith('.toml')) return 'config';
  // `KEY=VALUE` files a kustomization's configMapGenerator may name (`envs: [app.env]`).
  if (name.endsWith('.env')) return 'env';
  if (isCandidate(name)) return 'candidate';
  return undefined;
}

/** True for the files a scan needs: use it to fetch only those from a remote tree. */
export function isAnalyzedPath(path: string): boolean {
  return inputKind(path) !== undefined;
}
