/**
 * `T` as a plain object type. The common package's wire types are interfaces, which
 * TypeScript does not let stand in for the index signatures of the types generated from
 * the spec; their plain copies can, so the router still checks bodies against the spec.
 */
export type JsonBody<T> = T extends readonly (infer U)[]
  ? JsonBody<U>[]
  : T extends object
  ? { [K in keyof T]: JsonBody<T[K]> }
  : T;

/** The value itself, typed as {@link JsonBody}. */
export function asJsonBody<T>(value: T): JsonBody<T> {
  return value as JsonBody<T>;
}
