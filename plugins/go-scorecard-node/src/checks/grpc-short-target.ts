import { shortTargets, usesGrpc } from './shortTargets';
import { Check } from './types';

/**
 * `grpc-short-target`: a gRPC dial target (literal, const, env default, flag default,
 * or the manifest env value that feeds it) that the resolver sends through the search
 * domains: fewer dots than ndots, no trailing dot, no scheme, not an IP or localhost.
 * Config files count only when some target's value is a configuration key.
 */
export const grpcShortTargetCheck: Check = {
  id: 'grpc-short-target',
  reads: ['go', 'manifest', 'config'],
  run(facts, program) {
    if (!usesGrpc(facts))
      return {
        notApplicable: 'no Go file imports google.golang.org/grpc',
        decidedBy: ['go'],
      };
    const { findings, readsConfig } = shortTargets(facts, program);
    return {
      findings,
      ...(readsConfig ? {} : { decidedBy: ['go', 'manifest'] }),
    };
  },
};
