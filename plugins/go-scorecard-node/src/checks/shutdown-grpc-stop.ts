import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';
import { FindingsByPlace, mainPackages } from './mainPackages';

/** `shutdown-grpc-stop`: a binary stops a gRPC server with Stop() and never calls GracefulStop(). */
export const shutdownGrpcStopCheck: Check = {
  id: 'shutdown-grpc-stop',
  reads: ['go'],
  run(facts, program) {
    const binaries = mainPackages(facts, program).filter(
      p => p.grpcServers.length,
    );
    if (binaries.length === 0)
      return { notApplicable: 'no binary creates a grpc.Server' };
    const findings = new FindingsByPlace<Finding>();
    for (const pkg of binaries) {
      if (pkg.grpcGracefulStopCalls.length) continue;
      for (const stop of pkg.grpcStopCalls) {
        findings.add(stop, () =>
          findingAt(
            stop,
            `${stop.callee}() cancels in-flight RPCs and nothing the binary runs calls GracefulStop(): call GracefulStop(), with Stop() only as a fallback after a timeout`,
          ),
        );
      }
    }
    return { findings: findings.values() };
  },
};
