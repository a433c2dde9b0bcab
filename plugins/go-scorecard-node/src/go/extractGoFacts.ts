import { posix } from 'path';
import { lastAtOrBefore } from '../text/lastAtOrBefore';
import { Node } from 'web-tree-sitter';
import { GoFileFacts } from '../facts';
import { ignoredByTidy, leftOutOfLinuxBuild } from './buildConstraints';
import { dialTargets, LIBRARY_DIALS } from './dialTargets';
import { GoParser } from './GoParser';
import { ImportResolver, PKG, PKG_NAMES, readImports } from './imports';
import { cancelReturnIndexes } from './cancelReturns';
import { cancelFacts, cancelHelperCalls, WITH_CANCEL } from './lostcancel';
import { libraryRefs, packageRefs } from './packageRefs';
import {
  FRAMEWORK_PACKAGES,
  FRAMEWORKS,
  SERVER_FUNCS,
  SERVER_METHOD_NAMES,
} from './serverMethods';
import { shutdownFacts } from './shutdownFacts';
import { SIGNAL_HELPERS, signalFacts, signalLists } from './signalFacts';
import { callRef, GoSource, textOf } from './syntax';
import { ProgramFactsReader } from './programFacts';
import { Declaration, Scopes, writtenTypeNode } from './scopes';
import { TypeRefs } from './typeRefs';
import { FLAG_VAR_VALUE_ARG } from './knownCalls';
import { initializerOf, ValueReader } from './values';
import { Vocabulary } from './vocabulary';
import { WordIndex } from './wordSites';
import { wordSites } from './wordSites';

const DEPRECATED_DIAL = new Set(['Dial', 'DialContext', 'WithInsecure']);
const GOLEAK_VERIFY = new Set(['VerifyTestMain', 'VerifyNone']);

function packageName(src: GoSource): string {
  const clause = src.root.namedChildren.find(n => n?.type === 'package_clause');
  const name = clause?.namedChild(0);
  return name ? textOf(src, name) : '';
}

/** The line of the first ERROR or MISSING node, when the tree has one. */
function firstSyntaxErrorLine(root: Node): number | undefined {
  if (!root.hasError) return undefined;
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) return node.startPosition.row + 1;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return undefined;
      }
    }
  } finally {
    cursor.delete();
  }
}

function countGoStatements(src: GoSource): number {
  return wordSites(src, 'go').filter(
    n => n.type === 'go' && n.parent?.type === 'go_statement',
  ).length;
}

/**
 * The words the extractors search every file for, besides import names and the vocabulary:
 * found in the one pass that builds a file's word index.
 */
export const EXTRACTOR_WORDS: readonly string[] = [
  'go',
  'return',
  'Unmarshal',
  'Decode',
  // Kratos' `c.Scan(&bc)` (see ConfigLoadReader)
  'Scan',
  'GracefulTimeout',
  'ErrServerClosed',
  'SIGTERM',
  // controller-runtime's `mgr.Add(runnable)` (see managerRunnables)
  'Add',
  ...SERVER_METHOD_NAMES,
  ...Object.keys(FLAG_VAR_VALUE_ARG),
];

/** Sets the owner of line-located facts from the owners' line ranges. */
function assignOwners(
  facts: { line: number; owner?: number }[][],
  ownerAtLine: (line: number) => number | undefined,
) {
  for (const list of facts) {
    for (const f of list) {
      const owner = ownerAtLine(f.line);
      if (owner !== undefined) f.owner = owner;
    }
  }
}

/**
 * Parses one Go file and extracts everything the checks and the link step need from it; the
 * syntax tree is freed before returning. The tree is not walked node by node: the extractors
 * start from the file's references to the packages that matter (`context`,
 * `google.golang.org/grpc`, `net/http`, `os/signal`, goleak, gin/echo/fiber, under any import
 * alias) and from its uses of the tree's `vocabulary` (the names Go files of the tree declare),
 * and look around them.
 */
