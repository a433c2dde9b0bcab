import { GeneratedGoFile, GoFileFacts } from '../facts';

/**
 * A generated Go file as the program sees it: a file of its package that declares its struct
 * types and their field getters (see `go/generatedTypes.ts`) and imports what it imports, with no
 * other functions, calls or values. Its package is a package of the tree even when generated files are all it holds
 * (protoc-gen-go's `internal/conf`), so a field of its types read elsewhere resolves.
 */
export function generatedFileFacts(g: GeneratedGoFile): GoFileFacts {
  return {
    program: {
      funcs: g.funcs,
      types: g.types,
      globals: [],
      locals: [],
      calls: [],
      paramCalls: [],
      stores: [],
      returns: g.returns,
      configLoads: [],
      configDefaults: [],
      configEnvs: [],
    },
    path: g.path,
    dir: g.dir,
    packageName: g.packageName,
    isTest: g.path.endsWith('_test.go'),
    buildIgnored: g.buildIgnored,
    outOfBuild: g.buildIgnored,
    imports: g.imports,
    cancels: [],
    goStatements: 0,
    goleakVerifications: 0,
    dialTargets: [],
    deprecatedDialCalls: [],
    serveCalls: [],
    signalHandling: [],
    signalLists: [],
    httpServerCloseCalls: [],
    httpServerShutdownCalls: [],
    paramCloseCalls: [],
    grpcServers: [],
    grpcStopCalls: [],
    grpcGracefulStopCalls: [],
    serverFields: {},
    unboundFieldCalls: [],
    shutdownBounds: [],
    fatalErrorCalls: [],
    exitOnErrorParams: [],
    shutdownFallbacks: [],
  };
}
