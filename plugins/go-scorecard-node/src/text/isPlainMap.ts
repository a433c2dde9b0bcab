/** Whether a value is a map of plain data: an object, not a list, not null. */
export function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
