import { GoFileFacts } from '../../facts';
import { messageOf } from '../../text/messageOf';
import { extractGoFacts } from '../extractGoFacts';
import { GoParser } from '../GoParser';
import { Vocabulary } from '../vocabulary';

/** A Go source file to extract facts from: its path in the tree and its text. */
export interface GoSourceFile {
  path: string;
  text: string;
}

/** What extracting one file gave: its facts, or why it could not be analyzed. */
export type GoExtraction = { facts: GoFileFacts } | { error: string };

/**
 * Extracts the facts of each file in order, on one thread with one parser. A file that
 * fails (a parse over its time budget, say) gives `{ error }` and the others go on. The one
 * extraction loop: the main thread and every worker of `GoFactsPool` run it.
 */
export function extractFiles(
  parser: GoParser,
  files: readonly GoSourceFile[],
  vocabulary: Vocabulary,
  signal?: AbortSignal,
): GoExtraction[] {
  return files.map(({ path, text }) => {
    signal?.throwIfAborted();
    try {
      return { facts: extractGoFacts(parser, path, text, vocabulary) };
    } catch (e) {
      return { error: messageOf(e) };
    }
  });
}
