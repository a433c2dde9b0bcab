import { posix } from 'node:path';
import { GoFileFacts } from '../facts';

/**
 * The facts of a Go file with nothing in it but what `facts` sets: for check tests that
 * build facts by hand rather than parse Go.
 */
export function goFileFacts(
  facts: Partial<GoFileFacts> & { path: string },
): GoFileFacts {
  return {
    dir: posix.dirname(facts.path),
    packageName: 'main',
    isTest: false,
    buildIgnored: false,
    outOfBuild: false,
    imports: [],
    cancels: [],
    goStatements: 0,
    goleakVerifications: 0,
    dialTargets: [],
    program: {
      funcs: [],
      types: [],
      globals: [],
      locals: [],
      calls: [],
      paramCalls: [],
      stores: [],
      returns: [],
      configLoads: [],
      configDefaults: [],
      configEnvs: [],
    },
    deprecatedDialCalls: [],
    serveCalls: [],
    signalHandling: [],
    signalLists: [],
    httpServerCloseCalls: [],
    httpServerShutdownCalls: [],
    paramCloseCalls: [],
    exitOnErrorParams: [],
    grpcServers: [],
    grpcStopCalls: [],
    grpcGracefulStopCalls: [],
    serverFields: {},
    unboundFieldCalls: [],
    shutdownBounds: [],
    shutdownFallbacks: [],
    fatalErrorCalls: [],
    ...facts,
  };
}
