import { ScanNote } from './types';

/*
 * The repository's policy file and the two places its lines are named (design.md, "Policy as
 * code"): a waiver's `source`, `.go-scorecard.yaml:N`, and a scan note on the file, whose
 * message starts `line N: `. The analyzer writes them; the card and the CLI's SARIF read them.
 */

/** The repository's policy file, at the scanned root (docs/policy.md). */
export const POLICY_FILE = '.go-scorecard.yaml';

/** Where a waiver is written: `.go-scorecard.yaml:4` as a path and a line; undefined without a line. */
export function parseWaiverSource(
  source: string,
): { path: string; line: number } | undefined {
  const match = /^(.+):(\d+)$/.exec(source);
  if (!match) return undefined;
  return { path: match[1], line: Number(match[2]) };
}

/** A scan note about the policy file, with its line split off: `line 4: stale waiver…`. */
export interface PolicyNote {
  path: string;
  line?: number;
  message: string;
}

/** Whether a note is about the repository's policy file. */
export function isPolicyNote(note: ScanNote): boolean {
  return note.path === POLICY_FILE;
}

/** A note with its leading `line N: ` taken out into `line`, when it has one. */
export function splitNoteLine(note: ScanNote): PolicyNote {
  const match = /^line (\d+): ([\s\S]*)$/.exec(note.message);
  if (!match) return { ...note };
  return { path: note.path, line: Number(match[1]), message: match[2] };
}