export function extractGoFacts(
  parser: GoParser,
  path: string,
  source: string,
  vocabulary: Vocabulary = new Vocabulary(EXTRACTOR_WORDS),
): GoFileFacts {
  const tree = parser.parse(source);
  try {
    const src: GoSource = { path, source, root: tree.rootNode };
    const imports = readImports(src);
    const resolver = new ImportResolver(imports);
    // The file's own import names join the words of its index only: extracting a file
    // never changes the vocabulary, so no file's facts depend on which were extracted first.
    src.words = new WordIndex(
      source,
      vocabulary.words,
      vocabulary.words.missing(
        resolver.paths().flatMap(p => resolver.localNames(p)),
      ),
    );
    const own = vocabulary.packageNamesIn(posix.dirname(path));
    src.treeNeverReturns = (name, via) =>
      (via === ''
        ? own.has(name)
        : via === '.' || vocabulary.mayNameTreePackage(via)) &&
      vocabulary.neverReturns(name);
    const refs = (pkg: string) =>
      resolver
        .localNames(pkg)
        .flatMap(name => packageRefs(src, name, PKG_NAMES[pkg]));
    // The top-level declaration holding a node, found by position (a node's parent chain is
    // walked from the root by the tree library, so it costs more the deeper the node is).
    const tops = tree.rootNode.namedChildren.filter((c): c is Node => !!c);
    const scopeCache = new Map<number, Scopes>();
    const scopesOf = (node: Node) => {
      const lo = Math.max(
        0,
        lastAtOrBefore(tops, t => t.startIndex, node.startIndex),
      );
      let scopes = scopeCache.get(lo);
      if (!scopes) {
        scopes = new Scopes(src, tops[lo] ?? tree.rootNode);
        scopeCache.set(lo, scopes);
      }
      return scopes;
    };
    src.operandType = operand =>
      writtenOperandType(src, resolver, scopesOf, operand);
    src.isTreePackage = p => vocabulary.mayNameTreePackage(p);
    src.isTreeInterface = name => vocabulary.isInterface(name);
    src.isLocal = id => !!scopesOf(id).resolve(id);
    const values = new ValueReader(
      src,
      resolver,
      scopesOf,
      new TypeRefs(src, resolver),
    );
    const program = new ProgramFactsReader(src, resolver, values);
    const pkgName = packageName(src);
    const contextRefs = refs(PKG.context);
    const grpcRefs = refs(PKG.grpc);
    const shutdown = shutdownFacts(
      src,
      resolver,
      values,
      {
        http: refs(PKG.http),
        grpc: grpcRefs,
        frameworks: FRAMEWORK_PACKAGES.flatMap(p =>
          refs(p).map(ref => ({ ref, framework: FRAMEWORKS[p] })),
        ),
        serverFuncs: libraryRefs(resolver.paths(), refs, SERVER_FUNCS).map(
          ({ ref, spec }) => ({ ref, func: spec }),
        ),
      },
      () => refs(PKG.time),
      path.endsWith('_test.go'),
      vocabulary.embedsServer,
      p => vocabulary.mayNameTreePackage(p),
      name => vocabulary.mayBeServerType(name),
    );
    const facts: GoFileFacts = {
      path,
      dir: posix.dirname(path),
      packageName: pkgName,
      isTest: path.endsWith('_test.go'),
      buildIgnored: ignoredByTidy(source),
      outOfBuild: leftOutOfLinuxBuild(path, source),
      syntaxErrorLine: firstSyntaxErrorLine(tree.rootNode),
      imports,
      cancels: cancelFacts(
        src,
        resolver,
        contextRefs,
        pkgName,
        scopesOf,
        cancelHelperCalls(src, values, vocabulary),
      ),
      goStatements: countGoStatements(src),
      goleakVerifications: refs(PKG.goleak).filter(r =>
        GOLEAK_VERIFY.has(r.name),
      ).length,
      dialTargets: dialTargets(
        src,
        resolver,
        values,
        grpcRefs,
        scopesOf,
        libraryRefs(resolver.paths(), refs, LIBRARY_DIALS),
      ),
      deprecatedDialCalls: grpcRefs
        .filter(r => r.call && DEPRECATED_DIAL.has(r.name))
        .map(r => callRef(src, r.call!)),
      signalHandling: signalFacts(
        src,
        scopesOf,
        resolver,
        libraryRefs(resolver.paths(), refs, SIGNAL_HELPERS).map(
          ({ ref, spec }) => ({ ref, from: spec }),
        ),
      ),
      signalLists: signalLists(src, resolver),
      ...shutdown,
      program: program.read(vocabulary, refs),
    };
    const ownerAtLine = program.ownerAtLineFn();
    markCancelReturns(
      facts.program,
      tops,
      ownerAtLine,
      contextRefs.flatMap(r =>
        r.call && WITH_CANCEL.has(r.name) ? [r.call] : [],
      ),
      scopesOf,
      vocabulary,
    );
    assignOwners(
      [
        facts.cancels,
        facts.dialTargets,
        facts.signalHandling,
        facts.serveCalls,
        facts.httpServerCloseCalls,
        facts.httpServerShutdownCalls,
        facts.paramCloseCalls,
        facts.grpcServers,
        facts.grpcStopCalls,
        facts.grpcGracefulStopCalls,
        facts.unboundFieldCalls,
        facts.shutdownBounds,
        facts.exitOnErrorParams,
      ],
      ownerAtLine,
    );
    return facts;
  } finally {
    tree.delete();
  }
}

