/** The syntax of Go declarations as the token reader reads them (`declarations.ts`). */

import type { MethodShape } from '../programFacts';

/** A type as written. `q` is the package qualifier as written in the file (`http` in `http.Server`). */
export type TypeSyntax =
  | { k: 'named'; q?: string; name: string }
  | { k: 'pointer'; elem: TypeSyntax }
  | { k: 'slice'; elem: TypeSyntax }
  | { k: 'array'; elem: TypeSyntax }
  | { k: 'map'; key: TypeSyntax; elem: TypeSyntax }
  | { k: 'chan'; elem: TypeSyntax }
  | { k: 'func'; params: ParamSyntax[]; results: ParamSyntax[] }
  | { k: 'struct'; fields: FieldSyntax[] }
  | {
      k: 'interface';
      methods: string[];
      /** The shape of each method of `methods`, at the same index. */
      shapes: MethodShape[];
      embeds: TypeSyntax[];
    }
  | { k: 'unknown' };

/** A parameter or result; `name` is absent for unnamed ones. */
export interface ParamSyntax {
  name?: string;
  type: TypeSyntax;
  variadic?: boolean;
}

/** A struct field; an embedded field is named after its type. `at` is the offset of the field. */
export interface FieldSyntax {
  name: string;
  type: TypeSyntax;
  embedded?: boolean;
  /** The tag's value (the literal's content), when the field has one. */
  tag?: string;
  at: number;
}

/** A function or method declaration. Offsets are into the file's source. */
export interface FuncSyntax {
  name: string;
  /** Offset of the name. */
  nameAt: number;
  recv?: ParamSyntax;
  params: ParamSyntax[];
  results: ParamSyntax[];
  /** Offset of the `func` keyword and of the body's `{` (absent for a declaration without body). */
  start: number;
  bodyStart?: number;
}

/** A type declaration (`type T struct {...}`, `type A = B`). */
export interface TypeDeclSyntax {
  name: string;
  type: TypeSyntax;
  at: number;
}

/** A name declared by a package-level `var` or `const` spec. `valueIndex` is its index in the spec. */
export interface GlobalSyntax {
  name: string;
  type?: TypeSyntax;
  isConst: boolean;
  at: number;
}

/** The declarations of one top-level declaration's source range. */
export interface DeclarationsSyntax {
  funcs: FuncSyntax[];
  types: TypeDeclSyntax[];
  globals: GlobalSyntax[];
}

/** Type names of the universe block that are not package-level declarations. */
export const PREDECLARED_TYPES = new Set([
  'any',
  'bool',
  'byte',
  'comparable',
  'complex64',
  'complex128',
  'error',
  'float32',
  'float64',
  'int',
  'int8',
  'int16',
  'int32',
  'int64',
  'rune',
  'string',
  'uint',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'uintptr',
]);
