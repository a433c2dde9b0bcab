import { readDeclaration } from './declarations';
import {
  DeclarationsSyntax,
  ParamSyntax,
  PREDECLARED_TYPES,
  TypeSyntax,
} from './declarationSyntax';
import { createHash } from 'node:crypto';
import { WordSet } from './wordSites';
import { compareStrings } from '../text/compareStrings';

/** What a name of the vocabulary may be: a bit per kind of declaration. */
export const NameKind = { func: 1, method: 2, type: 4, global: 8 } as const;

/** Package-level declarations start a line (gofmt writes them so); local ones are indented. */
const TOP_LEVEL = /^(?:func|type|var|const)\b/gm;

/** Predeclared types that hold no string, number or duration. */
const OPAQUE_PREDECLARED = new Set(['bool', 'error', 'comparable']);

/** Appends to the list a map holds for a key (a name declared many times stays linear). */
function appendTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/**
 * A vocabulary as plain data, for another thread (structured-clone safe: Maps of plain
 * objects). {@link Vocabulary.fromSnapshot} rebuilds an equal vocabulary from it.
 */
export interface VocabularySnapshot {
  words: string[];
  kinds: Map<string, number>;
  paramLists: Map<string, { params: TypeSyntax[]; variadic: boolean }[]>;
  typeDecls: Map<string, TypeSyntax[]>;
  fieldTypes: Map<string, TypeSyntax[]>;
  dialsGrpc: boolean;
  drainsServers: boolean;
}

/**
 * A type as Go writes it, with everything the vocabulary's answers read and nothing else
 * (no offsets, no tags): equal texts are equal types to the vocabulary.
 */
function typeText(t: TypeSyntax): string {
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
      return `interface{${[...t.methods, ...t.embeds.map(typeText)].join(
        '; ',
      )}}`;
    default:
      return '?';
  }
}

/** Deepest named-type chain followed when deciding whether a type carries values. */
const MAX_NAMED_DEPTH = 4;

/**
 * The vocabulary of a tree: every name a Go file of it declares at package level (functions,
 * methods, types, variables, constants) and what each declaration says of its parameters and
 * fields, read from tokens before any file is parsed. Extraction then looks at a file's uses of
 * these names only (a call of a function no file declares can lead nowhere in the tree), and
 * records the arguments of a call only at the positions where some declaration of the callee's
 * name takes a value that can carry a target, an env name, a key or a duration (a string, a
 * number, a duration, a context, `any`): a struct or an error passed along needs no value.
 *
 * Read generously: a name too many costs a lookup, a name too few would lose a call.
 * Declarations are taken where gofmt writes package-level ones, at the start of a line.
 */
export class Vocabulary {
  /** Every declared name. */
  readonly declared = new Set<string>();
  /** The words a file's index finds: the declared names and the extractors' own words. */
  readonly words: WordSet;
  private readonly kinds = new Map<string, number>();
  private readonly paramLists = new Map<
    string,
    { params: TypeSyntax[]; variadic: boolean }[]
  >();
  private readonly typeDecls = new Map<string, TypeSyntax[]>();
  private readonly fieldTypes = new Map<string, TypeSyntax[]>();
  private readonly valueArgsMemo = new Map<
    string,
    (index: number) => boolean
  >();
  private dialsGrpc = false;
  private drainsServers = false;
  private readonly valueFieldMemo = new Map<string, boolean>();

  constructor(extractorWords: Iterable<string> = []) {
    this.words = new WordSet(extractorWords);
  }

  /** The vocabulary as plain data (shares its arrays: do not add to either afterwards). */
  snapshot(): VocabularySnapshot {
    return {
      words: [...this.words.all()],
      kinds: this.kinds,
      paramLists: this.paramLists,
      typeDecls: this.typeDecls,
      fieldTypes: this.fieldTypes,
      dialsGrpc: this.dialsGrpc,
      drainsServers: this.drainsServers,
    };
  }

  /** A vocabulary equal to the one a snapshot was taken of. */
  static fromSnapshot(snapshot: VocabularySnapshot): Vocabulary {
    const v = new Vocabulary(snapshot.words);
    for (const [name, kind] of snapshot.kinds) {
      v.declared.add(name);
      v.kinds.set(name, kind);
    }
    for (const [k, list] of snapshot.paramLists) v.paramLists.set(k, list);
    for (const [k, list] of snapshot.typeDecls) v.typeDecls.set(k, list);
    for (const [k, list] of snapshot.fieldTypes) v.fieldTypes.set(k, list);
    v.dialsGrpc = snapshot.dialsGrpc;
    v.drainsServers = snapshot.drainsServers;
    return v;
  }

  /**
   * A hash (hex SHA-256) of everything the vocabulary answers: its words, the kinds of its
   * names, their parameter, type and field syntax (without offsets and tags, which no answer
   * reads) and its two flags. Equal fingerprints give equal extraction of any file, so a
   * file's cached facts stay valid while edits elsewhere leave the tree's declarations alone
   * (function bodies, comments, moved code).
   */
  fingerprint(): string {
    const hash = createHash('sha256');
    const sortedMap = <T>(
      tag: string,
      map: Map<string, T[]>,
      text: (item: T) => string,
    ) => {
      hash.update(`\n${tag}`);
      for (const key of [...map.keys()].sort(compareStrings)) {
        const items = map.get(key)!.map(text).sort(compareStrings);
        hash.update(`\n${key}\t${items.join('\t')}`);
      }
    };
    hash.update([...this.words.all()].sort(compareStrings).join(' '));
    hash.update(
      `\n${[...this.kinds]
        .sort(([a], [b]) => compareStrings(a, b))
        .map(([name, kind]) => `${name}:${kind}`)
        .join(' ')}`,
    );
    sortedMap(
      'params',
      this.paramLists,
      p => `${p.params.map(typeText).join(',')}${p.variadic ? '...' : ''}`,
    );
    sortedMap('types', this.typeDecls, typeText);
    sortedMap('fields', this.fieldTypes, typeText);
    hash.update(`\n${this.dialsGrpc} ${this.drainsServers}`);
    return hash.digest('hex');
  }

