import { bodyEnding } from './bodyEnding';
import { GRPC_CLIENT_PACKAGES } from './knownCalls';
import { DeclarationSum } from './declarationSum';
import { readDeclaration } from './declarations';
import { CANCEL_FUNC_TYPES } from './knownCalls';
import {
  DeclarationsSyntax,
  ParamSyntax,
  TypeSyntax,
} from './declarationSyntax';

/** Package-level declarations start a line (gofmt writes them so); local ones are indented. */
const TOP_LEVEL = /^(?:func|type|var|const)\b/gm;

/**
 * What one Go file adds to its tree's `Vocabulary`, as plain JSON data: its package-level
 * functions and methods with their parameter types, its types, the names of its variables
 * and constants, and the two file-wide signals the vocabulary reads. The facts cache keeps
 * it with the file's facts, so that a re-scan builds the vocabulary without reading the
 * declarations of unchanged files again.
 */
export interface FileDeclarations {
  funcs: {
    name: string;
    method: boolean;
    params: TypeSyntax[];
    variadic: boolean;
    /**
     * The index of a result typed `context.CancelFunc` or `context.CancelCauseFunc` (the first
     * one), or else of a `func()` beside a `context.Context`, for a function that may hand on the
     * cancel func of a context it derives.
     */
    cancelAt?: number;
    /**
     * With `cancelAt`: the function also returns an `error` or a `bool`, so a caller may return
     * on failure without a cancel func to call (`ctx, cancel, err := s.newContext(parent)`).
     */
    fallible?: boolean;
    /** How the body ends (see {@link bodyEnding}): `'!'` never returns, or the name it ends calling. */
    ends?: string;
  }[];
  types: { name: string; type: TypeSyntax }[];
  /** Names of package-level variables and constants. */
  globals: string[];
  /** The file imports `google.golang.org/grpc`. */
  importsGrpc: boolean;
  /** The file mentions `Shutdown`, `GracefulStop` or `GracefulTimeout`. */
  mentionsDrain: boolean;
  /** The {@link DeclarationSum} of the file's declarations (hex, 64 digits). */
  sum: string;
}

/**
 * A type as Go writes it, with everything the vocabulary's answers read and nothing else
 * (no offsets, no tags): equal texts are equal types to the vocabulary.
 */
export function typeText(t: TypeSyntax): string {
  switch (t.k) {
    case 'named':
      return t.q === undefined ? t.name : `${t.q}.${t.name}`;
    case 'pointer':
      return `*${typeText(t.elem)}`;
    case 'slice':
      return `[]${typeText(t.elem)}`;
    case 'array':
      return `[_]${typeText(t.elem)}`;
    case 'chan':
      return `chan ${typeText(t.elem)}`;
    case 'map':
      return `map[${typeText(t.key)}]${typeText(t.elem)}`;
    case 'func': {
      const list = (ps: ParamSyntax[]) =>
        ps
          .map(
            p =>
              `${p.name ?? ''} ${p.variadic ? '...' : ''}${typeText(p.type)}`,
          )
          .join(', ');
      return `func(${list(t.params)}) (${list(t.results)})`;
    }
    case 'struct':
      return `struct{${t.fields
        .map(f => `${f.embedded ? '*' : ''}${f.name} ${typeText(f.type)}`)
        .join('; ')}}`;
    case 'interface':
      return `interface{${[
        ...t.methods.map((m, i) => {
          const s = t.shapes[i];
          return `${m}(${s?.params}${s?.variadic ? '...' : ''}) ${s?.results}`;
        }),
        ...t.embeds.map(typeText),
      ].join('; ')}}`;
    default:
      return '?';
  }
}

/**
 * The text of each declaration of a file, as the vocabulary's fingerprint reads them: the kind
 * and name of each function, method, type and package-level variable or constant, the types of
 * a function's parameters and whether it is variadic, and a type's definition.
 */
function declarationTexts(
  d: Pick<FileDeclarations, 'funcs' | 'types' | 'globals'>,
): string[] {
  return [
    ...d.funcs.map(
      f =>
        `${f.method ? 'method' : 'func'} ${f.name}(${f.params
          .map(typeText)
          .join(',')}${f.variadic ? '...' : ''})${
          f.cancelAt === undefined ? '' : ` cancel ${f.cancelAt}`
        }${f.fallible ? ' fallible' : ''}${
          f.ends === undefined ? '' : ` ends ${f.ends}`
        }`,
    ),
    ...d.types.map(t => `type ${t.name} ${typeText(t.type)}`),
    ...d.globals.filter(name => name !== '_').map(name => `var ${name}`),
  ];
}

/** An import spec of `context` under a name: `ctx "context"`, `import stdctx "context"`. */
const CONTEXT_ALIAS = /^[ \t]*(?:import[ \t]+)?([A-Za-z_]\w*)[ \t]+"context"/gm;

/** The names a file may give the `context` package: its own, and any alias it imports it under. */
function contextNames(source: string): Set<string> {
  const names = new Set(['context']);
  for (const m of source.matchAll(CONTEXT_ALIAS)) names.add(m[1]);
  return names;
}

