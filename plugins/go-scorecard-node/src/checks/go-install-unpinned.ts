import { Finding } from '@internal/plugin-go-scorecard-common';
import { GoModule } from '../facts';
import { Check } from './types';
import { expandedFrom, findingAt } from './findingAt';
import { goInvocation, isRemotePackage, withoutVersion } from './goCommand';

/** Version queries that move: the newest release or the tip of a branch. */
const MOVING_QUERIES = new Set(['latest', 'master', 'main', 'HEAD']);

/** Whether `pkg` is the module `path` or one of its packages. */
function within(pkg: string, path: string): boolean {
  return pkg === path || pkg.startsWith(`${path}/`);
}

/**
 * Whether `go install pkg` (no version) is pinned by the tree: a go.mod of the tree requires the
 * module providing it (the tools.go pattern), or it is a package of a module of the tree itself
 * (building the service's own code, not installing a tool).
 */
function pinnedByGoMod(modules: GoModule[], pkg: string): boolean {
  return modules.some(
    m =>
      (m.mod.module && within(pkg, m.mod.module.path)) ||
      m.mod.requires.some(r => within(pkg, r.path)),
  );
}

/**
 * `go-install-unpinned`: `go install pkg@latest` (or a branch), or `go install pkg`
 * without a version whose module no go.mod of the tree requires.
 */
export const goInstallUnpinnedCheck: Check = {
  id: 'go-install-unpinned',
  reads: ['ci'],
  run(facts) {
    if (facts.ciFiles.length === 0)
      return { notApplicable: 'no CI or build file' };
    const findings: Finding[] = [];
    for (const command of facts.ciCommands) {
      const go = goInvocation(command);
      if (go?.subcommand !== 'install') continue;
      const unpinned = go.packages.filter(arg => {
        if (!isRemotePackage(arg)) return false;
        const at = arg.indexOf('@');
        if (at >= 0) return MOVING_QUERIES.has(arg.slice(at + 1));
        return !pinnedByGoMod(facts.modules, arg);
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
