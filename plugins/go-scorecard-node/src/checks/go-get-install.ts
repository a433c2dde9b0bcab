import { Finding } from '@internal/plugin-go-scorecard-common';
import { ShellCommand } from '../facts';
import { Check } from './types';
import { expandedFrom, findingAt } from './findingAt';
import { goInvocation, isRemotePackage, withoutVersion } from './goCommand';
import { toolReason } from './goTools';
import { CiFileKind, ciFileKind } from '../ci/ciFileKind';
import { basename } from '../shell/commandLine';

/** The packages each file installs with `go install` (versions dropped). */
function packagesInstalled(commands: ShellCommand[]): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const c of commands) {
    const go = goInvocation(c);
    if (go?.subcommand !== 'install') continue;
    const set = byFile.get(c.path) ?? new Set<string>();
    for (const p of go.packages) set.add(withoutVersion(p));
    byFile.set(c.path, set);
  }
  return byFile;
}

/**
 * The command names each file runs, with their lines: `vendorcheck ./...` runs `vendorcheck`
 * (the shell reader gives the commands `xargs` and `find -exec` run as commands of their own).
 */
function commandsRun(
  commands: ShellCommand[],
): Map<string, { name: string; line: number }[]> {
  const byFile = new Map<string, { name: string; line: number }[]>();
  for (const c of commands) {
    const list = byFile.get(c.path) ?? [];
    const word = c.argv[0];
    if (!word) continue;
    list.push({ name: basename(word), line: c.line });
    byFile.set(c.path, list);
  }
  return byFile;
}

/**
 * Why a `go get` argument is a tool by its use (design.md, Rule notes: "Files read"): a command
 * named after the package's last path element (or the one before a `/vN` suffix) runs on a later
 * line of the same file (any other line of a Makefile), or anywhere in a file of the same build (`related`: the Makefiles its
 * includes connect it to, the files that run it by path).
 */
function runLater(
  runs: Map<string, { name: string; line: number }[]>,
  related: Record<string, string[]>,
  kinds: Record<string, CiFileKind>,
  command: ShellCommand,
  arg: string,
): string | undefined {
  const elements = withoutVersion(arg)
    .replace(/\/\.\.\.$/, '')
    .split('/');
  let name = elements[elements.length - 1];
  if (/^v\d+$/.test(name) && elements.length > 1)
    name = elements[elements.length - 2];
  // A Makefile's targets (a justfile's recipes) run in the order their prerequisites ask
  // (`cover: tools`), not in the file's order: a run anywhere in it counts.
  const kind = kinds[command.path] ?? ciFileKind(command.path);
  const anyLine = kind === 'makefile' || kind === 'justfile';
  const run = runs
    .get(command.path)
    ?.find(
      r =>
        r.name === name &&
        (anyLine ? r.line !== command.line : r.line > command.line),
    );
  if (run) return `a tool: \`${name}\` runs at line ${run.line}`;
  for (const path of related[command.path] ?? []) {
    const elsewhere = runs.get(path)?.find(r => r.name === name);
    if (elsewhere)
      return `a tool: \`${name}\` runs at ${path}:${elsewhere.line}`;
  }
  return undefined;
}

/** The finding message: tools get `go install` advice, GOPATH-mode gets of anything else go.mod advice. */
function message(
  tools: { pkg: string; reason: string }[],
  gopath: string[],
): string {
  const parts: string[] = [];
  const fixes: string[] = [];
  if (tools.length) {
    const what = tools.map(t => `${t.pkg} (${t.reason})`).join(', ');
    const fix = tools.map(t => `go install ${t.pkg}@<version>`).join(' and ');
    parts.push(`\`go get\` is used to install ${what}`);
    fixes.push(`use \`${fix}\` with a pinned version`);
  }
  if (gopath.length) {
    const get = gopath.map(p => `go get ${p}@<version>`).join(' and ');
    const install = gopath.map(p => `go install ${p}@<version>`).join(' and ');
    parts.push(
      `${tools.length ? '' : '`go get` '}fetches ${gopath.join(
        ', ',
      )} into GOPATH (GO111MODULE=off)`,
    );
    fixes.push(
      `add ${
        gopath.length > 1 ? 'them' : 'it'
      } to go.mod with \`${get}\` in module mode (or, for a command, \`${install}\`)`,
    );
  }
  const why = tools.length
    ? 'since Go 1.17 `go get` only changes go.mod and Go 1.22 no longer supports GOPATH mode'
    : 'Go 1.22 removed `go get` in GOPATH mode';
  return `${parts.join(' and ')}; ${why}: ${fixes.join('; ')}`;
}

/**
 * `go-get-install`: `go get` used to install an executable in a CI or build file (a
 * `/cmd/` path, a `protoc-gen-*` plugin, a known tool, a package whose binary the same file
 * (or a file of the same build) then runs, or anything remote under `GO111MODULE=off`).
 * `go get -d`, `go get -tool` (Go 1.24: adds a `tool` line to go.mod) and library or local
 * arguments do not count.
 */
/** A package query naming a release: `@v1.55.2`, `@v0.4.0-rc.1`. */
const RELEASE_QUERY = /@v\d+\.\d+\.\d+/;

export const goGetInstallCheck: Check = {
  id: 'go-get-install',
  reads: ['ci'],
  run(facts) {
    if (facts.ciFiles.length === 0)
      return { notApplicable: 'no CI or build file' };
    const findings: Finding[] = [];
    const runs = commandsRun(facts.ciCommands);
    const installed = packagesInstalled(facts.ciCommands);
    const related = facts.ciRelatedFiles ?? {};
    const kinds = facts.ciFileKinds ?? {};
    for (const command of facts.ciCommands) {
      const go = goInvocation(command);
      // `-d` only downloads; `-tool` (Go 1.24) records a tool in go.mod, run by `go tool`.
      if (go?.subcommand !== 'get' || go.flags.has('d') || go.flags.has('tool'))
        continue;
      const remote = go.packages.filter(isRemotePackage);
      const gopathMode = command.env.GO111MODULE === 'off';
      const tools: { pkg: string; reason: string }[] = [];
      const gopath: string[] = [];
      // A package the same build also `go install`s: the get adds its library to go.mod
      // (`go get go.etcd.io/gofail@v0.2.0` beside `go install go.etcd.io/gofail@v0.2.0`); for
      // a tool, when the get names a release (`go get …/cmd/golangci-lint@v1.55.2` to bump the
      // tools.go requirement the `go install` builds from): a versionless `go get -u` of it
      // installs it still.
      const installedHere = (p: string) =>
        [command.path, ...(related[command.path] ?? [])].some(f =>
          installed.get(f)?.has(withoutVersion(p)),
        );
      for (const p of remote) {
        const tool = toolReason(p);
        const reason =
          installedHere(p) && (!tool || RELEASE_QUERY.test(p))
            ? undefined
            : tool ?? runLater(runs, related, kinds, command, p);
        if (reason) tools.push({ pkg: withoutVersion(p), reason });
        else if (gopathMode) gopath.push(withoutVersion(p));
      }
      if (tools.length === 0 && gopath.length === 0) continue;
      findings.push(
        findingAt(command, `${message(tools, gopath)}${expandedFrom(command)}`),
      );
    }
    return { findings };
  },
};
