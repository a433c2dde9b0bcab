/** Why a file was not read as text. */
export type Unreadable = { skipped: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a source file, or why it is skipped: binary (a NUL byte in its first 8 KiB),
 * not valid UTF-8, or empty. A UTF-8 byte-order mark is dropped.
 */
export function decodeSource(data: Buffer): string | Unreadable {
  if (data.length === 0) return { skipped: 'empty file' };
  if (data.subarray(0, 8192).includes(0)) return { skipped: 'binary file' };
  let text: string;
  try {
    text = decoder.decode(data);
  } catch {
    return { skipped: 'not valid UTF-8' };
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
