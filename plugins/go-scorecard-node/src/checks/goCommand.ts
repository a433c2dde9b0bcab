import { ShellCommand } from '../facts';
import { isFullSemver } from '../gomod/semver';

/** Build flags of the go command that take their value as the next argument. */
const VALUE_FLAGS = new Set([
  'C',
  'asmflags',
  'buildmode',
  'compiler',
  'exec',
  'gccgoflags',
  'gcflags',
  'installsuffix',
  'ldflags',
  'mod',
  'modfile',
  'o',
  'overlay',
  'p',
  'pgo',
  'pkgdir',
  'tags',
  'toolexec',
]);

/** A `go <subcommand>` invocation: its flags (without dashes and values) and package arguments. */
export interface GoInvocation {
  subcommand: string;
  flags: Set<string>;
  packages: string[];
}

/** Whether a command word runs the go tool: `go`, `/usr/local/go/bin/go`, `$(GO)`, `${GOCMD}`. */
function isGoTool(word: string): boolean {
  return (
    word.slice(word.lastIndexOf('/') + 1) === 'go' ||
    /^\$[({]?GO(CMD|BIN)?[)}]?$/.test(word)
  );
}

/** The `go` subcommand a shell command runs, or undefined for any other command. */
export function goInvocation(command: ShellCommand): GoInvocation | undefined {
  const [tool, subcommand, ...args] = command.argv;
  if (!tool || !subcommand || !isGoTool(tool)) return undefined;
  const flags = new Set<string>();
  const packages: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      packages.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const [name, value] = arg.replace(/^--?/, '').split(/=(.*)/s);
      flags.add(name);
      if (value === undefined && VALUE_FLAGS.has(name)) i++;
    } else {
      packages.push(arg);
    }
  }
  return { subcommand, flags, packages };
}

/**
 * Whether a package argument names a remote package (its first path element has a dot,
 * `github.com/x/y@v1`), not a local pattern (`./...`, `/abs`), the standard library or
 * an unexpanded variable.
 */
export function isRemotePackage(arg: string): boolean {
  if (arg.startsWith('.') || arg.startsWith('/') || arg.startsWith('$'))
    return false;
  const first = arg.split('/')[0];
  return first.includes('.');
}

/** A package argument without its `@version` query. */
export function withoutVersion(arg: string): string {
  const at = arg.indexOf('@');
  return at < 0 ? arg : arg.slice(0, at);
}

/**
 * Whether a version query (`pkg@query`) may resolve to another version tomorrow (Go Modules
 * Reference, "Version queries"): `latest`, `upgrade`, `patch`, a semantic version prefix (`v2`,
 * `v1.8`: the newest release that has it), a comparison (`<v1.2.3`), a branch name (`master`,
 * `develop`, `HEAD`). A full semantic version (`v1.2.3`, `v1.2.3-rc.1`, a pseudo-version), a
 * commit hash (7 or more hex digits) and a tag of numbers and dots (staticcheck's `2023.1.7`)
 * do not; any other name may be a tag or a branch, and is read as a branch. Undefined for a
 * query not written out (`$(VERSION)`, `${V}`, `{{.V}}`).
 */
export function isMovingQuery(query: string): boolean | undefined {
  if (/^[<>]=?v/.test(query)) return true;
  if (!/^[\w.+/-]+$/.test(query)) return undefined;
  return !(
    isFullSemver(query) ||
    /^[0-9a-f]{7,40}$/i.test(query) ||
    /^\d+(?:\.\d+)+$/.test(query)
  );
}
