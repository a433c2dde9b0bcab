import { Finding } from '@internal/plugin-go-scorecard-common';
import { SourceRef } from '../facts';

/** A finding at a source location (only the finding's fields are copied). */
export function findingAt(ref: SourceRef, message: string): Finding {
  return { path: ref.path, line: ref.line, message, snippet: ref.snippet };
}

/** ` (expanded from the call at Makefile:218)` for a command a Make define gave, else nothing. */
export function expandedFrom(command: {
  calledFrom?: { path: string; line: number };
}): string {
  const c = command.calledFrom;
  return c ? ` (expanded from the call at ${c.path}:${c.line})` : '';
}
