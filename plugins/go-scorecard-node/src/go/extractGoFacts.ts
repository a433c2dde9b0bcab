import { posix } from 'path';
import { Node } from 'web-tree-sitter';
import { GoFileFacts } from '../facts';
import { dialTargets, packageValues } from './dialTargets';
import { GoParser } from './GoParser';
import { ImportResolver, PKG, readImports } from './imports';
import { lostCancelFindings } from './lostcancel';
import { packageRefs } from './packageRefs';
import { shutdownFacts } from './shutdownFacts';
import { signalFacts } from './signalFacts';
import { callRef, GoSource, textOf } from './syntax';
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
  return wordSites(src, 'go').filter(n => n.type === 'go' && n.parent?.type === 'go_statement')
    .length;
}

/**
 * Parses one Go file and extracts everything the checks need from it; the syntax tree is freed
 * before returning. The tree is not walked node by node: the extractors start from the file's
 * references to the packages that matter (`context`, `google.golang.org/grpc`, `net/http`,
 * `os/signal`, goleak, gin/echo/fiber, under any import alias) and look around them.
 */
export function extractGoFacts(parser: GoParser, path: string, source: string): GoFileFacts {
  const tree = parser.parse(source);
  try {
    const src: GoSource = { path, source, root: tree.rootNode };
    const imports = readImports(src);
    const resolver = new ImportResolver(imports);
    const refs = (pkg: string) => packageRefs(src, resolver.localName(pkg));
    const pkgName = packageName(src);
    const contextRefs = refs(PKG.context);
    const grpcRefs = refs(PKG.grpc);
    const shutdown = shutdownFacts(src, resolver, {
      http: refs(PKG.http),
      grpc: grpcRefs,
      context: contextRefs,
      frameworks: [...refs(PKG.gin), ...refs(PKG.echo), ...refs(PKG.fiber)],
    });
    return {
      path,
      dir: posix.dirname(path),
      packageName: pkgName,
      isTest: path.endsWith('_test.go'),
      syntaxErrorLine: firstSyntaxErrorLine(tree.rootNode),
      imports,
      contextFindings: lostCancelFindings(src, resolver, contextRefs, pkgName),
      goStatements: countGoStatements(src),
      goleakVerifications: refs(PKG.goleak).filter(r => GOLEAK_VERIFY.has(r.name)).length,
      dialTargets: dialTargets(src, resolver, grpcRefs),
      packageValues: packageValues(src, resolver),
      deprecatedDialCalls: grpcRefs
        .filter(r => r.call && DEPRECATED_DIAL.has(r.name))
        .map(r => callRef(src, r.call!)),
      signalHandling: signalFacts(src, resolver, refs(PKG.signal)),
      ...shutdown,
    };
  } finally {
    tree.delete();
  }
}