  /** Adds the declarations of a Go source. */
  add(source: string) {
    if (!this.dialsGrpc && source.includes('"google.golang.org/grpc"'))
      this.dialsGrpc = true;
    if (
      !this.drainsServers &&
      /Shutdown|GracefulStop|GracefulTimeout/.test(source)
    )
      this.drainsServers = true;
    const starts = [...source.matchAll(TOP_LEVEL)].map(m => m.index!);
    const decls: DeclarationsSyntax = { funcs: [], types: [], globals: [] };
    starts.forEach((start, i) =>
      readDeclaration(source, start, starts[i + 1] ?? source.length, decls),
    );
    for (const f of decls.funcs) {
      this.declare(f.name, f.recv ? NameKind.method : NameKind.func);
      const entry = {
        params: f.params.map(p => p.type),
        variadic: !!f.params[f.params.length - 1]?.variadic,
      };
      appendTo(this.paramLists, f.name, entry);
    }
    for (const t of decls.types) {
      this.declare(t.name, NameKind.type);
      appendTo(this.typeDecls, t.name, t.type);
      if (t.type.k === 'struct') {
        for (const field of t.type.fields) {
          appendTo(this.fieldTypes, field.name, field.type);
        }
      }
    }
    for (const g of decls.globals) this.declare(g.name, NameKind.global);
    this.valueArgsMemo.clear();
    this.valueFieldMemo.clear();
  }

  private declare(name: string, kind: number) {
    if (name === '_') return;
    this.declared.add(name);
    this.words.add(name);
    this.kinds.set(name, (this.kinds.get(name) ?? 0) | kind);
  }

  /** The tree dials gRPC: strings and numbers can reach a target. */
  get dials(): boolean {
    return this.dialsGrpc;
  }

  /** The tree drains servers: contexts and durations can bound a drain. */
  get drains(): boolean {
    return this.drainsServers;
  }

  /** Whether some package-level struct declares a field of this name. */
  isField(name: string): boolean {
    return this.fieldTypes.has(name);
  }

  /** The kinds of declaration a name has in the tree (0 when none). */
  kindOf(name: string): number {
    return this.kinds.get(name) ?? 0;
  }

  /**
   * For a function or method name: whether some declaration of it takes the argument at a
   * position as a value-carrying type (a variadic parameter covers every later position).
   */
  valueArgs(name: string): (index: number) => boolean {
    const known = this.valueArgsMemo.get(name);
    if (known) return known;
    const at: boolean[] = [];
    let restFrom = Infinity;
    for (const { params, variadic } of this.paramLists.get(name) ?? []) {
      for (let i = 0; i < params.length; i++) {
        if (!this.carriesValues(params[i], 0)) continue;
        at[i] = true;
        if (variadic && i === params.length - 1)
          restFrom = Math.min(restFrom, i);
      }
    }
    const carries = (index: number) => !!at[index] || index >= restFrom;
    this.valueArgsMemo.set(name, carries);
    return carries;
  }

  /**
   * Whether a struct field of this name may hold a value-carrying type: some package-level struct
   * declares it so, or none declares it at all (a local or anonymous struct's field).
   */
  valueField(name: string): boolean {
    let known = this.valueFieldMemo.get(name);
    if (known === undefined) {
      const types = this.fieldTypes.get(name);
      known = !types || types.some(t => this.carriesValues(t, 0));
      this.valueFieldMemo.set(name, known);
    }
    return known;
  }

  /**
   * Whether a value of a type can carry a string, a number or a duration to a sink: strings,
   * numbers and `any` when the tree dials gRPC (a target, a port), `time.Duration` and
   * `context.Context` when it drains servers (a drain's bound), pointers to and slices of those,
   * and named types of the tree whose definition does. Structs, errors, maps and funcs do not (fields
   * are followed by their type, not through arguments).
   */
  private carriesValues(t: TypeSyntax, depth: number): boolean {
    switch (t.k) {
      case 'pointer':
      case 'slice':
      case 'array':
        return this.carriesValues(t.elem, depth);
      case 'interface':
        return this.dials && t.methods.length === 0 && t.embeds.length === 0;
      case 'named': {
        if (t.q === 'time') return this.drains && t.name === 'Duration';
        if (t.q === 'context') return this.drains && t.name === 'Context';
        if (t.q === undefined && PREDECLARED_TYPES.has(t.name)) {
          if (OPAQUE_PREDECLARED.has(t.name)) return false;
          if (t.name === 'string' || t.name === 'any') return this.dials;
          return this.dials; // a number: a port
        }
        if (depth >= MAX_NAMED_DEPTH) return false;
        return (this.typeDecls.get(t.name) ?? []).some(d =>
          this.carriesValues(d, depth + 1),
        );
      }
      default:
        return false;
    }
  }
}
