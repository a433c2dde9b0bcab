import { Finding } from '@internal/plugin-go-scorecard-common';
import { ShellCommand } from '../facts';
import { Check } from './types';
import { findingAt } from './findingAt';
import { goInvocation, isRemotePackage, withoutVersion } from './goCommand';
import { toolReason } from './goTools';

/** The command names each file runs, with their lines: `vendorcheck ./...` runs `vendorcheck`. */
function commandsRun(
  commands: ShellCommand[],
): Map<string, { name: string; line: number }[]> {
  const byFile = new Map<string, { name: string; line: number }[]>();
  for (const c of commands) {
    const word = c.argv[0];
    if (!word) continue;
    const list = byFile.get(c.path) ?? [];
    list.push({ name: word.slice(word.lastIndexOf('/') + 1), line: c.line });
    byFile.set(c.path, list);
  }
  return byFile;
}

/**
 * Why a `go get` argument is a tool by its use (design.md, Rule notes: "Files read"): the same
 * file later runs a command named after the package's last path element.
 */
function runLater(
  runs: Map<string, { name: string; line: number }[]>,
  command: ShellCommand,
  arg: string,
): string | undefined {
  const elements = withoutVersion(arg)
    .replace(/\/\.\.\.$/, '')
    .split('/');
  let name = elements[elements.length - 1];
  if (/^v\d+$/.test(name) && elements.length > 1)
    name = elements[elements.length - 2];
  const run = runs
    .get(command.path)
    ?.find(r => r.name === name && r.line > command.line);
  return run ? `a tool: \`${name}\` runs at line ${run.line}` : undefined;
}

/**
 * `go-get-install`: `go get` used to install an executable in a CI or build file (a
 * `/cmd/` path, a `protoc-gen-*` plugin, a known tool, a package whose binary the same file
 * then runs, or anything remote under `GO111MODULE=off`). `go get -d` and library or local
 * arguments do not count.
 */
export const goGetInstallCheck: Check = {
  id: 'go-get-install',
  run(facts) {
    if (facts.ciFiles.length === 0)
      return { notApplicable: 'no CI or build file' };
    const findings: Finding[] = [];
    const runs = commandsRun(facts.ciCommands);
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
            runLater(runs, command, p) ??
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
