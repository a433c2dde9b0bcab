import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';
import { goInvocation, isRemotePackage, withoutVersion } from './goCommand';
import { toolReason } from './goTools';

/**
 * `go-get-install`: `go get` used to install an executable in a CI or build file (a
 * `/cmd/` path, a `protoc-gen-*` plugin, a known tool, or anything remote under
 * `GO111MODULE=off`). `go get -d` and library or local arguments do not count.
 */
export const goGetInstallCheck: Check = {
  id: 'go-get-install',
  run(facts) {
    if (facts.ciFiles.length === 0)
      return { notApplicable: 'no CI or build file' };
    const findings: Finding[] = [];
    for (const command of facts.ciCommands) {
      const go = goInvocation(command);
      if (go?.subcommand !== 'get' || go.flags.has('d')) continue;
      const remote = go.packages.filter(isRemotePackage);
      const gopathMode = command.env.GO111MODULE === 'off';
      const tools = remote
        .map(p => ({
          pkg: withoutVersion(p),
          reason:
            toolReason(p) ??
            (gopathMode
              ? 'a package built and installed in GOPATH mode (GO111MODULE=off)'
              : undefined),
        }))
        .filter(t => t.reason !== undefined);
      if (tools.length === 0) continue;
      const what = tools.map(t => `${t.pkg} (${t.reason})`).join(', ');
      const fix = tools.map(t => `go install ${t.pkg}@<version>`).join(' and ');
      findings.push(
        findingAt(
          command,
          `\`go get\` is used to install ${what}; since Go 1.17 \`go get\` only changes go.mod and Go 1.22 no longer supports GOPATH mode: use \`${fix}\` with a pinned version`,
        ),
      );
    }
    return { findings };
  },
};
