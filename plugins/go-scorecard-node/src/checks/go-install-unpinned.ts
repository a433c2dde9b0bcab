import { Finding } from '@internal/plugin-go-scorecard-common';
import { GoModule } from '../facts';
import { Check } from './types';
import { expandedFrom, findingAt } from './findingAt';
import {
  goInvocation,
  isMovingQuery,
  isRemotePackage,
  withoutVersion,
} from './goCommand';

/**
 * Whether `pkg` is the module `path` or one of its packages. A path that goes on with a major
 * version (`…/golangci-lint/v2/cmd/golangci-lint` past `…/golangci-lint`) is another module (Go
 * modules reference, "Major version suffixes").
 */
function within(pkg: string, path: string): boolean {
  if (pkg === path) return true;
  if (!pkg.startsWith(`${path}/`)) return false;
  return !/^v(?:[2-9]|[1-9]\d+)(?:\/|$)/.test(pkg.slice(path.length + 1));
}

/**
 * Whether `go install pkg` (no version) is pinned by the tree: a go.mod of the tree requires the
 * module providing it (the tools.go pattern) or replaces it with a version or a directory (the go
 * command takes a replaced module it needs from the replacement, required or not), or it is a
 * package of a module of the tree itself (building the service's own code, not installing a
 * tool). In a tree without go.mod (GOPATH layout) a path that ends with a directory of the
 * tree's Go packages is the repository's own (`go install k8s.io/kops/cmd/kops` in kops).
 */
function pinnedByTree(
  modules: GoModule[],
  goDirs: ReadonlySet<string>,
  pkg: string,
): boolean {
  if (
    modules.some(
      m =>
        (m.mod.module && within(pkg, m.mod.module.path)) ||
        m.mod.requires.some(r => within(pkg, r.path)) ||
        m.mod.replaces.some(r => within(pkg, r.oldPath)),
    )
  )
    return true;
  if (modules.length) return false;
  const path = pkg.replace(/\/(\.\.\.)?$/, '');
  for (const dir of goDirs)
    if (dir !== '.' && (path === dir || path.endsWith(`/${dir}`))) return true;
  return false;
}

/**
 * `go-install-unpinned`: `go install pkg@latest` (or another moving query, {@link isMovingQuery}), or `go install pkg`
 * without a version that the tree does not pin (see {@link pinnedByTree}).
 */
export const goInstallUnpinnedCheck: Check = {
  id: 'go-install-unpinned',
  reads: ['ci'],
  run(facts) {
    if (facts.ciFiles.length === 0)
      return { notApplicable: 'no CI or build file' };
    const findings: Finding[] = [];
    const goDirs = new Set(
      facts.goFiles.filter(f => !f.isTest).map(f => f.dir),
    );
    for (const command of facts.ciCommands) {
      const go = goInvocation(command);
      if (go?.subcommand !== 'install') continue;
      const unpinned = go.packages.filter(arg => {
        if (!isRemotePackage(arg)) return false;
        const at = arg.indexOf('@');
        if (at >= 0) return isMovingQuery(arg.slice(at + 1)) === true;
        return !pinnedByTree(facts.modules, goDirs, arg);
      });
      if (unpinned.length === 0) continue;
      const why = unpinned
        .map(arg =>
          arg.includes('@')
            ? `${arg} follows a moving version`
            : `${arg} has no @version`,
        )
        .join('; ');
      findings.push(
        findingAt(
          command,
          `\`go install\` is not pinned: ${why}, so each build may get a different tool; use \`go install ${withoutVersion(
            unpinned[0],
          )}@vX.Y.Z\`${expandedFrom(command)}`,
        ),
      );
    }
    return { findings };
  },
};
