import { messageOf } from '../../text/messageOf';
import { FileDeclarations, fileDeclarations } from '../fileDeclarations';

/** What reading one file's package-level declarations gave: them, or why they could not be read. */
export type DeclarationsReading =
  | { declarations: FileDeclarations }
  | { error: string };

/**
 * The package-level declarations of each text, in order (see {@link fileDeclarations}); a
 * text whose reading throws gives `{ error }` and the others go on. What every worker of
 * `GoFactsPool` runs for a batch of declarations.
 */
export function readDeclarations(
  texts: readonly string[],
): DeclarationsReading[] {
  return texts.map(text => {
    try {
      return { declarations: fileDeclarations(text) };
    } catch (e) {
      return { error: messageOf(e) };
    }
  });
}
