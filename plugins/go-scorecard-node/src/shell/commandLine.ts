/** The command a command line runs: wrappers (`sudo`, `env`, `time`) removed; the scripts shells run. */

import { WordToken } from './tokenize';

/** Shells whose `-c` script or standard input is a script. */
/** The shells whose command lines are read (`sh -c`, `bash <<EOF`). */
const SHELLS: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'dash',
  'zsh',
  'ash',
  'ksh',
]);
/** `NAME=` or `NAME+=` at the start of a word: a variable assignment. */
export const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/;

/** Wrappers that run the rest of their arguments as a command, with their value-taking options. */
const WRAPPERS: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T']),
  env: new Set(['-u', '-C', '-S']),
  time: new Set(['-f', '-o']),
  exec: new Set(['-a']),
  nohup: new Set(),
  nice: new Set(['-n']),
  // Travis CI's shell helpers: `travis_retry cmd` runs it up to three times,
  // `travis_wait [minutes] cmd` with a longer silence limit (Travis docs, Common Build Problems).
  travis_retry: new Set(),
  travis_wait: new Set(),
  // coreutils `timeout [options] duration cmd`.
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  // The shell's `command [-p] cmd` runs cmd, skipping shell functions (POSIX, "command");
  // `command -v cmd`/`-V` only says what cmd is (see WRAPPERS_RUN_UNLESS).
  command: new Set(),
};

/** Options that make a wrapper not run its command: `command -v golangci-lint` prints its path. */
const WRAPPERS_RUN_UNLESS: Record<string, RegExp> = {
  command: /^-[pvV]*[vV][pvV]*$/,
};

/** Wrappers that take one positional argument before the command: `timeout 5m cmd`, `travis_wait 30 cmd`. */
const POSITIONAL: Record<string, RegExp> = {
  timeout: /^\d+(?:\.\d+)?[smhd]?$/,
  travis_wait: /^\d+$/,
};

/** The last path element of a command word (`/bin/bash`: `bash`). */
export function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** Removes wrapper commands (`sudo -E`, `env -i X=1`, `time`) in front of the real command. */
export function unwrap(
  words: WordToken[],
  env: Record<string, string>,
): WordToken[] {
  let rest = words;
  while (rest.length > 0 && WRAPPERS[rest[0].value]) {
    const valueOptions = WRAPPERS[rest[0].value];
    const runsNothing = WRAPPERS_RUN_UNLESS[rest[0].value];
    let i = 1;
    while (i < rest.length) {
      const v = rest[i].value;
      if (v === '--') {
        i++;
        break;
      }
      if (runsNothing?.test(v)) return rest;
      // The wrapper sees its arguments after quote removal: `env 'A=1' cmd` sets A.
      const assignment = ASSIGNMENT.exec(v);
      if (assignment) {
        env[assignment[1]] = v.slice(v.indexOf('=') + 1);
        i++;
      } else if (v.startsWith('-') && v.length > 1) {
        i += valueOptions.has(v) ? 2 : 1;
      } else break;
    }
    const positional = POSITIONAL[rest[0].value];
    if (positional && i < rest.length && positional.test(rest[i].value)) i++;
    rest = rest.slice(i);
  }
  return rest;
}

/** xargs options that take a value in the next word. */
const XARGS_VALUE_OPTIONS = new Set([
  '-n',
  '-I',
  '-P',
  '-L',
  '-s',
  '-d',
  '-E',
  '-a',
]);

/**
 * The commands a command runs for each of its inputs: `xargs`' command (its words after the
 * options), `find`'s `-exec`/`-execdir`/`-ok`/`-okdir` commands (up to their `;` or `+`); and
 * the command a container command line runs in its container ({@link containerCommand}).
 */
export function commandsRunBy(argv: WordToken[]): WordToken[][] {
  const inContainer = containerCommand(argv);
  if (inContainer) return [inContainer];
  const name = basename(argv[0]?.value ?? '');
  if (name === 'xargs') {
    for (let i = 1; i < argv.length; i++) {
      if (XARGS_VALUE_OPTIONS.has(argv[i].value)) i++;
      else if (!argv[i].value.startsWith('-')) return [argv.slice(i)];
    }
    return [];
  }
  if (name !== 'find') return [];
  const out: WordToken[][] = [];
  argv.forEach((w, i) => {
    if (!/^-(exec|execdir|ok|okdir)$/.test(w.value)) return;
    let end = i + 1;
    while (
      end < argv.length &&
      argv[end].value !== ';' &&
      argv[end].value !== '+'
    )
      end++;
    if (end > i + 1) out.push(argv.slice(i + 1, end));
  });
  return out;
}

