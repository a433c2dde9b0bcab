/** The most useful message of an error: the backend's own message when a response carried one. */
export function errorMessage(error: unknown): string {
  const e = error as { cause?: { message?: string }; message?: string };
  return e?.cause?.message || e?.message || String(error);
}
