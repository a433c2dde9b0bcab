import { ShellCommand } from '../facts';
import { dockerfileCommands } from './dockerfile';

/** A target's header at column 0 (`deps:`, `+build:` is no header): its body is indented. */
const TARGET = /^[A-Za-z][\w.-]*:\s*(#.*)?$/;

/**
 * The shell commands of an Earthfile (Earthly): its commands are Dockerfile instructions
 * (`RUN`, `ARG`, `ENV`, `FROM`) indented under target headers (`deps:`), so the file is read as
 * a Dockerfile with the headers blanked (lines kept); Earthly's own commands (`SAVE ARTIFACT`,
 * `BUILD`, `DO`, `IF`) run no shell and are passed over. Earthly docs, "Earthfile reference".
 */
export function earthfileCommands(path: string, text: string): ShellCommand[] {
  const dockerfile = text
    .split('\n')
    .map(line => (TARGET.test(line) ? '' : line))
    .join('\n');
  return dockerfileCommands(path, dockerfile);
}