/** `docker run`/`exec` flags that take no value (any other flag takes the next word). */
const CONTAINER_BOOLEAN_FLAGS = new Set([
  '--rm',
  '--init',
  '--privileged',
  '--interactive',
  '--tty',
  '--detach',
  '--read-only',
  '--publish-all',
  '--no-healthcheck',
  '--oom-kill-disable',
  '--quiet',
]);

/**
 * The command a container command line runs in the container: the words after the image of
 * `docker run`/`podman run` (`docker container run` too) and after the container of `docker
 * exec`, past their flags (`-it`, `--rm`, `-e K=V`, `-v a:b`, `--workdir=/src`), and after `--`
 * of `kubectl exec`. Undefined for any other command line, or one that names no command.
 */
export function containerCommand(argv: WordToken[]): WordToken[] | undefined {
  const tool = basename(argv[0]?.value ?? '');
  let i = 1;
  if (tool === 'kubectl') {
    if (argv[1]?.value !== 'exec') return undefined;
    const dashes = argv.findIndex(w => w.value === '--');
    return dashes > 0 && dashes + 1 < argv.length
      ? argv.slice(dashes + 1)
      : undefined;
  }
  if (tool !== 'docker' && tool !== 'podman') return undefined;
  if (argv[i]?.value === 'container') i++;
  const sub = argv[i]?.value;
  if (sub !== 'run' && sub !== 'exec') return undefined;
  for (i++; i < argv.length && argv[i].value.startsWith('-'); i++) {
    const v = argv[i].value;
    if (v === '--') {
      i++;
      break;
    }
    const takesValue = v.startsWith('--')
      ? !v.includes('=') && !CONTAINER_BOOLEAN_FLAGS.has(v)
      : !/^-[itdP]+$/.test(v) && !/^-[a-zA-Z]=/.test(v);
    if (takesValue) i++;
  }
  const rest = argv.slice(i + 1); // past the image or container
  return rest.length ? rest : undefined;
}

/** ssh options that take a value in the next word. */
const SSH_VALUE_OPTIONS = /^-[BbcDEeFIiJLlmOoPpQRSWw]$/;

/**
 * The command an `ssh` command line runs on the remote host (`ssh -o X host bash -s`: `bash -s`),
 * or a container command line in its container (`docker run -i golang:1.14 bash`, see
 * {@link containerCommand}), with the remote's standard input the local one; any other command
 * line as it is.
 */
export function remoteCommand(argv: WordToken[]): WordToken[] {
  if (basename(argv[0]?.value ?? '') !== 'ssh')
    return containerCommand(argv) ?? argv;
  let i = 1;
  while (i < argv.length && argv[i].value.startsWith('-'))
    i += SSH_VALUE_OPTIONS.test(argv[i].value) ? 2 : 1;
  const rest = argv.slice(i + 1); // past the host
  return rest.length ? rest : argv;
}

/** The script argument of `sh -c SCRIPT` (also `bash -ec`, `sh -xc`), if any. */
export function inlineScript(argv: WordToken[]): WordToken | undefined {
  if (!SHELLS.has(basename(argv[0].value))) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i].value;
    if (!/^-[a-zA-Z]+$/.test(v)) return undefined;
    if (v.includes('c')) return argv[i + 1];
  }
  return undefined;
}

/**
 * Whether a shell started with these arguments reads its script from standard input: no
 * `-c`, no script file (`bash`, `sh -e`, `bash -o pipefail`, `bash -s -- a b`).
 */
export function readsScriptFromStdin(argv: WordToken[]): boolean {
  if (!SHELLS.has(basename(argv[0].value))) return false;
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i].value;
    if (v === '-' || v === '--') return i + 1 === argv.length;
    if (v === '--rcfile' || v === '--init-file') i++;
    else if (/^--[a-z-]+$/.test(v)) continue;
    else if (/^[-+][a-zA-Z]+$/.test(v)) {
      if (v[0] === '-' && v.includes('c')) return false;
      if (/[oO]/.test(v)) i++;
      else if (v[0] === '-' && v.includes('s')) return true;
    } else return false;
  }
  return true;
}
