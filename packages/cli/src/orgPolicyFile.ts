import { readFile } from 'node:fs/promises';
import {
  InvalidOrgPolicyError,
  OrgPolicy,
  orgPolicyFrom,
} from '@internal/plugin-go-scorecard-node';
import { parse } from 'yaml';

/** A `--policy` file that cannot be used: the message is one line naming the file (and the key). */
export class OrgPolicyFileError extends Error {}

/**
 * Reads the org policy of `--policy FILE`: YAML or JSON (JSON is YAML) with the keys of
 * app-config's `goScorecard.policy`, validated by `orgPolicyFrom`. An empty file is the
 * default policy.
 *
 * @param file - the path as typed (named in messages) and resolved (read)
 * @throws OrgPolicyFileError naming the file as typed (and as resolved when they differ) for a
 * file not found or unreadable, and the file with the parser's line or the policy's key for one
 * that is not YAML or not a valid policy:
 * `--policy org.yaml: maxWaiverDays: expected a whole number of days from 1, got 0`
 */
export async function readOrgPolicyFile(file: {
  typed: string;
  resolved: string;
}): Promise<OrgPolicy> {
  const name = `--policy ${file.typed}`;
  let text: string;
  try {
    text = await readFile(file.resolved, 'utf8');
  } catch (e) {
    const where =
      file.typed === file.resolved ? '' : ` (resolved to ${file.resolved})`;
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    const why =
      {
        ENOENT: 'not found',
        ENOTDIR: 'not found',
        EISDIR: 'is a folder, not a file',
        EACCES: 'cannot be read: permission denied',
        EPERM: 'cannot be read: permission denied',
      }[code ?? ''] ?? `cannot be read${code ? ` (${code})` : ''}`;
    throw new OrgPolicyFileError(`${name}: file ${why}${where}`);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (e) {
    // The parser's message starts with its position ("... at line 2, column 3:"), then a code frame.
    const first = String((e as Error)?.message ?? e).split('\n')[0];
    throw new OrgPolicyFileError(
      `${name}: not YAML or JSON: ${first.replace(/:$/, '')}`,
    );
  }
  try {
    return orgPolicyFrom(value, file.typed);
  } catch (e) {
    if (!(e instanceof InvalidOrgPolicyError)) throw e;
    // orgPolicyFrom names the key after `where`: "FILE: …" at the top, "FILE.key…: …" below.
    const rest = e.message.startsWith(file.typed)
      ? e.message.slice(file.typed.length).replace(/^\./, ': ')
      : `: ${e.message}`;
    throw new OrgPolicyFileError(`${name}${rest}`);
  }
}
