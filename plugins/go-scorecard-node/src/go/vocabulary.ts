import { createHash } from 'node:crypto';
import { ImportRoot, mayNameTreePackage } from '../gomod/importRoots';
import { compareStrings } from '../text/compareStrings';
import { PREDECLARED_TYPES, TypeSyntax } from './declarationSyntax';
import { DeclarationSum } from './declarationSum';
import { FileDeclarations, fileDeclarations } from './fileDeclarations';
import { WordSet } from './wordSites';
import { isIoCloser } from './knownCalls';

/** What a name of the vocabulary may be: a bit per kind of declaration. */
export const NameKind = { func: 1, method: 2, type: 4, global: 8 } as const;

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
  packageNames: Map<string, Set<string>>;
  cancelResults: Map<string, Set<number>>;
  fallibleCancels: Set<string>;
  endings: Map<string, string[]>;
  dialsGrpc: boolean;
  drainsServers: boolean;
  importRoots?: ImportRoot[];
  /** What {@link Vocabulary.fingerprint} hashes besides the flags. */
  extractorWords: string[];
  declarationSum: string;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** Deepest named-type chain followed when deciding whether a type carries values. */
const MAX_NAMED_DEPTH = 4;

/** The names of the server types of other packages whose embedding {@link Vocabulary.embedsServer} notes. */
const EMBEDDABLE_SERVER_TYPES = new Set(['Server', 'Engine', 'Echo', 'App']);

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
  /** Directory → the functions, types, variables and constants its files declare at package level. */
  private readonly packageNames = new Map<string, Set<string>>();
  /** Function or method name → the result indexes at which some declaration of it returns a cancel func. */
  private readonly cancelResults = new Map<string, Set<number>>();
  /** The names of {@link cancelResults} some declaration of which also returns an error or a bool. */
  private readonly fallibleCancels = new Set<string>();
  /**
   * Function or method name → how each declaration of it ends (`FileDeclarations` `ends`; `''`
   * for one that may return).
   */
  private readonly endings = new Map<string, string[]>();
  private readonly neverReturnsMemo = new Map<string, boolean>();
  private readonly valueArgsMemo = new Map<
    string,
    (index: number) => boolean
  >();
  private dialsGrpc = false;
  private drainsServers = false;
  private readonly valueFieldMemo = new Map<string, boolean>();
  private embedsServerMemo: boolean | undefined;
  private extractorWords: string[];
  private readonly declarationSum = new DeclarationSum();
  /** The tree's import roots, when known (see {@link Vocabulary.setImportRoots}). */
  private importRoots: ImportRoot[] | undefined;
  private readonly treePathMemo = new Map<string, boolean>();

  constructor(extractorWords: Iterable<string> = []) {
    this.extractorWords = [...extractorWords];
    this.words = new WordSet(this.extractorWords);
  }

  /** The vocabulary as plain data (shares its arrays: do not add to either afterwards). */
  snapshot(): VocabularySnapshot {
    return {
      words: [...this.words.all()],
      kinds: this.kinds,
      paramLists: this.paramLists,
      typeDecls: this.typeDecls,
      fieldTypes: this.fieldTypes,
      packageNames: this.packageNames,
      cancelResults: this.cancelResults,
      fallibleCancels: this.fallibleCancels,
      endings: this.endings,
      dialsGrpc: this.dialsGrpc,
      drainsServers: this.drainsServers,
      ...(this.importRoots ? { importRoots: this.importRoots } : {}),
      extractorWords: this.extractorWords,
      declarationSum: this.declarationSum.hex(),
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
    for (const [dir, names] of snapshot.packageNames)
      v.packageNames.set(dir, names);
    for (const [name, at] of snapshot.cancelResults)
      v.cancelResults.set(name, at);
    for (const name of snapshot.fallibleCancels) v.fallibleCancels.add(name);
    for (const [name, ends] of snapshot.endings) v.endings.set(name, ends);
    v.dialsGrpc = snapshot.dialsGrpc;
    v.drainsServers = snapshot.drainsServers;
    v.importRoots = snapshot.importRoots;
    v.extractorWords = snapshot.extractorWords;
    v.declarationSum.add(snapshot.declarationSum);
    return v;
  }

  /**
   * A hash (hex SHA-256) of everything the vocabulary answers: the extractors' words, the
   * multiset of the tree's declarations with their directories (each as `declarationText`
   * writes it: its kind, name and parameter, type and field syntax, without offsets and tags,
   * which no answer reads; kept as a sum weighted by directory, see `DeclarationSum.addIn`)
   * its two flags, and the import roots when set. Equal fingerprints give equal extraction of any file, so a file's
   * cached facts stay valid while edits elsewhere leave the tree's declarations alone
   * (function bodies, comments, code moved between the files of a directory).
   * Costs a sort of the extractors' words, whatever the size of the tree.
   */
  fingerprint(): string {
    return createHash('sha256')
      .update([...this.extractorWords].sort(compareStrings).join(' '))
      .update(`\n${this.declarationSum.hex()}`)
      .update(`\n${this.dialsGrpc} ${this.drainsServers}`)
      .update(
        this.importRoots
          ? `\n${this.importRoots
              .map(r => `${r.path} ${r.dir}`)
              .sort(compareStrings)
              .join('\n')}`
          : '',
      )
      .digest('hex');
  }

  /**
   * Sets the import paths the tree's go.mod files give its directories (`importRoots`), so
   * that extraction can pass over references through packages outside the tree, which the
   * link step never follows. Without them every import path may name a package of the tree.
   */
  setImportRoots(roots: readonly ImportRoot[]) {
    this.importRoots = [...roots];
    this.treePathMemo.clear();
  }

  /**
   * Whether an import path may name a package of the tree (`mayNameTreePackage`); true for
   * every path while the import roots are not set.
   */
  mayNameTreePackage(importPath: string): boolean {
    if (!this.importRoots) return true;
    let known = this.treePathMemo.get(importPath);
    if (known === undefined) {
      known = mayNameTreePackage(this.importRoots, importPath);
      this.treePathMemo.set(importPath, known);
    }
    return known;
  }

  /** Adds the declarations of a Go source in directory `dir` (its package, `posix.dirname` of its path). */
  add(source: string, dir: string) {
    this.addDeclarations(fileDeclarations(source), dir);
  }

  /**
   * Adds what one file declares (see {@link fileDeclarations}); `dir` is the file's
   * directory (`posix.dirname` of its path), which Go makes its package.
   */
  addDeclarations(decls: FileDeclarations, dir: string) {
    this.declarationSum.addIn(decls.sum, dir);
    let own = this.packageNames.get(dir);
    if (!own) {
      own = new Set();
      this.packageNames.set(dir, own);
    }
    if (decls.importsGrpc) this.dialsGrpc = true;
    if (decls.mentionsDrain) this.drainsServers = true;
    for (const f of decls.funcs) {
      this.declare(f.name, f.method ? NameKind.method : NameKind.func);
      if (!f.method) own.add(f.name);
      if (f.cancelAt !== undefined) {
        let at = this.cancelResults.get(f.name);
        if (!at) {
          at = new Set();
          this.cancelResults.set(f.name, at);
        }
        at.add(f.cancelAt);
        if (f.fallible) this.fallibleCancels.add(f.name);
      }
      appendTo(this.endings, f.name, f.ends ?? '');
      appendTo(this.paramLists, f.name, {
        params: f.params,
        variadic: f.variadic,
      });
    }
    for (const t of decls.types) {
      this.declare(t.name, NameKind.type);
      own.add(t.name);
      appendTo(this.typeDecls, t.name, t.type);
      if (t.type.k === 'struct') {
        for (const field of t.type.fields) {
          appendTo(this.fieldTypes, field.name, field.type);
        }
      }
    }
    for (const name of decls.globals) {
      this.declare(name, NameKind.global);
      own.add(name);
    }
    this.valueArgsMemo.clear();
    this.valueFieldMemo.clear();
    this.neverReturnsMemo.clear();
    this.embedsServerMemo = undefined;
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

  /**
   * Some struct type of the tree embeds a server of another package (`struct{ *grpc.Server }`,
   * `struct{ http.Server }`, gin's `Engine`, echo's `Echo`, fiber's `App`): its methods are
   * promoted (Go spec, Struct types), so a method call on a local of such a type may be a
   * server call only the link step can type.
   */
  get embedsServer(): boolean {
    if (this.embedsServerMemo === undefined) {
      this.embedsServerMemo = [...this.typeDecls.values()].some(decls =>
        decls.some(
          t =>
            t.k === 'struct' &&
            t.fields.some(f => {
              if (!f.embedded) return false;
              const named = f.type.k === 'pointer' ? f.type.elem : f.type;
              return (
                named.k === 'named' &&
                named.q !== undefined &&
                EMBEDDABLE_SERVER_TYPES.has(named.name)
              );
            }),
        ),
      );
    }
    return this.embedsServerMemo;
  }

  /**
   * Whether a value of the tree's type of this name may be a server, or hold one whose methods
   * it promotes: some declaration of the name is another package's type (`type Server
   * http.Server`), a struct that embeds a server (or a type of the tree that may be one), a
   * type parameter's or any other shape the tokens do not tell. An unknown name may. A struct
   * that only has a server in a named field is none: its `Close` is its own.
   */
  mayBeServerType(name: string, depth = 0): boolean {
    const decls = this.typeDecls.get(name);
    if (!decls || depth > MAX_NAMED_DEPTH) return true;
    return decls.some(t => {
      const named = t.k === 'pointer' ? t.elem : t;
      if (named.k === 'named')
        return (
          named.q !== undefined || this.mayBeServerType(named.name, depth + 1)
        );
      if (named.k !== 'struct')
        return named.k !== 'interface' && named.k !== 'func';
      return named.fields.some(f => {
        if (!f.embedded) return false;
        const e = f.type.k === 'pointer' ? f.type.elem : f.type;
        if (e.k !== 'named') return false;
        return e.q !== undefined
          ? EMBEDDABLE_SERVER_TYPES.has(e.name)
          : this.mayBeServerType(e.name, depth + 1);
      });
    });
  }

  /** Whether some package-level struct declares a field of this name. */
  isField(name: string): boolean {
    return this.fieldTypes.has(name);
  }

  /**
   * Whether some package-level struct declares a field of this name with a type of another
   * package named `typeName`, or a pointer to one (`mgr manager.Manager`, `srv *grpc.Server`).
   */
  fieldMayHold(name: string, typeName: string): boolean {
    return (this.fieldTypes.get(name) ?? []).some(t => {
      const named = t.k === 'pointer' ? t.elem : t;
      return (
        named.k === 'named' && named.q !== undefined && named.name === typeName
      );
    });
  }

  /**
   * The names the files of a directory declare at package level (functions, types, variables,
   * constants; not methods): what an unqualified name there can denote besides a local, a
   * builtin or a dot-import, as Go resolves names in a package's scope.
   */
  packageNamesIn(dir: string): ReadonlySet<string> {
    return this.packageNames.get(dir) ?? NO_NAMES;
  }

  /**
   * The functions and methods of the tree that return a cancel func (`context.CancelFunc` or
   * `CancelCauseFunc`), by name, with the result indexes where some declaration of the name
   * returns one: the helpers whose callers lostcancel follows as it follows `context.With*`.
   */
  get cancelReturners(): ReadonlyMap<string, ReadonlySet<number>> {
    return this.cancelResults;
  }

  /**
   * Whether some function or method of this name returns a cancel func beside an `error` or a
   * `bool`: its callers may return on failure without calling it.
   */
  cancelIsFallible(name: string): boolean {
    return this.fallibleCancels.has(name);
  }

  /**
   * Whether a call of the function or method `name` never returns: every declaration of the name
   * in the tree (functions and methods alike) ends every path in a call that does not return or
   * an endless loop, or ends calling a name that never returns (see `bodyEnding`), as go/analysis'
   * ctrlflow derives its noReturn facts across files and packages. False for a name the tree
   * does not declare.
   */
  neverReturns(name: string): boolean {
    const known = this.neverReturnsMemo.get(name);
    if (known !== undefined) return known;
    this.neverReturnsMemo.set(name, false); // a cycle of calls may return
    const ends = this.endings.get(name);
    const result =
      !!ends &&
      ends.every(
        e => e === '!' || (e !== '' && e !== name && this.neverReturns(e)),
      );
    this.neverReturnsMemo.set(name, result);
    return result;
  }

  /** Whether every type of the tree declared under a name is an interface. */
  isInterface(name: string): boolean {
    const decls = this.typeDecls.get(name);
    return !!decls?.length && decls.every(d => d.k === 'interface');
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
   * numbers and `any` when the tree dials gRPC (a target, a port) or drains servers (a duration
   * string or a number of seconds a drain bound is parsed from), `time.Duration` and
   * `context.Context` when it drains servers (a drain's bound), `os.Signal` (a signal list
   * handed to a helper that installs a handler), `io`'s closer interfaces (a server handed to a
   * helper that closes it), `grpc.Server` (a server handed to a helper that stops it), pointers to, slices of and maps of those
   * (`Endpoints map[string]string`), and named types of the tree whose definition does.
   * Structs, errors and funcs do not (fields are followed by their type, not through arguments).
   */
  private carriesValues(t: TypeSyntax, depth: number): boolean {
    switch (t.k) {
      case 'pointer':
      case 'slice':
      case 'array':
      case 'map':
        return this.carriesValues(t.elem, depth);
      case 'interface':
        return this.dials && t.methods.length === 0 && t.embeds.length === 0;
      case 'named': {
        if (t.q === 'time') return this.drains && t.name === 'Duration';
        if (t.q === 'context') return this.drains && t.name === 'Context';
        // A signal list handed to a helper that installs the handler (`Wait(sigs ...os.Signal)`).
        if ((t.q === 'os' || t.q === 'syscall') && t.name === 'Signal')
          return true;
        // A server handed to a helper that closes it (`CloseQuietly(c io.Closer)`), or that stops
        // the gRPC server it is handed (`func kill(s *grpc.Server) { s.Stop() }`).
        if (isIoCloser(t.q, t.name)) return true;
        if (t.q === 'grpc' && t.name === 'Server') return true;
        if (t.q === undefined && PREDECLARED_TYPES.has(t.name)) {
          if (OPAQUE_PREDECLARED.has(t.name)) return false;
          if (t.name === 'any') return this.dials;
          // A target or a port where the tree dials; a drain bound where it drains servers, a
          // duration string (`time.ParseDuration(cfg.ShutdownTimeout)`) or a number of seconds
          // (`time.Duration(cfg.DrainSeconds) * time.Second`), as a function's results are.
          return this.dials || this.drains;
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
