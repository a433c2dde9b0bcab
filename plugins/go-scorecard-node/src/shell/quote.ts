/**
 * A shell command line that runs `argv` as given (each word single-quoted), so that an
 * exec-form command (Dockerfile `RUN [...]`, a Kubernetes `exec.command`) can be read
 * by {@link shellCommands} like any script.
 */
export function quoteArgv(argv: string[]): string {
  return argv.map(w => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
}
