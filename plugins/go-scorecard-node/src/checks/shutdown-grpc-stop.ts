import { Finding } from '@internal/plugin-go-scorecard-common';
import { Check } from './types';
import { findingAt } from './findingAt';
import { mainPackages } from './mainPackages';

/** `shutdown-grpc-stop`: a gRPC server is stopped with Stop() and never GracefulStop(). */
export const shutdownGrpcStopCheck: Check = {
  id: 'shutdown-grpc-stop',
  run(facts) {
    const packages = mainPackages(facts).filter(p => p.files.some(f => f.grpcServers.length));
    if (packages.length === 0) return { notApplicable: 'no grpc.NewServer in a main package' };
    const findings: Finding[] = [];
    for (const pkg of packages) {
      if (pkg.files.some(f => f.grpcGracefulStopCalls.length)) continue;
      for (const stop of pkg.files.flatMap(f => f.grpcStopCalls)) {
        findings.push(
          findingAt(
            stop,
            `${stop.callee}() cancels in-flight RPCs and the package never calls GracefulStop(): call GracefulStop(), with Stop() only as a fallback after a timeout`,
          ),
        );
      }
    }
    return { findings };
  },
};
