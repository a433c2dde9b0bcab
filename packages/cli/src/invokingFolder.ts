/**
 * The folder the command was typed in, against which relative paths on the command line
 * resolve. `yarn scan` runs the workspace script in the repository root, but Yarn keeps the
 * shell's folder in `INIT_CWD`; run directly (the `go-scorecard` bin), the process's own
 * working folder is the shell's.
 *
 * @param env - the environment (`INIT_CWD` is read)
 * @param cwd - the process's working folder; default `process.cwd()`
 */
export function invokingFolder(
  env: NodeJS.ProcessEnv,
  cwd: string = process.cwd(),
): string {
  return env.INIT_CWD || cwd;
}