/**
 * Marks the functions and methods whose `func()` results hand back a cancel func
 * (`FuncFacts.cancelResults`, see {@link cancelReturnIndexes}), among those the vocabulary
 * takes for cancel func returners (`FileDeclarations` `cancelAt`: a `func()` beside a
 * `context.Context`).
 */
function markCancelReturns(
  program: GoFileFacts['program'],
  tops: readonly Node[],
  ownerAtLine: (line: number) => number | undefined,
  withCalls: readonly Node[],
  scopesOf: (node: Node) => Scopes,
  vocabulary: Vocabulary,
): void {
  if (withCalls.length === 0) return;
  for (const top of tops) {
    if (
      top.type !== 'function_declaration' &&
      top.type !== 'method_declaration'
    )
      continue;
    const owner = ownerAtLine(top.startPosition.row + 1);
    const fn =
      owner === undefined || owner < 0 ? undefined : program.funcs[owner];
    if (!fn || !vocabulary.cancelReturners.has(fn.name)) continue;
    const indexes = cancelReturnIndexes(top, withCalls, scopesOf(top));
    if (indexes.length > 0) fn.cancelResults = indexes;
  }
}

/** See `GoSource.operandType`. */
function writtenOperandType(
  src: GoSource,
  resolver: ImportResolver,
  scopesOf: (node: Node) => Scopes,
  operand: Node,
): { pkg: string; name: string } | undefined {
  let type: Node | undefined;
  let init: Node | undefined = operand;
  if (operand.type === 'identifier') {
    const decl = scopesOf(operand).resolve(operand);
    if (!decl) return undefined;
    type = writtenTypeNode(decl) ?? receiverTypeNode(decl);
    init = type ? undefined : initializerOf(decl);
  }
  // A value made where it is written: `&App{}`, `App{}`, `new(testing.T)`.
  if (init?.type === 'parenthesized_expression')
    init = init.namedChild(0) ?? undefined;
  if (init?.type === 'unary_expression')
    init = init.childForFieldName('operand') ?? undefined;
  if (init?.type === 'composite_literal')
    type = init.childForFieldName('type') ?? undefined;
  else if (
    init?.type === 'call_expression' &&
    textOf(src, init.childForFieldName('function')!) === 'new'
  )
    type = init.childForFieldName('arguments')?.namedChild(0) ?? undefined;
  while (type?.type === 'pointer_type' || type?.type === 'parenthesized_type')
    type = type.namedChild(0) ?? undefined;
  if (type?.type === 'generic_type')
    type = type.childForFieldName('type') ?? undefined;
  if (type?.type === 'type_identifier')
    return { pkg: '', name: textOf(src, type) };
  if (type?.type === 'qualified_type') {
    const q = type.childForFieldName('package');
    const name = type.childForFieldName('name');
    const pkg = q && resolver.pathOf(textOf(src, q));
    return pkg && name ? { pkg, name: textOf(src, name) } : undefined;
  }
  return undefined;
}

/** A method's receiver type node (`(s *Server)`: `*Server`). */
function receiverTypeNode(decl: Declaration): Node | undefined {
  return decl.kind === 'receiver'
    ? decl.stmt.childForFieldName('type') ?? undefined
    : undefined;
}
