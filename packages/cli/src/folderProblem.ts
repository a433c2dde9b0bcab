/**
 * Why the folder to scan cannot be opened, in words (never the raw errno text such as
 * "ENOENT: no such file or directory, open '…'"), naming the folder as typed and, when
 * that differs, as resolved: `folder checkout-service not found (resolved to
 * /work/repo/checkout-service)`.
 *
 * @param typed - DIR as given on the command line
 * @param resolved - DIR resolved against the shell's folder
 * @param error - what opening it threw
 */
export function folderProblem(
  typed: string,
  resolved: string,
  error: unknown,
): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = typed === resolved ? '' : ` (resolved to ${resolved})`;
  switch (code) {
    case 'ENOENT':
      return `folder ${typed} not found${where}`;
    case 'ENOTDIR':
      return `${typed} is not a folder${where}`;
    case 'EACCES':
    case 'EPERM':
      return `folder ${typed} cannot be read: permission denied${where}`;
    case 'ELOOP':
      return `folder ${typed} cannot be read: too many levels of symbolic links${where}`;
    default:
      return `folder ${typed} cannot be read${
        code ? ` (${code})` : ''
      }${where}`;
  }
}
