import { Finding } from '@internal/plugin-go-scorecard-common';
import { SourceRef } from '../facts';

/** A finding at a source location (only the finding's fields are copied). */
export function findingAt(ref: SourceRef, message: string): Finding {
  return { path: ref.path, line: ref.line, message, snippet: ref.snippet };
}