/** `context.CancelFunc` or `context.CancelCauseFunc`, under one of the file's names for `context`. */
function isCancelFunc(t: TypeSyntax, contexts: Set<string>): boolean {
  return (
    t.k === 'named' &&
    t.q !== undefined &&
    contexts.has(t.q) &&
    CANCEL_FUNC_TYPES.has(t.name)
  );
}

/**
 * The index of the first result that may hand back a cancel func: one typed
 * `context.CancelFunc`/`CancelCauseFunc`, else one typed by a tree type of that name or a type
 * the file declares over one (an alias or definition; the link step reads the declaration), else a `func()` beside a
 * `context.Context` (the link step keeps it only where the function's returns give a cancel func
 * there, see `FuncFacts.cancelResults`); -1 when none.
 */
function cancelResultIndex(
  results: ParamSyntax[],
  contexts: Set<string>,
  ownCancelTypes: ReadonlySet<string>,
): number {
  const typed = results.findIndex(r => isCancelFunc(r.type, contexts));
  if (typed >= 0) return typed;
  // A type of the tree named so (`type CancelFunc = context.CancelFunc` in a ctxutil package):
  // the link step keeps it when its declaration is `context`'s.
  const named = results.findIndex(
    r =>
      r.type.k === 'named' &&
      (CANCEL_FUNC_TYPES.has(r.type.name) ||
        (r.type.q === undefined && ownCancelTypes.has(r.type.name))),
  );
  if (named >= 0) return named;
  const beside = results.some(
    r =>
      r.type.k === 'named' &&
      r.type.q !== undefined &&
      contexts.has(r.type.q) &&
      r.type.name === 'Context',
  );
  if (!beside) return -1;
  return results.findIndex(
    r =>
      r.type.k === 'func' &&
      r.type.params.length === 0 &&
      r.type.results.length === 0,
  );
}

/**
 * The package-level declarations of a Go source, read from tokens (no parse): where gofmt
 * writes them, at the start of a line.
 */
export function fileDeclarations(source: string): FileDeclarations {
  const contexts = contextNames(source);
  const starts = [...source.matchAll(TOP_LEVEL)].map(m => m.index!);
  const decls: DeclarationsSyntax = { funcs: [], types: [], globals: [] };
  const ends: (number | undefined)[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? source.length;
    const before = decls.funcs.length;
    readDeclaration(source, start, end, decls);
    if (decls.funcs.length > before) ends[before] = end;
  });
  // The file's own types declared as context's cancel funcs (`type StopFunc context.CancelFunc`).
  const ownCancelTypes = new Set(
    decls.types.filter(t => isCancelFunc(t.type, contexts)).map(t => t.name),
  );
  const read = {
    funcs: decls.funcs.map((f, i) => {
      const ending =
        f.bodyStart === undefined
          ? undefined
          : bodyEnding(source.slice(f.bodyStart, ends[i]));
      const cancelAt = cancelResultIndex(f.results, contexts, ownCancelTypes);
      const fallible =
        cancelAt >= 0 &&
        f.results.some(
          r =>
            r.type.k === 'named' &&
            r.type.q === undefined &&
            (r.type.name === 'error' || r.type.name === 'bool'),
        );
      return {
        name: f.name,
        method: !!f.recv,
        params: f.params.map(p => p.type),
        variadic: !!f.params[f.params.length - 1]?.variadic,
        ...(cancelAt >= 0 ? { cancelAt } : {}),
        ...(fallible ? { fallible } : {}),
        ...(ending === undefined ? {} : { ends: ending }),
      };
    }),
    types: decls.types.map(t => ({ name: t.name, type: t.type })),
    globals: decls.globals.map(g => g.name),
  };
  const sum = new DeclarationSum();
  for (const text of declarationTexts(read)) sum.addText(text);
  return {
    ...read,
    importsGrpc: GRPC_CLIENT_PACKAGES.some(p => source.includes(`"${p}"`)),
    mentionsDrain: /Shutdown|GracefulStop|GracefulTimeout/.test(source),
    sum: sum.hex(),
  };
}

/** A file that declares nothing (what {@link fileDeclarations} reads from an empty text). */
export function noDeclarations(): FileDeclarations {
  return {
    funcs: [],
    types: [],
    globals: [],
    importsGrpc: false,
    mentionsDrain: false,
    sum: '0'.repeat(64),
  };
}

/**
 * Whether a value read back (from a cache) has the shape of {@link FileDeclarations}: a
 * malformed one is read as a miss, never trusted.
 */
export function isFileDeclarations(value: unknown): value is FileDeclarations {
  const d = value as FileDeclarations | undefined;
  return (
    typeof d === 'object' &&
    d !== null &&
    Array.isArray(d.funcs) &&
    Array.isArray(d.types) &&
    Array.isArray(d.globals) &&
    typeof d.importsGrpc === 'boolean' &&
    typeof d.mentionsDrain === 'boolean' &&
    typeof d.sum === 'string' &&
    /^[0-9a-f]{64}$/.test(d.sum)
  );
}
